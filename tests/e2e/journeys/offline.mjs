// Offline and private: the service worker, updates, and no network use at all.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import assert from 'node:assert/strict';
import { serve } from '../../../scripts/static-server.mjs';
import { BASE, PORT, DIST, newPage, stored } from '../support.mjs';
import {
  StartPage, AssessmentFrame, OrganizationPage, ObjectivesPage, ServicesPage, ScopePage, ProcessPage, ResultsPage, ReportPage, WorkshopPage,
} from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

/// Waits until the service worker is ready and controls the page.
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

journey('offline: after one visit the app reloads and works with the network off; the answer is saved', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await waitControlled(page);
  await context.setOffline(true);
  await page.reload();
  await start.waitLoaded();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  await page.goto(BASE + '/a/sample-pizza/process/supplier'); // a deep link, offline
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  await proc.answer(1, '4');
  await new AssessmentFrame(page).waitSaveStatus('Saved in this browser');
  const saved = JSON.parse(await stored(page, 'sample-pizza'));
  assert.equal(saved.assessment.participants[0].answers['supplier/supplier-contracts'].answer, 'F');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('update: a new build shows on the next visit, and offline after that, without clearing anything', async (browser) => {
  // A copy of the build on its own origin, so it can be changed like a new deployment.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-update-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const port = PORT + 7;
  const origin = `http://127.0.0.1:${port}`;
  const server2 = await serve(dir, port);
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, origin);
  try {
    await start.open();
    await waitControlled(page);
    assert.equal(await page.title(), 'ITSM Maturity Assessment');

    // "Deploy" a new build: another page title and another cache version.
    const edit = (file, from, to) => {
      const p = path.join(dir, file);
      const text = fs.readFileSync(p, 'utf8');
      assert.ok(text.includes(from), `${file} contains ${from}`);
      fs.writeFileSync(p, text.replace(from, to));
      for (const ext of ['.br', '.gz']) fs.rmSync(p + ext, { force: true });
    };
    edit('index.html', '<title>ITSM Maturity Assessment</title>', '<title>ITSM Maturity Assessment (new build)</title>');
    edit('sw.js', "const CACHE = 'itsm-", "const CACHE = 'itsm-next-");

    // The next visit shows it.
    await start.open();
    assert.equal(await page.title(), 'ITSM Maturity Assessment (new build)');
    // The new worker takes over and drops the old cache; offline, the new build still loads.
    let keys = [];
    for (let i = 0; i < 100 && !(keys.length === 1 && keys[0].startsWith('itsm-next-')); i++) {
      await page.waitForTimeout(100);
      keys = await page.evaluate(() => caches.keys());
    }
    assert.equal(keys.length, 1, `one cache left: ${keys}`);
    assert.match(keys[0], /^itsm-next-/);
    await context.setOffline(true);
    await page.reload();
    await start.waitLoaded();
    assert.equal(await page.title(), 'ITSM Maturity Assessment (new build)');
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server2.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

journey('zero network: only same-origin static files at startup, no request during a full walk-through, no CSP violation', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const start = new StartPage(page, BASE);
  await start.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const startup = requests.length;
  for (const url of requests) {
    assert.ok(url.startsWith(BASE + '/'), `same origin: ${url}`);
    assert.match(new URL(url).pathname, /^\/$|\.(html|js|wasm|css|svg|webmanifest|json)$/, `a static file: ${url}`);
  }
  // After startup, the only requests allowed are the app's own files answered by
  // its service worker from the cache (the sample, fetched when first opened): no network.
  const later = [];
  context.on('requestfinished', async (r) => later.push({ url: r.url(), cached: (await r.response())?.fromServiceWorker() }));
  // Walk through everything with in-app navigation.
  await start.openSample();
  const results = new ResultsPage(page);
  await results.waitLoaded();
  const frame = new AssessmentFrame(page);
  for (const [step, ready] of [['organization', OrganizationPage.sel.ready], ['objectives', ObjectivesPage.sel.ready], ['services', ServicesPage.sel.ready], ['scope', ScopePage.sel.ready], ['process', ProcessPage.sel.ready], ['results', ResultsPage.sel.ready]]) {
    await frame.goStep(step);
    await page.waitForSelector(ready);
  }
  await results.explain('change');
  await results.openReport();
  await new ReportPage(page).waitLoaded();
  await frame.goWorkshop();
  await new WorkshopPage(page).waitLoaded();
  await frame.goHome();
  await start.waitListed();
  await page.waitForTimeout(300);
  const network = later.filter((r) => !r.cached);
  assert.deepEqual(network, [], 'no network request after startup');
  assert.deepEqual(requests.slice(startup).filter((u) => !later.some((r) => r.url === u && r.cached)), [], 'nothing but cached app files after startup');
  assert.ok(later.some((r) => r.url === `${BASE}/sample-pizza.json` && r.cached), 'the sample came from the service worker\'s cache');
  assert.deepEqual(errors.filter((e) => /Content Security Policy/.test(e)), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});
