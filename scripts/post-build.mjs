// Trunk post-build hook, in order: move the inline loader into a file (CSP),
// minify the JS glue (and fix its integrity hash),
// then write the service worker and register it from that loader, then write
// precompressed (.br, .gz) copies of every file.
await import('./extract-inline-script.mjs');
await import('./minify-js.mjs');
await import('./make-service-worker.mjs');
await import('./precompress.mjs');
