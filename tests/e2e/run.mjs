// Browser journeys against the release build in dist/, in Debian's headless
// Chromium driven by playwright-core. Prints one line per journey and a summary;
// exits non-zero on any failure. Screenshots go to tests/e2e/screenshots/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/static-server.mjs';
import { StartPage, AssessmentFrame, ResultsPage, ScopePage, ProcessPage, tabTo, assertAccessible } from './pages.mjs';

const PORT = Number(process.env.E2E_PORT || 8091);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = path.resolve('tests/e2e/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });
const only = process.env.ONLY;

// Collects console errors and page errors so every journey can assert none happened.
function watch(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page, errors: watch(page) };
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

journey('start page loads with no console error and shows the product', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  assert.equal(await start.brand().innerText(), 'ITSM Maturity');
  assert.match(await start.heading().innerText(), /IT service management/);
  assert.match(await page.locator('.privacy-note').innerText(), /nothing you enter is ever sent anywhere/);
  assert.equal(await page.locator('#no-saved').count(), 1, 'a first visit has no saved assessments');
  await assertAccessible(page, 'start page');
  await shot(page, 'start-1280');
  await page.setViewportSize(PHONE);
  await shot(page, 'start-390');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('app shell: the start page hero paints before the wasm, deep links hide it, and the app takes over without a layout shift', async (browser) => {
  // With the wasm held back, the static shell shows the product at / ...
  const held = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const early = await held.newPage();
  await early.route('**/*.wasm', (r) => r.abort());
  await early.goto(BASE + '/');
  assert.ok(await early.locator('#app-shell .hero h1').isVisible(), 'the hero is visible before the app starts');
  const shellText = await early.locator('#app-shell .hero').evaluate((el) => [el.querySelector('h1').textContent, el.querySelector('.lede').textContent, el.querySelector('.privacy-note').textContent]);
  // ... but not on a deep link, where the app will open another page.
  await early.goto(BASE + '/a/someone/results');
  assert.ok(await early.locator('#app-shell .topbar').isVisible());
  assert.ok(!(await early.locator('#app-shell .hero h1').isVisible()), 'a deep link shows no start-page hero');
  await held.close();

  // The app replaces the shell with the same text, in the same place: no layout shift.
  const { context, page, errors } = await newPage(browser);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  const start = new StartPage(page, BASE);
  await start.open();
  assert.equal(await page.locator('#app-shell').count(), 0, 'the shell is gone once the app runs');
  assert.equal(await page.locator('h1').count(), 1);
  const appText = await page.locator('.hero').evaluate((el) => [el.querySelector('h1').textContent, el.querySelector('.lede').textContent, el.querySelector('.privacy-note').textContent]);
  assert.deepEqual(shellText, appText, 'index.html and the start page say the same');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('(a) a new user opens the sample and reaches the scope page: supplier and change with reasons', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  const results = new ResultsPage(page);
  await results.waitLoaded();
  assert.match(page.url(), /\/a\/sample-pizza\/results$/);
  assert.match(await results.title().innerText(), /Pizza&Pizza/);
  await new AssessmentFrame(page).goStep('scope');
  const scope = new ScopePage(page);
  await scope.waitLoaded();
  assert.match(page.url(), /\/a\/sample-pizza\/scope$/);
  assert.ok(await scope.inScope('supplier'));
  assert.ok(await scope.relevance('supplier') >= 50, 'supplier management is highly relevant');
  assert.match(await scope.reasons('supplier'), /service 'Payment system' \(bought and customized, criticality 5\) → supplier management/);
  assert.match(await scope.reasons('supplier'), /service 'Telephony' \(outsourced or SaaS, criticality 4\) → supplier management/);
  assert.ok(await scope.inScope('change'));
  assert.match(await scope.reasons('change'), /service 'Ordering website' \(changes weekly or daily, criticality 5\) → change management/);
  // A reload keeps the step and the data; the start list shows the sample once.
  await page.reload();
  await scope.waitLoaded();
  assert.match(await scope.reasons('change'), /changes weekly or daily/);
  await page.goto(BASE + '/');
  await page.waitForURL(/\/a\/sample-pizza\/scope$/); // resumes at the last step
  await new ScopePage(page).waitLoaded();
  assert.deepEqual(errors, []);
  await context.close();
});

journey('(b) keyboard only: create, organization, two objectives, a service, a quick-scan process; reload restores', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await tabTo(page, '#new-assessment');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/a\/[^/]+\/organization$/);
  const id = page.url().match(/\/a\/([^/]+)\//)[1];

  // Organization: type into the fields with the keyboard.
  await tabTo(page, '#org-name-input');
  await page.keyboard.type('Acme <img src=x onerror=alert(1)> & Sons');
  await tabTo(page, '#assessment-name-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  assert.match(await page.locator('.field-error').innerText(), /Give the assessment a name/);
  await page.keyboard.type('Acme service review');
  assert.equal(await page.locator('.field-error').count(), 0);
  await tabTo(page, '#org-sector');
  await page.keyboard.type('Manufacturing');
  await tabTo(page, '.step-next');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/objectives$/);

  // Objectives: two ratings with arrow keys inside the radio groups.
  await tabTo(page, 'input[name="imp-managed-business-risk"]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await tabTo(page, 'input[name="imp-protect-data"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#rated-count').innerText(), '2 objectives rated');
  await tabTo(page, '.step-next');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/services$/);

  // Services: add one through the form.
  assert.equal(await page.locator('#no-services').count(), 1);
  await tabTo(page, '#add-service');
  await page.keyboard.press('Enter');
  await tabTo(page, '#svc-name');
  await page.keyboard.type('Customer portal');
  await tabTo(page, '#svc-criticality');
  await page.keyboard.press('ArrowDown'); // 3 -> 4
  await tabTo(page, '#svc-sourcing');
  await page.keyboard.press('ArrowDown'); // in-house -> bought
  await tabTo(page, '#svc-external');
  await page.keyboard.press('Space');
  await tabTo(page, '#save-service');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.service h3');
  assert.equal(await page.locator('.service h3').innerText(), 'Customer portal');
  assert.match(await page.locator('.service .tags').innerText(), /Criticality 4[\s\S]*Customers and staff[\s\S]*Bought and customized/);
  // Removing is undoable.
  await tabTo(page, '.service .btn-danger');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#no-services');
  await tabTo(page, '#undo-remove');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.service h3');
  assert.equal(await page.locator('.service h3').innerText(), 'Customer portal');

  // Questions: the stepper's "Questions" goes to the most relevant unanswered process.
  await tabTo(page, '.stepper a[data-step="process"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/process\/[^/]+$/);
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  const processUrl = page.url();
  const count = await proc.questions().count();
  assert.equal(count, 9, 'quick scan: one question per attribute');
  // Focus starts on the first question; each key answers and moves on.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-0');
  const keys = ['4', '3', '2', '1', 'f', 'l', 'p', 'n', '0'];
  for (const k of keys) await page.keyboard.press(k);
  const expected = ['F', 'L', 'P', 'N', 'F', 'L', 'P', 'N', 'NA'];
  assert.deepEqual(await proc.pressed(), expected);
  assert.match(await page.locator('.process-head .progress').innerText(), /100 %/);
  await shot(page, 'process-keyboard-1280');

  // Reload at once: the pending save is flushed when the page hides.
  await page.reload();
  await proc.waitLoaded();
  assert.equal(page.url(), processUrl, 'the same step after reload');
  assert.deepEqual(await proc.pressed(), expected, 'answers restored');
  assert.equal(await page.locator('#org-name').evaluate((e) => e.textContent), 'Acme <img src=x onerror=alert(1)> & Sons', 'hostile text shown literally');
  assert.equal(await page.locator('img[src=x]').count(), 0, 'never executed as markup');
  await page.goto(`${BASE}/a/${id}/objectives`);
  await page.waitForSelector('#rated-count');
  assert.equal(await page.locator('#rated-count').innerText(), '2 objectives rated');
  assert.ok(await page.locator('input[name="imp-managed-business-risk"][value="5"]').isChecked());
  assert.ok(await page.locator('input[name="imp-protect-data"][value="3"]').isChecked());
  await page.goto(`${BASE}/a/${id}/services`);
  await page.waitForSelector('.service h3');
  assert.equal(await page.locator('.service h3').innerText(), 'Customer portal');
  await page.goto(`${BASE}/a/${id}/organization`);
  await page.waitForSelector('#org-sector');
  assert.equal(await page.locator('#org-sector').inputValue(), 'Manufacturing');
  assert.equal(await page.locator('#assessment-name-input').inputValue(), 'Acme service review');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('(c) back/forward and a deep link to a process page work after reload', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  const frame = new AssessmentFrame(page);
  await frame.goStep('services');
  await page.waitForSelector('.service h3');
  await frame.goStep('scope');
  await new ScopePage(page).waitLoaded();
  await page.goto(`${BASE}/a/sample-pizza/process/supplier`);
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  assert.equal(await proc.title().innerText(), 'Supplier management');
  await page.reload();
  await proc.waitLoaded();
  await page.goBack();
  await page.waitForURL(/\/scope$/);
  await new ScopePage(page).waitLoaded();
  await page.goBack();
  await page.waitForURL(/\/services$/);
  await page.waitForSelector('.service h3');
  assert.equal(await page.locator('.service h3').count(), 3);
  await page.goForward();
  await page.waitForURL(/\/scope$/);
  await page.goForward();
  await page.waitForURL(/\/process\/supplier$/);
  await proc.waitLoaded();
  // A deep link in a fresh tab of the same browser profile.
  const tab = await context.newPage();
  const tabErrors = watch(tab);
  await tab.goto(`${BASE}/a/sample-pizza/process/change`);
  await new ProcessPage(tab).waitLoaded();
  assert.equal(await tab.locator('#process-title').innerText(), 'Change management');
  const answers = await new ProcessPage(tab).pressed();
  assert.ok(answers.every((a) => a !== null), 'the sample is fully answered');
  // An unknown process and an unknown assessment get clear messages.
  await tab.goto(`${BASE}/a/sample-pizza/process/nope`);
  await tab.waitForSelector('text=Unknown process');
  await tab.goto(`${BASE}/a/does-not-exist/scope`);
  await tab.waitForSelector('text=Assessment not found');
  assert.deepEqual(errors, []);
  assert.deepEqual(tabErrors, []);
  await context.close();
});

journey('every step: screenshots at 1280×800 and 390×844, and no serious axe violation', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  const steps = [
    ['organization', '#org-name-input'], ['objectives', '#rated-count'], ['services', '.service h3'],
    ['scope', '#scope-table tbody tr'], ['process/incident', '.question'], ['results', '#profile-table tbody tr'],
  ];
  for (const [step, ready] of steps) {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${BASE}/a/sample-pizza/${step}`);
    await page.waitForSelector(ready);
    await assertAccessible(page, step);
    const name = step.replace('/', '-');
    await shot(page, `${name}-1280`);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(100);
    await shot(page, `${name}-390`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${step} scrolls sideways at 390 px (${overflow} px)`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

journey('results: four charts, explain for change management, Now items, CSV exports, PDF report, axe', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await page.waitForSelector('#profile-table tbody tr');
  // Four charts, each with content per in-scope process (or objective).
  const inScope = Number(await page.locator('#stat-scope').innerText());
  assert.equal(inScope, 20);
  for (const id of ['chart-radar', 'chart-gaps', 'chart-heatmap', 'chart-objectives']) {
    const svg = page.locator(`#${id} .chart-svg svg`);
    assert.equal(await svg.count(), 1, `${id} renders an SVG`);
    assert.ok((await svg.locator('*').count()) > 30, `${id} has content`);
  }
  assert.equal(await page.locator('#chart-heatmap svg [data-process]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-process'))).size), inScope);
  assert.equal(await page.locator('#chart-gaps svg [data-process]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-process'))).size), inScope);
  // Explain this score for change management.
  await page.click('#profile-table tr[data-process="change"] .explain-toggle');
  const explain = page.locator('#explain-change');
  await explain.waitFor();
  assert.equal(await explain.locator('tr[data-attribute]').count(), 9);
  assert.match(await explain.locator('tr[data-attribute="PA1.1"]').innerText(), /44 %\s+P · more than 15 % up to 50 %/);
  assert.match(await explain.innerText(), /What blocks level 1:[\s\S]*PA1\.1 is rated P \(Partially achieved\); it needs at least L/);
  // Roadmap: Now items, supplier among them.
  assert.ok(await page.locator('#roadmap-now .road-step').count() >= 5);
  assert.equal(await page.locator('#roadmap-now .road-step[data-process="supplier"][data-level="1"]').count(), 1);
  // Business view names the weakest processes.
  assert.match(await page.locator('#business-view li[data-objective="custom-card-payment"]').innerText(), /Weakest: .*Supplier management/);
  await assertAccessible(page, 'results');
  await shot(page, 'results-1280');
  await page.setViewportSize(PHONE);
  await page.reload(); // charts are drawn for the width they get on screen
  await page.waitForSelector('#chart-radar svg');
  await shot(page, 'results-390');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `results scroll sideways at 390 px (${overflow} px)`);
  await page.setViewportSize(DESKTOP);
  // CSV exports download through the browser.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-results-csv')]);
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
  assert.equal(csvDownload.suggestedFilename(), 'pizza-pizza-baseline-assessment-results.csv');
  assert.equal(csv.trim().split('\r\n').length, 1 + 22);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#chart-radar .chart-head button')]);
  assert.match(fs.readFileSync(await svgDownload.path(), 'utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
  // The printable report, as a PDF.
  await page.click('#open-report');
  await page.waitForSelector('#report-title');
  assert.equal(await page.locator('#report .chart-svg svg').count(), 4);
  await assertAccessible(page, 'report');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(SHOTS, 'report.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  assert.ok(fs.statSync(path.join(SHOTS, 'report.pdf')).size > 20000);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------- persistence: nothing is ever lost ----------

async function openSampleIn(page) {
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await page.waitForSelector('#profile-table tbody tr');
}

const stored = (page, id) => page.evaluate((k) => localStorage.getItem(k), `itsm.a.${id}`);

journey('persistence: many assessments — rename, duplicate, follow-up, delete with undo', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  await page.goto(BASE + '/');
  await page.waitForURL(/\/results$/); // resumes; go to the list explicitly
  await page.click('.brand');
  await page.waitForSelector('.saved-list li');
  const item = (id) => page.locator(`.saved-list li[data-assessment="${id}"]`);
  // Rename.
  await item('sample-pizza').locator('.act-rename').click();
  await page.fill('#rename-sample-pizza', 'Pizza <b>bold</b> & co');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.saved-list li[data-assessment="sample-pizza"] .saved-name');
  assert.equal(await item('sample-pizza').locator('.saved-name').innerText(), 'Pizza <b>bold</b> & co');
  assert.equal(JSON.parse(await stored(page, 'sample-pizza')).assessment.name, 'Pizza <b>bold</b> & co');
  // Duplicate.
  await item('sample-pizza').locator('.act-duplicate').click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-list li').length === 2);
  assert.match(await page.locator('.saved-list').innerText(), /Copy of Pizza <b>bold<\/b> & co/);
  // Follow-up: context copied, answers empty, baseline recorded.
  await item('sample-pizza').locator('.act-follow-up').click();
  await page.waitForURL(/\/a\/[^/]+\/scope$/);
  const fid = page.url().match(/\/a\/([^/]+)\//)[1];
  await new ScopePage(page).waitLoaded();
  assert.match(await new ScopePage(page).reasons('supplier'), /Payment system/);
  const follow = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `itsm.a.${fid}`)).assessment;
  assert.equal(follow.baseline, 'sample-pizza');
  assert.equal(follow.services.length, 3);
  assert.equal(Object.keys(follow.participants[0].answers).length, 0);
  // Delete with undo.
  await page.click('.brand');
  await page.waitForSelector('.saved-list li');
  assert.equal(await page.locator('.saved-list li').count(), 3);
  const before = await stored(page, 'sample-pizza');
  await item('sample-pizza').locator('.act-delete').click();
  await page.waitForSelector('#undo-delete');
  assert.equal(await page.locator('.saved-list li').count(), 2);
  assert.equal(await stored(page, 'sample-pizza'), null);
  await page.waitForTimeout(10500); // the undo stays offered for at least 10 s
  await page.click('#undo-delete');
  await page.waitForFunction(() => document.querySelectorAll('.saved-list li').length === 3);
  assert.equal(JSON.parse(await stored(page, 'sample-pizza')).assessment.name, JSON.parse(before).assessment.name);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('persistence: a corrupted key is moved aside with a banner; the rest still works', async (browser) => {
  const { context, page } = await newPage(browser);
  await openSampleIn(page);
  const good = await stored(page, 'sample-pizza');
  await page.evaluate(() => {
    localStorage.setItem('itsm.a.broken', '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"');
    const index = JSON.parse(localStorage.getItem('itsm.index'));
    index.push({ id: 'broken', name: 'Client X review', organization: 'Client X', updated: 1, completion: 0 });
    localStorage.setItem('itsm.index', JSON.stringify(index));
    localStorage.removeItem('itsm.last-path');
  });
  await page.goto(BASE + '/');
  const banner = page.locator('#quarantine-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /“Client X review”: this is not valid JSON \(line 1, column \d+\)/);
  // Moved aside untouched; the good assessment is still there and listed.
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('itsm.bad.broken.')));
  assert.equal(aside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"');
  assert.equal(await stored(page, 'broken'), null);
  assert.equal(await stored(page, 'sample-pizza'), good);
  assert.equal(await page.locator('.saved-list li').count(), 1);
  const [raw] = await Promise.all([page.waitForEvent('download'), banner.locator('.download-raw').click()]);
  assert.equal(fs.readFileSync(await raw.path(), 'utf8'), '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"');
  await assertAccessible(page, 'start page with the quarantine banner');
  await shot(page, 'corrupted-storage-1280');
  await context.close();
});

journey('persistence: storage full — visible error, work kept in the tab, export offered, nothing half-written', async (browser) => {
  const { context, page } = await newPage(browser);
  await openSampleIn(page);
  await page.goto(BASE + '/a/sample-pizza/process/supplier');
  await new ProcessPage(page).waitLoaded();
  const before = await stored(page, 'sample-pizza');
  // Fill the quota with other data.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) { try { localStorage.setItem('filler.' + i, chunk); } catch (e) { break; } }
    let k = 0; for (let n = 65536; n >= 1;) { try { localStorage.setItem('filler.t' + (k++), 'x'.repeat(n)); } catch (e) { n = Math.floor(n / 2); } }
  });
  await page.focus('#q-1');
  await page.keyboard.press('4');
  await page.click('#q-1 .add-note');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'q-1-note');
  await page.keyboard.type('Evidence: the contract register in the shared drive.');
  const banner = page.locator('#error-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /storage for this site is full/);
  assert.equal(await page.locator('#q-1 .ans[aria-pressed="true"]').getAttribute('data-answer'), 'F', 'the change stays in the tab');
  assert.equal(await stored(page, 'sample-pizza'), before, 'the saved copy is untouched');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-unsaved')]);
  const exported = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.assessment.participants[0].answers['supplier/supplier-register'].answer, 'F');
  assert.equal(exported.assessment.participants[0].answers['supplier/supplier-register'].note, 'Evidence: the contract register in the shared drive.');
  assert.equal(await page.locator('#q-1 textarea').inputValue(), 'Evidence: the contract register in the shared drive.');
  await shot(page, 'storage-full-1280');
  await context.close();
});

journey('persistence: two tabs never silently overwrite each other', async (browser) => {
  const { context, page: a } = await newPage(browser);
  await openSampleIn(a);
  const b = await context.newPage();
  const url = BASE + '/a/sample-pizza/process/supplier';
  await a.goto(url);
  await b.goto(url);
  await new ProcessPage(a).waitLoaded();
  await new ProcessPage(b).waitLoaded();
  // A saves; B has no pending change and follows.
  await a.focus('#q-0');
  await a.keyboard.press('4');
  await b.waitForSelector('#notice-banner');
  assert.match(await b.locator('#notice-banner').innerText(), /changes made in another tab/);
  assert.equal(await b.locator('#q-0 .ans[aria-pressed="true"]').getAttribute('data-answer'), 'F');
  // Both change at once: B is told, nothing is overwritten.
  await a.focus('#q-2');
  await a.keyboard.press('3');
  await b.focus('#q-1');
  await b.keyboard.press('4');
  await b.waitForSelector('#conflict-banner');
  await a.waitForTimeout(800);
  const saved = JSON.parse(await stored(a, 'sample-pizza')).assessment.participants[0].answers;
  assert.equal(saved['supplier/supplier-performance']?.answer, 'L', "A's change is saved");
  assert.equal(saved['supplier/supplier-register']?.answer, 'N', "B's change did not overwrite A's save");
  // B keeps its version on purpose: now it is saved.
  await b.click('#keep-mine');
  await b.waitForFunction(() => JSON.parse(localStorage.getItem('itsm.a.sample-pizza')).assessment.participants[0].answers['supplier/supplier-register'].answer === 'F');
  await context.close();
});

journey('persistence: bad files are refused with a clear message; export → clear → import restores the same JSON', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  await page.click('.brand');
  await page.waitForSelector('.saved-list li');
  const before = await stored(page, 'sample-pizza');
  const good = JSON.parse(before);
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  const future = { ...good, version: 99 };
  const missing = { ...good, assessment: { ...good.assessment } };
  delete missing.assessment.participants;
  const wrongType = JSON.parse(before);
  wrongType.assessment.services[0].criticality = 'high';
  const bad = [
    ['notes.txt', Buffer.from('hello, this is not JSON'), /this is not valid JSON \(line 1, column 1\)/],
    ['catalog.json', Buffer.from(JSON.stringify({ ...good, format: 'itsm-catalog' })), /field 'format' is "itsm-catalog"/],
    ['future.json', Buffer.from(JSON.stringify(future)), /format version 99, made by a newer version of the app/],
    ['missing.json', Buffer.from(JSON.stringify(missing)), /field 'assessment' .*missing field `participants`/],
    ['types.json', Buffer.from(JSON.stringify(wrongType)), /field 'assessment\.services\[0\]\.criticality' .*invalid type: string "high", expected u8/],
    ['huge.json', Buffer.alloc(20 * 1024 * 1024, 32), /is 20\.0 MB; files are at most 8 MB/],
    ['deep.json', Buffer.from(deep), /recursion limit exceeded/],
    ['latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d]), /not a text file \(invalid UTF-8 at byte 2\)/],
  ];
  for (const [name, buffer, re] of bad) {
    await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer });
    const msg = page.locator('#import-error');
    await msg.waitFor();
    const text = await msg.innerText();
    assert.match(text, re, name);
    assert.match(text, new RegExp(`“${name.replace('.', '\\.')}”[\\s\\S]*Nothing was imported`), name);
    assert.equal(await page.locator('#import-preview').count(), 0);
    assert.equal(await stored(page, 'sample-pizza'), before, `${name} changed nothing`);
  }
  // Round trip: export, clear storage, import: the same JSON.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.saved-list li[data-assessment="sample-pizza"] .act-export')]);
  const exported = fs.readFileSync(await dl.path(), 'utf8');
  assert.equal(exported, before);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('#no-saved');
  await page.setInputFiles('#import-file', { name: 'pizza.itsm.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.waitForSelector('#import-preview');
  assert.match(await page.locator('#import-preview').innerText(), /Pizza&Pizza — baseline assessment[\s\S]*new/);
  await page.click('#confirm-import');
  await page.waitForSelector('.saved-list li[data-assessment="sample-pizza"]');
  assert.equal(await stored(page, 'sample-pizza'), exported, 'identical JSON after the round trip');
  // Importing it again asks before replacing.
  await page.setInputFiles('#import-file', { name: 'pizza.itsm.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.waitForSelector('#import-preview');
  assert.match(await page.locator('#import-preview').innerText(), /replaces the saved “Pizza&Pizza — baseline assessment”/);
  await page.click('#import-copies');
  await page.waitForFunction(() => document.querySelectorAll('.saved-list li').length === 2);
  assert.match(await page.locator('.saved-list').innerText(), /\(imported\)/);
  await assertAccessible(page, 'start page after import');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

journey('workshop: three participants answer on their own devices; the facilitator merges, discusses and agrees', async (browser) => {
  // The facilitator prepares the assessment and hands it out as a file.
  const { context: fctx, page: f, errors } = await newPage(browser);
  await openSampleIn(f);
  await f.click('.brand');
  await f.waitForSelector('.saved-list li');
  const [dl] = await Promise.all([f.waitForEvent('download'), f.click('.saved-list li[data-assessment="sample-pizza"] .act-export')]);
  const handout = fs.readFileSync(await dl.path());
  // Each participant, in their own browser profile: import, name themselves, answer, send back.
  const plan = { Ana: ['4', '1', '3'], Ben: ['2', '3', '3'], Cy: ['1', '1', '3'] }; // supplier q-0, q-1, q-2
  const files = [];
  for (const [name, keys] of Object.entries(plan)) {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const p = await ctx.newPage();
    await p.goto(BASE + '/');
    await p.setInputFiles('#import-file', { name: 'handout.itsm.json', mimeType: 'application/json', buffer: handout });
    await p.click('#confirm-import');
    await p.goto(BASE + '/a/sample-pizza/workshop');
    await p.fill('#my-name', name);
    await p.press('#my-name', 'Tab');
    await p.goto(BASE + '/a/sample-pizza/process/supplier');
    await new ProcessPage(p).waitLoaded();
    for (let i = 0; i < keys.length; i++) {
      await p.focus(`#q-${i}`);
      await p.keyboard.press(keys[i]);
    }
    await p.goto(BASE + '/a/sample-pizza/workshop');
    await p.waitForSelector('#export-my-answers');
    const [mine] = await Promise.all([p.waitForEvent('download'), p.click('#export-my-answers')]);
    assert.match(mine.suggestedFilename(), new RegExp(`-${name.toLowerCase()}\\.answers\\.json$`));
    files.push({ name: mine.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(await mine.path()) });
    await ctx.close();
  }
  // The facilitator imports the three files (preview first).
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await f.setInputFiles('#import-answers', files);
  await f.waitForFunction(() => document.querySelectorAll('#answers-preview li').length === 3);
  assert.match(await f.locator('#answers-preview').innerText(), /Ana[\s\S]*new participant/);
  await f.click('#confirm-answers');
  await f.waitForFunction(() => document.querySelectorAll('#participant-list li').length === 4);
  // The original team answers leave; only the three people count.
  await f.locator('#participant-list li[data-participant="Pizza&Pizza IT team"] .btn-danger').click();
  await f.waitForFunction(() => document.querySelectorAll('#participant-list li').length === 3);
  // Discuss list: exactly the questions two steps or more apart.
  const keys = await f.$$eval('.discuss-item', (els) => els.map((e) => e.dataset.key));
  assert.deepEqual(keys.sort(), ['supplier/supplier-contracts', 'supplier/supplier-register']);
  const contracts = f.locator('.discuss-item[data-key="supplier/supplier-contracts"]');
  assert.match(await contracts.innerText(), /Ana: F[\s\S]*Ben: P[\s\S]*Cy: N/);
  assert.match(await contracts.innerText(), /Spread 3 steps · median P/);
  assert.match(await f.locator('.discuss-item[data-key="supplier/supplier-register"]').innerText(), /Spread 2 steps · median N/);
  // Agreeing changes the result.
  await f.goto(BASE + '/a/sample-pizza/results');
  const indexCell = f.locator('#profile-table tr[data-process="supplier"] td:nth-child(4)');
  const before = await indexCell.innerText();
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await f.selectOption('#agreed-supplier-supplier-contracts', 'F');
  await f.fill('#agreed-supplier-supplier-contracts-note', 'The contract list exists; Cy had not seen it.');
  await f.press('#agreed-supplier-supplier-contracts-note', 'Tab');
  await f.goto(BASE + '/a/sample-pizza/results');
  const after = await indexCell.innerText();
  assert.ok(Number(after) > Number(before), `supplier index ${before} -> ${after}`);
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await f.waitForSelector('.discuss-item');
  await f.waitForSelector('#chart-spread svg');
  assert.equal(await f.locator('#chart-spread svg [data-process]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-process'))).size), 20);
  await assertAccessible(f, 'workshop');
  await shot(f, 'workshop-1280');
  assert.deepEqual(errors, []);
  await fctx.close();
});

journey('presenter view: keyboard and buttons through three processes and the discuss list, at 1920×1080 and 1280×720', async (browser) => {
  const { context, page, errors } = await newPage(browser, { width: 1920, height: 1080 });
  await openSampleIn(page);
  // A second participant who sees supplier contracts differently (P vs F: two steps).
  await page.evaluate(() => {
    const env = JSON.parse(localStorage.getItem('itsm.a.sample-pizza'));
    const sam = JSON.parse(JSON.stringify(env.assessment.participants[0]));
    sam.id = 'p2';
    sam.name = 'Sam';
    sam.answers['supplier/supplier-contracts'] = { answer: 'F' };
    env.assessment.participants.push(sam);
    localStorage.setItem('itsm.a.sample-pizza', JSON.stringify(env, null, 2));
  });
  await page.goto(BASE + '/a/sample-pizza/results');
  await page.waitForSelector('#open-presenter');
  await page.click('#open-presenter');
  await page.waitForSelector('#presenter .slide');
  const title = () => page.locator('.slide-title').innerText();
  const count = () => page.locator('#slide-count').innerText();
  assert.equal(await title(), 'Availability management', 'most urgent first');
  assert.equal(await count(), '1 / 22');
  await shot(page, 'presenter-1920');
  await page.keyboard.press('ArrowRight');
  assert.equal(await title(), 'Service desk');
  await page.keyboard.press('Space');
  assert.equal(await title(), 'Service continuity management');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await title(), 'Service desk');
  await page.keyboard.press('End');
  assert.equal(await title(), 'To discuss');
  assert.equal(await count(), '22 / 22');
  assert.match(await page.locator('#discuss-slide').innerText(), /Do all suppliers of important services have current contracts[\s\S]*2 steps apart/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await count(), '22 / 22', 'stays on the last slide');
  // Touch screens (a tablet on the projector) move with the buttons.
  assert.ok(await page.locator('#next-slide').isDisabled(), 'no next slide after the last one');
  await page.click('#prev-slide');
  assert.equal(await count(), '21 / 22');
  await page.click('#next-slide');
  assert.equal(await title(), 'To discuss');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot(page, 'presenter-discuss-1280x720');
  await page.keyboard.press('Home');
  assert.equal(await title(), 'Availability management');
  assert.ok(await page.locator('#prev-slide').isDisabled(), 'no previous slide before the first one');
  const overflow = await page.evaluate(() => document.querySelector('.presenter-slide').scrollHeight - document.querySelector('.presenter-slide').clientHeight);
  assert.ok(overflow <= 0, `a process slide fits 1280×720 (${overflow} px over)`);
  await shot(page, 'presenter-1280x720');
  await assertAccessible(page, 'presenter');
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/results$/);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('custom catalog: a valid file loads and is used; a broken one is refused naming each error; unknown catalog opens read-only', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(BASE + '/');
  await page.waitForSelector('#download-default-catalog');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-default-catalog')]);
  const catalog = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(catalog.id, 'itsm-default');
  // A broken copy: a duplicate process id and an unknown process in an objective.
  const broken = JSON.parse(JSON.stringify(catalog));
  broken.processes[1].id = broken.processes[0].id;
  broken.objectives[0].processes[0].process = 'no-such-process';
  await page.setInputFiles('#load-catalog', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const box = page.locator('#catalog-errors');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /“broken\.json” was not loaded/);
  assert.match(text, /duplicate process id "service-portfolio": ids must be unique/);
  assert.match(text, /objective "competitive-services" refers to unknown process "no-such-process"/);
  // A valid adapted copy.
  const acme = JSON.parse(JSON.stringify(catalog));
  acme.id = 'acme-catalog';
  acme.version = '2.0.0';
  acme.name = 'Acme ITSM catalog';
  acme.processes.find((p) => p.id === 'incident').name = 'Incident handling (Acme)';
  await page.setInputFiles('#load-catalog', { name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(acme)) });
  await page.waitForSelector('#notice-banner');
  assert.match(await page.locator('#notice-banner').innerText(), /Loaded the catalog “Acme ITSM catalog” version 2\.0\.0/);
  assert.equal(await page.locator('#catalog-select').inputValue(), 'acme-catalog@2.0.0');
  await page.click('#new-assessment');
  await page.waitForURL(/\/organization$/);
  const id = page.url().match(/\/a\/([^/]+)\//)[1];
  await page.goto(`${BASE}/a/${id}/scope`);
  await new ScopePage(page).waitLoaded();
  assert.match(await new ScopePage(page).row('incident').innerText(), /Incident handling \(Acme\)/);
  const env = JSON.parse(await stored(page, id));
  assert.deepEqual(env.catalog, { id: 'acme-catalog', version: '2.0.0' });
  // After a reload the custom catalog is still there and the assessment opens with it.
  await page.reload();
  await new ScopePage(page).waitLoaded();
  assert.match(await new ScopePage(page).row('incident').innerText(), /Incident handling \(Acme\)/);
  // An assessment made with a catalog this browser does not have: read-only, with a note.
  const ghost = { ...env, catalog: { id: 'ghost-catalog', version: '9' }, assessment: { ...env.assessment, id: 'ghost-one', name: 'Made elsewhere' } };
  await page.click('.brand');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', { name: 'ghost.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ghost)) });
  await page.click('#confirm-import');
  await page.goto(`${BASE}/a/ghost-one/organization`);
  await page.waitForSelector('#read-only-note');
  assert.match(await page.locator('#read-only-note').innerText(), /catalog “ghost-catalog” version 9, which is not loaded/);
  const before = await stored(page, 'ghost-one');
  await page.fill('#org-sector', 'Changed');
  await page.waitForTimeout(700);
  assert.equal(await stored(page, 'ghost-one'), before, 'read-only: nothing saved');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('comparison: a follow-up of the sample with supplier answers raised shows positive deltas exactly there', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  // The team's answers from the baseline, as a "my answers" file: the follow-up starts from them.
  await page.goto(BASE + '/a/sample-pizza/workshop');
  const [mine] = await Promise.all([page.waitForEvent('download'), page.click('#export-my-answers')]);
  const answers = fs.readFileSync(await mine.path());
  await page.click('.brand');
  await page.waitForSelector('.saved-list li');
  await page.locator('.saved-list li[data-assessment="sample-pizza"] .act-follow-up').click();
  await page.waitForURL(/\/a\/[^/]+\/scope$/);
  const fid = page.url().match(/\/a\/([^/]+)\//)[1];
  await page.goto(`${BASE}/a/${fid}/workshop`);
  await page.setInputFiles('#import-answers', { name: 'team.answers.json', mimeType: 'application/json', buffer: answers });
  await page.click('#confirm-answers');
  await page.waitForSelector('#participant-list li[data-participant="Pizza&Pizza IT team"]');
  // Months later: supplier management has improved.
  await page.goto(`${BASE}/a/${fid}/process/supplier`);
  await new ProcessPage(page).waitLoaded();
  const n = await new ProcessPage(page).questions().count();
  for (let i = 0; i < n; i++) {
    await page.focus(`#q-${i}`);
    await page.keyboard.press('4');
  }
  await page.goto(`${BASE}/a/${fid}/results`);
  assert.equal(await page.locator('#baseline-select').inputValue(), 'sample-pizza', 'a follow-up compares with its original');
  await page.waitForSelector('#delta-table tbody tr', { state: 'attached' });
  const rows = await page.$$eval('#delta-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.process, Number(tr.querySelector('.delta-cell').textContent)]));
  assert.equal(rows.length, 20);
  assert.deepEqual(rows.filter(([, d]) => d > 0).map(([p]) => p), ['supplier']);
  assert.ok(rows.every(([p, d]) => p === 'supplier' || d === 0));
  assert.match(await page.locator('#delta-table tr[data-process="supplier"]').textContent(), /0 → 5/);
  assert.equal(await page.locator('#chart-delta svg [data-direction="up"]').count(), 1);
  assert.match(await page.locator('#chart-radar svg').innerHTML(), /Baseline/);
  await page.locator('#comparison').scrollIntoViewIfNeeded();
  await shot(page, 'comparison-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------- offline and private ----------

journey('offline: after one visit the app reloads and works with the network off; the answer is saved', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(BASE + '/');
  await page.waitForSelector('#open-sample');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#open-sample');
  await page.click('#open-sample');
  await page.waitForSelector('#profile-table tbody tr');
  await page.goto(BASE + '/a/sample-pizza/process/supplier'); // a deep link, offline
  await new ProcessPage(page).waitLoaded();
  await page.focus('#q-1');
  await page.keyboard.press('4');
  await page.waitForFunction(() => document.querySelector('#save-status').textContent === 'Saved in this browser');
  const saved = JSON.parse(await stored(page, 'sample-pizza'));
  assert.equal(saved.assessment.participants[0].answers['supplier/supplier-register'].answer, 'F');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('update: a new build shows on the next visit, and offline after that, without clearing anything', async (browser) => {
  // A copy of the build on its own origin, so it can be changed like a new deployment.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-update-'));
  fs.cpSync(path.resolve('dist'), dir, { recursive: true });
  const port = PORT + 7;
  const origin = `http://127.0.0.1:${port}`;
  const server2 = await serve(dir, port);
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(origin + '/');
    await page.waitForSelector('#open-sample');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
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
    await page.goto(origin + '/');
    await page.waitForSelector('#open-sample');
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
    await page.waitForSelector('#open-sample');
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
  await page.goto(BASE + '/');
  await page.waitForSelector('#open-sample');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const startup = requests.length;
  for (const url of requests) {
    assert.ok(url.startsWith(BASE + '/'), `same origin: ${url}`);
    assert.match(new URL(url).pathname, /^\/$|\.(html|js|wasm|css|svg|webmanifest)$/, `a static file: ${url}`);
  }
  // Walk through everything with in-app navigation.
  await page.click('#open-sample');
  await page.waitForSelector('#profile-table tbody tr');
  const frame = new AssessmentFrame(page);
  for (const [step, ready] of [['organization', '#org-name-input'], ['objectives', '#rated-count'], ['services', '.service h3'], ['scope', '#scope-table tbody tr'], ['process', '.question'], ['results', '#profile-table tbody tr']]) {
    await frame.goStep(step);
    await page.waitForSelector(ready);
  }
  await page.click('#profile-table tr[data-process="change"] .explain-toggle');
  await page.click('#open-report');
  await page.waitForSelector('#report-title');
  await page.click('#workshop-link');
  await page.waitForSelector('#participant-list li');
  await page.click('.brand');
  await page.waitForSelector('.saved-list li');
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(startup), [], 'no request after startup');
  assert.deepEqual(errors.filter((e) => /Content Security Policy/.test(e)), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('dark mode: no serious or critical axe violation on any page', async (browser) => {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(BASE + '/');
  await page.waitForSelector('#open-sample');
  await assertAccessible(page, 'start (dark)');
  await page.click('#open-sample');
  await page.waitForSelector('#profile-table tbody tr');
  for (const [step, ready] of [['organization', '#org-name-input'], ['objectives', '#rated-count'], ['services', '.service h3'],
    ['scope', '#scope-table tbody tr'], ['process/incident', '.question'], ['results', '#chart-heatmap svg'], ['report', '#report-title'],
    ['workshop', '#participant-list li'], ['present', '#presenter .slide']]) {
    await page.goto(`${BASE}/a/sample-pizza/${step}`);
    await page.waitForSelector(ready);
    await assertAccessible(page, `${step} (dark)`);
  }
  await shot(page, 'presenter-dark-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('keyboard only: from the start page to the printable report', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(BASE + '/');
  await page.waitForSelector('#open-sample');
  await tabTo(page, '#open-sample');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-table tbody tr');
  await tabTo(page, '#profile-table tr[data-process="supplier"] .explain-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#explain-supplier');
  await tabTo(page, '#open-report');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#report-title');
  assert.match(await page.locator('#report-title').innerText(), /Pizza&Pizza/);
  await tabTo(page, '#print-report');
  const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focused, 'none', 'visible focus');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('charts follow the window: redrawn narrower after a resize, and dark after the colour scheme changes', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const radar = () => page.locator('#chart-radar svg').evaluate((svg) => ({ width: Number(svg.getAttribute('width')), bg: svg.querySelector('rect').getAttribute('fill') }));
  const wide = await radar();
  assert.equal(wide.width, 900, 'drawn at the widest chart width on a desktop window');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => Number(document.querySelector('#chart-radar svg').getAttribute('width')) < 400);
  assert.equal((await radar()).width, 320, 'redrawn at the narrowest chart width (compact layout)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `no sideways scrolling after the resize (${overflow} px)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((bg) => document.querySelector('#chart-radar svg rect').getAttribute('fill') !== bg, wide.bg);
  assert.notEqual((await radar()).bg, wide.bg, 'the dark theme background');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('200 % zoom (1280×800 at 200 % = 640×400 CSS px) and a 360 px phone: every page usable without sideways scrolling, axe clean at 360 px', async (browser) => {
  for (const viewport of [{ width: 640, height: 400 }, { width: 360, height: 740 }]) {
    const { context, page, errors } = await newPage(browser, viewport);
    await openSampleIn(page);
    for (const [step, ready] of [['organization', '#org-name-input'], ['objectives', '#rated-count'], ['services', '.service h3'],
      ['scope', '#scope-table tbody tr'], ['process/incident', '.question'], ['results', '#chart-heatmap svg'], ['report', '#report-title'],
      ['workshop', '#participant-list li'], ['start', '.saved-list'], ['present', '#presenter']]) {
      if (step === 'start') {
        await page.click('.brand');
      } else {
        await page.goto(`${BASE}/a/sample-pizza/${step}`);
      }
      await page.waitForSelector(ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${step} scrolls sideways at ${viewport.width} px (${overflow} px)`);
      // Every table shows as many column headings as the cells of its rows (no heading hidden over another column).
      const mismatched = await page.evaluate(() => [...document.querySelectorAll('table')].filter((t) => t.tHead && t.tBodies[0]?.rows[0]).map((t) => {
        const shown = (cells) => [...cells].filter((c) => getComputedStyle(c).display !== 'none').length;
        return [t.id || t.className, shown(t.tHead.rows[0].cells), shown(t.tBodies[0].rows[0].cells)];
      }).filter(([, head, body]) => head !== body));
      assert.deepEqual(mismatched, [], `${step} at ${viewport.width} px: tables whose headings and cells disagree`);
      if (viewport.width === 360) {
        await shot(page, `w360-${step.replace('/', '-')}`);
        await assertAccessible(page, `${step} at 360 px`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

const server = await serve(path.resolve('dist'), PORT);
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
