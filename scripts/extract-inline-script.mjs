// Trunk post-build hook: moves Trunk's inline module loader out of index.html
// into a hashed file, so the Content-Security-Policy can forbid inline scripts,
// and allows the shell's tiny route check by its sha256 in the CSP.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const re = /<script type="?module"?>([\s\S]*?)<\/script>/; // quoted or minified
const m = html.match(re);
if (!m) throw new Error('no inline module script found in index.html');
const hash = crypto.createHash('sha256').update(m[1]).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
// The wasm is fetched once the static start page has painted (one frame later
// than a preload would): the first paint never waits for it, on any network.
const loader = m[1].trim();
const initAt = loader.indexOf('const wasm = await init(');
if (initAt < 0) throw new Error("Trunk's loader has changed: no 'const wasm = await init(' in it");
const boot = loader.slice(0, initAt)
  + '// After the first paint (scripts/extract-inline-script.mjs).\n'
  + 'await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));\n'
  + loader.slice(initAt);
fs.writeFileSync(path.join(dir, name), boot + '\n');
let out = html.replace(re, `<script type="module" src="/${name}"></script>`);
const preload = /<link[^>]*rel="?preload"?[^>]*_bg\.wasm[^>]*>|<link[^>]*_bg\.wasm[^>]*rel="?preload"?[^>]*>/;
if (!preload.test(out)) throw new Error('no wasm preload link found in index.html');
out = out.replace(preload, '');

// The one inline classic script left (the shell's route check, a few bytes) is
// allowed by its hash: fill it into the CSP's 'sha256-SHELL' placeholder.
const classic = [...out.matchAll(/<script>([\s\S]*?)<\/script>/g)];
if (classic.length !== 1) throw new Error(`expected one inline classic script, found ${classic.length}`);
const digest = crypto.createHash('sha256').update(classic[0][1]).digest('base64');
if (!out.includes("'sha256-SHELL'")) throw new Error("no 'sha256-SHELL' placeholder in the CSP");
out = out.replace("'sha256-SHELL'", `'sha256-${digest}'`);
fs.writeFileSync(file, out);
