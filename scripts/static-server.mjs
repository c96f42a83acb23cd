// A tiny static file server for the release build (dist/), with the SPA
// fallback the router needs (unknown paths get index.html) and, like a
// production host, the precompressed copies scripts/precompress.mjs wrote
// (.br, else .gz) when the browser accepts them.
// Usage: node scripts/static-server.mjs [dir] [port]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.ico': 'image/x-icon',
};

// `server.served` counts the bytes sent (bodies as transferred) and lists each
// response, so a benchmark can tell what a visit really downloads.
export function serve(dir = root, p = port) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const ext = path.extname(url.pathname);
      if (ext && ext !== '.html') { res.writeHead(404); res.end('not found'); return; }
      file = path.join(dir, 'index.html');
    }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const accepts = String(req.headers['accept-encoding'] || '');
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accepts.includes(enc) && fs.existsSync(file + ext)) {
        headers['Content-Encoding'] = enc;
        file += ext;
        break;
      }
    }
    res.writeHead(200, headers);
    const size = fs.statSync(file).size;
    server.served.bytes += size;
    server.served.list.push(`${url.pathname} ${size}`);
    fs.createReadStream(file).pipe(res);
  });
  server.served = { bytes: 0, list: [] };
  return new Promise((resolve) => server.listen(p, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().then(() => console.log(`serving ${root} at http://127.0.0.1:${port}`));
}
