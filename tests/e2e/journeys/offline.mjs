// Offline and private: the service worker, updates, and no network use at all.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import assert from 'node:assert/strict';
import { serve } from '../../../scripts/static-server.mjs';
import { BASE, PORT, DIST, newPage, stored, watch, shot } from '../support.mjs';
import { idbKeys } from '../idb.mjs';
import {
  StartPage, AssessmentFrame, OrganizationPage, ObjectivesPage, ServicesPage, ScopePage, ProcessPage, ResultsPage, ReportPage, WorkshopPage, Banners,
} from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

/// Waits until the service worker is ready and controls the page.
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

journey('offline: after one visit the app reloads and works with the network off: the Excel workbook is written, the answer is saved', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await waitControlled(page);
  await context.setOffline(true);
  await page.reload();
  await start.waitLoaded();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  // The Excel workbook's worker comes from the service worker's cache.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.ok(fs.statSync(await xlsx.path()).size > 10000, 'a workbook, offline');
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
  const pageRequests = []; // what the page asks for itself, not the service worker's precache
  context.on('request', (r) => { requests.push(r.url()); if (!r.serviceWorker()) pageRequests.push(r.url()); });
  const start = new StartPage(page, BASE);
  await start.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const startup = requests.length;
  const pageStartup = pageRequests.length;
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
  assert.ok(later.some((r) => r.url === `${BASE}/default.json` && r.cached), 'the default catalog came from the service worker\'s cache');
  assert.ok(!pageRequests.slice(0, pageStartup).includes(`${BASE}/default.json`), 'the page does not fetch the catalog at start-up (only the service worker precaches it)');
  assert.deepEqual(errors.filter((e) => /Content Security Policy/.test(e)), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('start-up carries no catalog: the built wasm holds none of the default catalog\'s text, which is fetched once when needed', async (browser) => {
  const wasm = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 1, 'a wasm file in the build');
  const catalog = JSON.parse(fs.readFileSync(path.join(DIST, 'default.json'), 'utf8'));
  // Question texts, help and hints: none of them is in the start-up bundle.
  const texts = catalog.processes.flatMap((p) => p.questions.map((q) => q.text)).concat(catalog.generic_questions.map((q) => q.text));
  assert.ok(texts.length > 100, `${texts.length} question texts`);
  for (const f of wasm) {
    const bytes = fs.readFileSync(path.join(DIST, f)).toString('latin1');
    const carried = texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8').toString('latin1')));
    assert.deepEqual(carried, [], `${f} carries catalog text`);
  }
  // Opening the sample and then a new assessment fetches the file once.
  const { context, page, errors } = await newPage(browser);
  const fetched = [];
  // Requests the page makes itself (the service worker's precache also reads the file once, in the background).
  context.on('request', (r) => { if (!r.serviceWorker() && new URL(r.url()).pathname === '/default.json') fetched.push(r.url()); });
  const start = new StartPage(page, BASE);
  await start.open();
  await page.waitForTimeout(200);
  assert.equal(fetched.length, 0, 'the start page does not need the catalog');
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  assert.equal(fetched.length, 1, 'fetched when the sample opened');
  await new AssessmentFrame(page).goHome();
  await start.waitListed();
  await start.newAssessment();
  await new OrganizationPage(page).waitLoaded();
  assert.equal(fetched.length, 1, 'not fetched again');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('catalog unreachable: a new assessment says so, creates nothing, and works on the next try', async (browser) => {
  // No service worker, so the page's own fetch meets the failing network.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watch(page);
  let fail = true;
  await page.route('**/default.json', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  const start = new StartPage(page, BASE);
  await start.open();
  await start.newAssessment();
  const banners = new Banners(page);
  await banners.error().waitFor();
  assert.match(await banners.error().innerText(), /The catalog of questions could not be loaded: \/default.json did not arrive.*Nothing was changed/s);
  assert.equal(new URL(page.url()).pathname, '/', 'still on the start page');
  await shot(page, 'catalog-unreachable');
  const keys = await idbKeys(page, 'itsm.a.');
  assert.deepEqual(keys, [], 'no assessment was created');
  fail = false;
  await start.newAssessment();
  await new OrganizationPage(page).waitLoaded();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});
