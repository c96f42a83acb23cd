// Prints the size of every file the release build in dist/ serves (raw, gzip,
// brotli): first the files the app loads at startup and their total, then the
// export worker, which is loaded on the first export (and precached).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || 'dist');
const all = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm|css|svg)$/.test(f)).sort();
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';

function table(title, files) {
  let total = [0, 0, 0];
  console.log(`${title.padEnd(36)} raw        gzip      brotli`);
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total = [total[0] + buf.length, total[1] + gz, total[2] + br];
    console.log(`  ${f.replace(/-[0-9a-f]{16}/, '-<hash>').padEnd(34)} ${kb(buf.length)} ${kb(gz)} ${kb(br)}`);
  }
  console.log(`  ${'total'.padEnd(34)} ${kb(total[0])} ${kb(total[1])} ${kb(total[2])}`);
}

const worker = (f) => f.startsWith('export-worker');
table('Startup files (release build)', all.filter((f) => !worker(f)));
table('Export worker (on first export)', all.filter(worker));
