// Browser journeys against the release build (E2E_DIST, default dist/), in
// Debian's headless Chromium driven by playwright-core. The journeys live in
// journeys/, one file per area; this file only runs them. Prints one line per
// journey and a summary; exits non-zero on any failure. ONLY=<substring> runs
// the journeys whose name contains it; E2E_PORT sets the port (default 8091).
// Screenshots go to tests/e2e/screenshots/.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';
import { PORT, DIST, CHROMIUM_ARGS } from './support.mjs';
import { journeys as flow } from './journeys/flow.mjs';
import { journeys as results } from './journeys/results.mjs';
import { journeys as persistence } from './journeys/persistence.mjs';
import { journeys as workshop } from './journeys/workshop.mjs';
import { journeys as offline } from './journeys/offline.mjs';
import { journeys as accessibility } from './journeys/accessibility.mjs';
import { journeys as units } from './journeys/units.mjs';
import { journeys as storage } from './journeys/storage.mjs';
import { journeys as room } from './journeys/room.mjs';

// Area by area, except these four, which run last in this order (as they always have).
const LAST = ['dark mode:', 'keyboard only: from the start page', 'charts follow the window', '200 % zoom'];
const all = [...flow, ...results, ...persistence, ...storage, ...workshop, ...room, ...units, ...offline, ...accessibility];
const names = all.map((j) => j.name);
const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
if (duplicates.length) throw new Error(`journey names must be unique: ${duplicates.join('; ')}`);
const last = LAST.map((prefix) => {
  const found = all.filter((j) => j.name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`LAST entry "${prefix}" matches ${found.length} journeys, not 1`);
  return found[0];
});
const journeys = [...all.filter((j) => !last.includes(j)), ...last];
const only = process.env.ONLY;

const server = await serve(DIST, PORT);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
let failed = 0;
let ran = 0;
const t0 = Date.now();
try {
  for (const j of journeys) {
    if (only && !j.name.includes(only)) continue;
    ran++;
    const t = Date.now();
    try {
      await j.fn(browser);
      console.log(`  ok    ${j.name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${j.name}\n        ${String(e.stack || e).split('\n').slice(0, 8).join('\n        ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`browser journeys: ${ran - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
