// Trunk post-build hook step: minifies the wasm-bindgen JS glue with terser
// (Trunk's own minifier gives up on its `export default`), then writes the
// new file's Subresource Integrity hash into index.html.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const glue = fs.readdirSync(dir).find((f) => /^itsm-maturity-[0-9a-f]{8,16}\.js$/.test(f));
if (!glue) throw new Error('no wasm-bindgen JS glue (itsm-maturity-<hash>.js) among: ' + fs.readdirSync(dir).join(', '));
const file = path.join(dir, glue);
const before = fs.readFileSync(file, 'utf8');
const sri = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');
const { code } = await minify(before, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
fs.writeFileSync(file, code);
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
const old = sri(before);
if (html.includes(old)) fs.writeFileSync(index, html.replace(old, sri(code)));
else if (/integrity=/.test(html) && html.includes(glue)) throw new Error(`index.html names ${glue} with an integrity hash that is not the glue's`);
