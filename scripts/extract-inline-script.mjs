// Trunk post-build hook: moves Trunk's inline module loader out of index.html
// into a hashed file, so the Content-Security-Policy can forbid inline scripts.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run me as a Trunk hook');
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const re = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(re);
if (!m) throw new Error('no inline module script found in index.html');
const hash = crypto.createHash('sha256').update(m[1]).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
fs.writeFileSync(path.join(dir, name), m[1].trim() + '\n');
fs.writeFileSync(file, html.replace(re, `<script type="module" src="/${name}"></script>`));
