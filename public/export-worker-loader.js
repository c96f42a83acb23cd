// The export worker's loader: runs the worker's wasm-bindgen glue (its
// "no-modules" build defines wasm_bindgen) and starts its wasm, which then
// posts "ready". Same origin only; nothing else is fetched. When the wasm
// cannot be loaded, the page is told so at once.
importScripts('/export-worker.js');
wasm_bindgen({ module_or_path: '/export-worker_bg.wasm' }).catch((e) => {
  postMessage('error: the export worker could not be loaded (' + (e && e.message ? e.message : e) + ')');
});
