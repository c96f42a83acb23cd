// Trunk post-build hook: writes sw.js, a service worker that caches the app
// shell (every file of this build, hashed names included) so the app loads
// and works offline after one visit. Pages come from the network first (the
// cache when offline), so a new build shows on the next visit; each build has
// its own cache name, and old caches are removed once the new one is in place.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const files = fs.readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'sw.js' && fs.statSync(path.join(dir, f)).isFile()).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const shell = files.map((f) => '/' + f);

fs.writeFileSync(path.join(dir, 'sw.js'), `// Generated at build time by scripts/make-service-worker.mjs.
const CACHE = 'itsm-${version}';
const SHELL = ${JSON.stringify(shell)};

// Files whose name carries their content hash: the copies the page has just
// downloaded (the browser's HTTP cache) are exactly these, so the first visit
// downloads nothing twice. Other files are fetched as usual.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\\.(js|wasm|css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(SHELL.map(async (url) => {
      const res = await fetch(url, { cache: HASHED.test(url) ? 'force-cache' : 'default' });
      if (!res.ok) throw new Error('precache: ' + url + ' answered ' + res.status);
      await cache.put(url, res);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('itsm-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Every route is the single-page app. The page comes from the network when it
    // answers within 3 s, so a new build shows on the very next visit; offline, or
    // on a network that hangs, the cached copy is served.
    event.respondWith((async () => {
      const cached = await caches.match('/index.html');
      if (!cached) return fetch(req);
      try {
        const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error('slow network')), 3000));
        const fresh = await Promise.race([fetch('/index.html', { cache: 'no-cache' }), timeout]);
        if (fresh.ok) return fresh;
      } catch (e) { /* offline or too slow: the cached app */ }
      return cached;
    })());
    return;
  }
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
`);

// Register it from the loader (a file, not inline: the CSP forbids inline scripts).
const boot = files.find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
if (!boot) throw new Error('no boot-*.js loader found: run extract-inline-script.mjs first');
fs.appendFileSync(path.join(dir, boot), `
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => { /* offline support is a bonus; the app works without it */ });
}
`);
