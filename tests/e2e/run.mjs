// Browser journeys against the release build in dist/, in Debian's headless
// Chromium driven by playwright-core. Prints one line per journey and a summary;
// exits non-zero on any failure. Screenshots go to tests/e2e/screenshots/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
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
  assert.match(await scope.reasons('supplier'), /service 'Payment system' is provided by a supplier \(criticality 5\)/);
  assert.match(await scope.reasons('supplier'), /service 'Telephony' is provided by a supplier \(criticality 4\)/);
  assert.ok(await scope.inScope('change'));
  assert.match(await scope.reasons('change'), /service 'Ordering website' changes weekly or daily \(criticality 5\)/);
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
  assert.equal(inScope, 21);
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
