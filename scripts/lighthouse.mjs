// Lighthouse scores of the release build (dist/) in headless Chromium: the
// start page with the desktop preset and with the default (mobile) preset, for
// performance, accessibility, best practices and SEO. Prints each score next
// to its goal of 100, the lab metrics, and every audit that scored below 1
// with its offending items, so they can be fixed. It reports, it does not fail.
//
// Standalone: node scripts/lighthouse.mjs [dist-dir]   (or LH_DIST=dir)
// LH_JSON_DIR=dir also writes the full results (lighthouse-<preset>.json).
// The build is served like a production host: the precompressed .br/.gz copies
// (static-server.mjs), so the scores reflect what a browser really transfers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 8093;
const URL_ = `http://127.0.0.1:${PORT}/`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const METRICS = [
  ['first-contentful-paint', 'FCP'], ['largest-contentful-paint', 'LCP'], ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'], ['speed-index', 'SI'], ['interactive', 'TTI'],
];
const MAX_ITEMS = 12;

const line = (name, value, goal, ok) => console.log(`${name.padEnd(58)} ${value.padStart(18)}   goal   ${goal.padEnd(10)} ${ok ? 'met' : 'MISSED'}`);
const oneLine = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const clip = (s, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// Readable lines for an audit's details (tables, lists, network trees, checklists),
// so the offending elements, resources and messages can be found in src/.
const short = (u) => String(u).replace(`http://127.0.0.1:${PORT}`, '') || '/';
function describeNode(n) {
  const parts = [n.selector || n.snippet || ''];
  if (n.nodeLabel && n.nodeLabel !== n.selector) parts.push(`“${clip(oneLine(n.nodeLabel), 60)}”`);
  // axe's explanation, without its "Fix any of the following:" header: the reason (e.g. contrast figures).
  const why = oneLine((n.explanation || '').split('\n').filter((l) => l.trim() && !/^Fix (any|all) of the following/.test(l)).join('; '));
  if (why) parts.push(`— ${why}`);
  return parts.join(' ');
}
function formatValue(v, valueType) {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'object') {
    if (v.type === 'node') return describeNode(v);
    if (v.type === 'source-location') return `${short(v.url)}:${v.line + 1}:${v.column + 1}`;
    if (v.type === 'url' || v.type === 'code' || v.type === 'text') return short(v.value);
    if (v.type === 'link') return `${v.text} (${v.url})`;
    if (v.type === 'numeric') return String(v.value);
    return clip(oneLine(JSON.stringify(v)), 120);
  }
  if (typeof v === 'number') {
    if (valueType === 'ms' || valueType === 'timespanMs') return `${Math.round(v)} ms`;
    if (valueType === 'bytes') return `${(v / 1024).toFixed(1)} KiB`;
    return String(Math.round(v * 1000) / 1000);
  }
  return valueType === 'url' ? short(v) : oneLine(v);
}
function formatRow(item, headings) {
  const cells = [];
  for (const h of headings) {
    if (!h?.key) continue;
    const text = formatValue(item[h.key], h.valueType);
    if (!text) continue;
    const plain = ['node', 'url', 'source-location', 'code'].includes(h.valueType) || typeof item[h.key] === 'object';
    cells.push(plain || !h.label ? text : `${h.label} ${text}`);
  }
  return clip(cells.join(', ') || oneLine(JSON.stringify(item)), 400);
}
function detailLines(d) {
  if (!d || typeof d !== 'object') return [];
  switch (d.type) {
    case 'table':
    case 'opportunity': {
      const out = [];
      const subHeadings = (d.headings || []).map((h) => (h.subItemsHeading ? { ...h, ...h.subItemsHeading } : null));
      for (const item of d.items || []) {
        out.push(formatRow(item, d.headings || []));
        for (const sub of item.subItems?.items || []) out.push(`  ↳ ${formatRow(sub, subHeadings)}`);
      }
      return out;
    }
    case 'list': return (d.items || []).flatMap(detailLines);
    case 'list-section': {
      const inner = detailLines(d.value);
      return d.title ? inner.map((l, i) => (i === 0 ? `${d.title}: ${l}` : l)) : inner;
    }
    case 'text': return [oneLine(d.value)];
    case 'checklist': return Object.values(d.items || {}).map((c) => `${c.value ? 'ok' : 'NO'}: ${c.label}`);
    case 'network-tree': {
      const out = [];
      const walk = (chains, depth) => {
        for (const c of Object.values(chains || {})) {
          out.push(`${'  '.repeat(depth)}${short(c.url)} (ends ${Math.round(c.navStartToEndTime)} ms, ${(c.transferSize / 1024).toFixed(1)} KiB)`);
          walk(c.children, depth + 1);
        }
      };
      walk(d.chains, 0);
      if (d.longestChain) out.push(`longest chain ${Math.round(d.longestChain.duration)} ms`);
      return out;
    }
    default: return [];
  }
}

function report(preset, lhr) {
  for (const id of CATEGORIES) {
    const cat = lhr.categories[id];
    const score = cat?.score == null ? null : Math.round(cat.score * 100);
    line(`Lighthouse ${preset} ${id} (0–100)`, score == null ? 'n/a' : String(score), '100', score === 100);
  }
  const metrics = METRICS.filter(([id]) => lhr.audits[id])
    .map(([id, abbr]) => `${abbr} ${oneLine(lhr.audits[id].displayValue)}`);
  console.log(`  ${preset} metrics: ${metrics.join(', ')}`);
  // Audits below 1 in the chosen categories (each once, in category order).
  const seen = new Set();
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (seen.has(ref.id) || !a || a.score === null || a.score >= 1) continue;
      if (['informative', 'notApplicable', 'manual', 'error'].includes(a.scoreDisplayMode)) continue;
      seen.add(ref.id);
      failing.push({ cat: id, a, weight: ref.weight });
    }
  }
  if (!failing.length) { console.log(`  ${preset}: every audit scored 1`); return; }
  console.log(`  ${preset}: ${failing.length} audit(s) below 1 ("not scored": weight 0, advice only):`);
  for (const { cat, a, weight } of failing) {
    const dv = a.displayValue ? ` — ${oneLine(a.displayValue)}` : '';
    const w = weight ? `weight ${Math.round(weight * 10) / 10}` : 'not scored';
    console.log(`   [${cat}, ${w}] ${a.id} (score ${a.score.toFixed(2)}): ${oneLine(a.title)}${dv}`);
    const lines = detailLines(a.details);
    for (const l of lines.slice(0, MAX_ITEMS)) console.log(`       · ${l}`);
    if (lines.length > MAX_ITEMS) console.log(`       · … and ${lines.length - MAX_ITEMS} more`);
  }
  const errors = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error' && seen.has(a.id) === false && a.errorMessage);
  for (const a of errors) console.log(`   (audit ${a.id} could not run: ${clip(oneLine(a.errorMessage), 160)})`);
}

export async function runLighthouse(distDir = path.join(ROOT, 'dist')) {
  const dist = path.resolve(distDir);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no index.html in ${dist}`);
  const jsonDir = process.env.LH_JSON_DIR;
  const t0 = Date.now();
  const server = await serve(dist, PORT);
  let chrome;
  const results = {};
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      chromeFlags: CHROME_FLAGS,
      logLevel: 'silent',
    });
    const flags = { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES };
    for (const [preset, config] of [['desktop', desktopConfig], ['mobile', undefined]]) {
      const result = await lighthouse(URL_, flags, config);
      if (!result) throw new Error(`Lighthouse returned no result (${preset})`);
      const { lhr } = result;
      if (lhr.runtimeError) console.log(`  ${preset}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings ?? []) console.log(`  ${preset} warning: ${clip(oneLine(w), 200)}`);
      if (jsonDir) {
        fs.mkdirSync(jsonDir, { recursive: true });
        fs.writeFileSync(path.join(jsonDir, `lighthouse-${preset}.json`), JSON.stringify(lhr, null, 1));
      }
      report(preset, lhr);
      results[preset] = lhr;
    }
  } finally {
    if (chrome) {
      try { chrome.kill(); } catch { /* already gone */ }
    }
    server.closeAllConnections?.();
    server.close();
  }
  console.log(`${'Lighthouse run time (s)'.padEnd(58)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(18)}`);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLighthouse(process.argv[2] || process.env.LH_DIST || path.join(ROOT, 'dist')).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
