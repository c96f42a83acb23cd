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
fs.writeFileSync(path.join(dir, name), m[1].trim() + '\n');
let out = html.replace(re, `<script type="module" src="/${name}"></script>`);

// The one inline classic script left (the shell's route check, a few bytes) is
// allowed by its hash: fill it into the CSP's 'sha256-SHELL' placeholder.
const classic = [...out.matchAll(/<script>([\s\S]*?)<\/script>/g)];
if (classic.length !== 1) throw new Error(`expected one inline classic script, found ${classic.length}`);
const digest = crypto.createHash('sha256').update(classic[0][1]).digest('base64');
if (!out.includes("'sha256-SHELL'")) throw new Error("no 'sha256-SHELL' placeholder in the CSP");
out = out.replace("'sha256-SHELL'", `'sha256-${digest}'`);
fs.writeFileSync(file, out);
