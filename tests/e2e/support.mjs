// Shared by the runner and the journeys: where the app is served, viewports,
// the per-page error watch, screenshots and small helpers.
import { idbGet } from './idb.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { StartPage, ResultsPage } from './pages.mjs';

export const PORT = Number(process.env.E2E_PORT || 8091);
/// The release build that is served (E2E_DIST, default dist/).
export const DIST = path.resolve(process.env.E2E_DIST || 'dist');
export const BASE = `http://127.0.0.1:${PORT}`;
export const SHOTS = path.resolve('tests/e2e/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/// Collects console errors and page errors so every journey can assert none happened.
export function watch(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/// A page in a fresh browser context (its own storage), with its errors watched.
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page, errors: watch(page) };
}

export const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/// Opens the sample assessment from the start page and waits for its results.
export async function openSampleIn(page) {
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
}

/// The saved JSON of an assessment in the browser's database (null if there is
/// none), once the app's pending writes are in (they are written a moment
/// after the change: "Saving…" turns into "Saved").
export async function stored(page, id) {
  await page.waitForFunction(() => !document.querySelector('.save-status.save-pending'), null, { timeout: 5000 }).catch(() => {});
  return idbGet(page, `itsm.a.${id}`);
}

/// Runs `action` and returns the download it starts.
export async function download(page, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  return dl;
}

/// The assessment id in the current address (/a/<id>/...).
export const assessmentId = (page) => page.url().match(/\/a\/([^/]+)\//)[1];

/// How many px the page scrolls sideways (1 or less: it does not).
export const sidewaysOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/// Reads CSV text (quoted cells, doubled quotes, line breaks inside quotes) into rows of cells.
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  return rows;
}
