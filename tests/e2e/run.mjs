// Browser journeys against the release build in dist/, in Debian's headless
// Chromium driven by playwright-core. Prints one line per journey and a summary;
// exits non-zero on any failure. Screenshots go to tests/e2e/screenshots/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/static-server.mjs';
import { StartPage, OverviewPage } from './pages.mjs';

const PORT = Number(process.env.E2E_PORT || 8091);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = path.resolve('tests/e2e/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

// Collects console errors and page errors so every journey can assert none happened.
function watch(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page, errors: watch(page) };
}

journey('start page loads with no console error and shows the product', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  assert.equal(await start.brand().innerText(), 'ITSM Maturity');
  assert.match(await start.heading().innerText(), /IT service management/);
  assert.match(await page.locator('.privacy-note').innerText(), /nothing you enter is ever sent anywhere/);
  assert.equal(await page.locator('#no-saved').count(), 1, 'a first visit has no saved assessments');
  await page.screenshot({ path: path.join(SHOTS, 'start-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

journey('the sample opens, is saved, and shows supplier and change relevance with reasons', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  const overview = new OverviewPage(page);
  await overview.waitLoaded();
  assert.match(await overview.title().innerText(), /Pizza&Pizza/);
  assert.match(page.url(), /\/a\/sample-pizza$/);
  assert.match(await overview.reasons('supplier'), /Payment system' is provided by a supplier/);
  assert.ok(await overview.relevance('supplier') >= 60, 'supplier management is highly relevant');
  assert.match(await overview.reasons('change'), /changes weekly or daily/);
  await page.screenshot({ path: path.join(SHOTS, 'sample-overview-1280.png'), fullPage: true });
  // Saved: a reload of the deep link shows the same assessment.
  await page.reload();
  await overview.waitLoaded();
  assert.match(await overview.title().innerText(), /Pizza&Pizza/);
  await start.open();
  assert.equal(await start.savedNames().count(), 1);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, 'start-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

const server = await serve(path.resolve('dist'), PORT);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
let failed = 0;
const t0 = Date.now();
try {
  for (const j of journeys) {
    const t = Date.now();
    try {
      await j.fn(browser);
      console.log(`  ok    ${j.name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${j.name}\n        ${String(e.stack || e).split('\n').slice(0, 6).join('\n        ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`browser journeys: ${journeys.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
