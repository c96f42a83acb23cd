// Trunk post-build hook, last step: writes a brotli (.br, quality 11) and a
// gzip (.gz, level 9) copy next to every text and wasm file of the build, so
// any static host that serves precompressed files (nginx's gzip_static and
// brotli_static, Caddy's precompressed, scripts/static-server.mjs) sends the
// smallest form without compressing on each request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const compressible = /\.(html|js|css|wasm|svg|webmanifest|json)$/;
for (const f of fs.readdirSync(dir)) {
  const file = path.join(dir, f);
  if (!compressible.test(f) || !fs.statSync(file).isFile()) continue;
  const buf = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
}
