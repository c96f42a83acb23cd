// The app's browser database (IndexedDB `itsm`, object store `kv`: a text per
// key), read and written from the tests as another tab would: seeding data,
// reading back what was saved, simulating corruption.

/// Runs `op` on the database inside the page: 'get' (key → text or null),
/// 'keys' (prefix → keys), 'put' ([[key, text], …] in one transaction),
/// 'delete' (key), 'clear'.
export const idb = (page, op, arg) => page.evaluate(async ([op, arg]) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('itsm', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('kv');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction('kv', op === 'get' || op === 'keys' ? 'readonly' : 'readwrite');
  const done = new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); tx.onerror = () => reject(tx.error); });
  const store = tx.objectStore('kv');
  const result = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  let out = null;
  if (op === 'get') out = (await result(store.get(arg))) ?? null;
  else if (op === 'keys') out = (await result(store.getAllKeys())).filter((k) => String(k).startsWith(arg));
  else if (op === 'put') for (const [k, v] of arg) store.put(v, k);
  else if (op === 'delete') store.delete(arg);
  else if (op === 'clear') store.clear();
  await done;
  db.close();
  return out;
}, [op, arg]);

export const idbGet = (page, key) => idb(page, 'get', key);
export const idbKeys = (page, prefix) => idb(page, 'keys', prefix);
export const idbPut = (page, entries) => idb(page, 'put', entries);
export const idbDelete = (page, key) => idb(page, 'delete', key);
export const idbClear = (page) => idb(page, 'clear');

/// Makes every write of the page's database fail as a full quota does (until the page reloads).
export const fillQuota = (page) => page.evaluate(() => {
  IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
});
