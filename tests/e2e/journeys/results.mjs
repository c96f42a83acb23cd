// The results page, its charts and exports, and the printable report.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { serve } from '../../../scripts/static-server.mjs';
import assert from 'node:assert/strict';
import { BASE, PORT, DIST, DESKTOP, PHONE, SHOTS, newPage, shot, openSampleIn, download, sidewaysOverflow, stored, parseCsv, watch } from '../support.mjs';
import { idbClear } from '../idb.mjs';
import { ResultsPage, ReportPage, AssessmentFrame, StartPage, ImportPanel, OrganizationPage, assertAccessible } from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

journey('results: the gap chart first, the cascade, radar and heatmap, the business view as the objectives\' chart, explain for supplier management, Now items, CSV exports, PDF report, axe', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const results = new ResultsPage(page);
  // The charts, the gaps first, each with content per in-scope process.
  const inScope = Number(await results.statScope().innerText());
  assert.equal(inScope, 8, 'the case\'s eight processes');
  const figures = await page.$$eval('#charts > figure, #charts > .chart-figure, #charts [id^="chart-"]', (els) => els.map((e) => e.id).filter(Boolean));
  assert.equal(figures[0], 'chart-gaps', `the gap chart leads: ${figures.join(', ')}`);
  for (const id of ['chart-cascade', 'chart-radar', 'chart-gaps', 'chart-heatmap']) {
    const svg = results.chart(id);
    assert.equal(await svg.count(), 1, `${id} renders an SVG`);
    assert.ok((await svg.locator('*').count()) > 30, `${id} has content`);
  }
  // The objectives' support is drawn once, in the business view: importance × missing support, heaviest first.
  assert.equal(await results.chart('chart-objectives').count(), 0, 'no second objectives chart');
  const weights = await page.$$eval('#business-view .objective-support', (els) => els.map((e) => {
    const imp = Number(e.querySelector('.os-imp').textContent.match(/importance (\d)/)[1]);
    const pct = Number((e.querySelector('.os-pct').textContent.match(/(\d+) %/) || [0, 100])[1]);
    return imp * (100 - pct);
  }));
  assert.ok(weights.length >= 2 && weights.every((w, i) => i === 0 || weights[i - 1] >= w), `business view by weight: ${weights}`);
  assert.equal(await results.chartProcesses('chart-heatmap'), inScope);
  assert.equal(await results.chartProcesses('chart-gaps'), inScope);
  // The cascade draws the chain objective → decision → service → process for the sample.
  const cascade = results.chart('chart-cascade');
  assert.ok(await cascade.locator('[data-link="svc-payment>supplier"]').count() === 1, 'payment system → supplier management');
  assert.ok(await cascade.locator('[data-node="0:custom-card-payment"]').count() === 1);
  // Explain this score for supplier management.
  await results.explain('supplier');
  const explain = results.explanation('supplier');
  await explain.waitFor();
  assert.equal(await explain.locator('tr[data-attribute]').count(), 9);
  assert.match(await explain.locator('tr[data-attribute="PA1.1"]').innerText(), /19 %\s+P · more than 15 % up to 50 %/);
  assert.match(await explain.innerText(), /What blocks level 1:[\s\S]*PA1\.1 is rated P \(Partially achieved\); it needs at least L/);
  // Roadmap: Now items, supplier among them.
  assert.ok(await results.roadmapNow().count() >= 5);
  assert.equal(await results.roadmapNowStep('supplier', 1).count(), 1);
  // Business view names the weakest processes.
  assert.match(await results.businessObjective('custom-card-payment').innerText(), /Furthest behind target: .*Supplier management/);
  await assertAccessible(page, 'results');
  await shot(page, 'results-1280');
  await page.setViewportSize(PHONE);
  await page.reload(); // charts are drawn for the width they get on screen
  await results.waitFor('radar', { state: 'attached' });
  // On a phone the radar and the cascade are their tables, open (their names would be cut).
  for (const id of ['chart-radar', 'chart-cascade']) {
    await page.waitForFunction((i) => document.querySelector(`#${i} details.chart-table`).open, id, { timeout: 3000 });
    assert.ok(!(await page.locator(`#${id} .chart-svg`).isVisible()), `${id}: the table instead of the chart`);
  }
  assert.ok(await page.locator('#chart-gaps .chart-svg svg').isVisible(), 'the gap chart stays');
  await shot(page, 'results-390');
  const overflow = await sidewaysOverflow(page);
  assert.ok(overflow <= 1, `results scroll sideways at 390 px (${overflow} px)`);
  await page.setViewportSize(DESKTOP);
  // CSV exports download through the browser.
  const csvDownload = await download(page, () => results.exportCsv());
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
  assert.equal(csvDownload.suggestedFilename(), 'pizza-pizza-baseline-assessment-results.csv');
  assert.equal(csv.trim().split('\r\n').length, 1 + 27);
  assert.match(csv.split('\r\n')[0], /,references$/);
  assert.match(csv, /Incident management,[^\r\n]*ISO\/IEC 20000-1:2018 8\.6\.1/);
  const svgDownload = await download(page, () => results.downloadChart('chart-radar'));
  assert.match(fs.readFileSync(await svgDownload.path(), 'utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
  // The printable report, as a PDF.
  await results.openReport();
  const report = new ReportPage(page);
  await report.waitLoaded();
  assert.equal(await report.charts().count(), 4, 'the cascade and the three charts are on the report');
  assert.equal(await page.locator('#chart-cascade .chart-svg svg').count(), 1);
  // Who assessed and who answered; the processes not assessed show no level rather than 0.
  assert.match(await page.innerText('.report-meta'), /assessed 2026-11-02 by Dana Ruiz, ITSM consultant · assessed to one level above each target/);
  // The answer the group agreed, with what it settled and why: the score rests on it.
  assert.match(await page.innerText('.report-section:has(#report-agreed)'),
    /Agreed in the workshop\s+Infrastructure and platform management — Is it checked every day[^\n]*agreed L\s+The answers were P 1 · F 1 · \? 1\. Why: Backups are checked every day/);
  assert.match(await page.innerText('#report-people'), /^Answers from 3 people: Sam Okafor \(IT lead\), Lena Brandt/);
  const notAssessed = await page.$$eval('.report-table tbody tr', (trs) => trs.filter((t) => /out of scope/.test(t.innerText)).map((t) => [...t.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.ok(notAssessed.length >= 10 && notAssessed.every((cells) => cells[2] === '—' && cells[3] === '—'), JSON.stringify(notAssessed.slice(0, 2)));
  // Each process in the scope table names its framework references.
  const refs = await page.$$eval('.report-table th .refs', (els) => els.map((e) => e.textContent));
  assert.ok(refs.length >= 8 && refs.every((r) => /ITIL 4 .* · ISO\/IEC 20000-1:2018 [0-9.]+.* · COBIT 2019 [A-Z]{3}[0-9]{2}/.test(r)), refs.join('\n'));
  await assertAccessible(page, 'report');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(SHOTS, 'report.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdf = fs.readFileSync(path.join(SHOTS, 'report.pdf'));
  assert.ok(pdf.length > 20000);
  // The sample prints on about a dozen A4 pages: the story first, the details in appendices.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 6 && pages <= 12, `the printed report has ${pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('charts follow the window: redrawn narrower after a resize, and dark after the colour scheme changes', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const results = new ResultsPage(page);
  const wide = await results.radar();
  assert.equal(wide.width, 900, 'drawn at the widest chart width on a desktop window');
  await page.setViewportSize({ width: 390, height: 844 });
  await results.waitRadarNarrowerThan(400);
  assert.equal((await results.radar()).width, 320, 'redrawn at the narrowest chart width (compact layout)');
  const overflow = await sidewaysOverflow(page);
  assert.ok(overflow <= 1, `no sideways scrolling after the resize (${overflow} px)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await results.waitRadarBackgroundNot(wide.bg);
  assert.notEqual((await results.radar()).bg, wide.bg, 'the dark theme background');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('action plan: owner, date, status and note per step survive reload and export → import; the projection and the tracker CSV follow them', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const results = new ResultsPage(page);
  const frame = new AssessmentFrame(page);
  const step = results.roadmapNowSteps().first();
  const [pid, level] = [await step.getAttribute('data-process'), await step.getAttribute('data-level')];
  const key = `step:${pid}:${level}`;
  // Nothing marked done: the projection "done" is today.
  await results.chooseProjection('done');
  let table = await results.projection();
  assert.deepEqual(Object.values(table).filter(([, , better]) => better), [], 'no projected gain without a plan');
  const hostile = '=HYPERLINK("http://x","y")';
  const note = '<img src=x onerror=alert(1)> call the vendor first';
  await results.setPlan(key, { owner: hostile, due: '2027-01-31', status: 'done', note });
  await frame.waitSaveStatus('Saved in this browser');
  assert.equal(await results.planLine(key).innerText(), `Done · ${hostile} · due 2027-01-31`);
  const saved = JSON.parse(await stored(page, 'sample-pizza'));
  assert.equal(saved.version, 3);
  assert.deepEqual(saved.assessment.plan[key], { owner: hostile, due: '2027-01-31', status: 'done', note });
  // The projection now counts that step as done.
  table = await results.projection();
  const [today, then, better] = table['Mean capability index'];
  assert.ok(Number(then) > Number(today) && better, `mean index ${today} → ${then}`);
  assert.match(await page.locator('#plan-counts').innerText(), /1 done, 1 in progress, 3 not started, 0 dropped/);
  await page.locator('#action-plan').scrollIntoViewIfNeeded();
  await page.locator('#action-plan').screenshot({ path: path.join(SHOTS, 'action-plan.png') });
  // The tracker CSV: the documented columns, the step as a row, the owner neutralised.
  const dl = await download(page, () => results.exportTracker());
  assert.equal(dl.suggestedFilename(), 'pizza-pizza-baseline-assessment-action-plan.csv');
  const rows = parseCsv(fs.readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual(rows[0], ['Summary', 'Description', 'Assignee', 'Due date', 'Labels', 'Priority', 'Status', 'Issue Type', 'External ID']);
  const mine = rows.find((r) => r[4].includes(`level-${level}`) && r[4].includes(` ${pid} `) && r[0].includes('reach capability level'));
  assert.ok(mine, `a row for ${key}`);
  assert.deepEqual(mine.slice(2), [`'${hostile}`, '2027-01-31', mine[4], 'High', 'Done', 'Task', key]);
  assert.match(mine[1], /Plan note: <img src=x onerror=alert\(1\)> call the vendor first/);
  assert.ok(rows.slice(1).every((r) => r.length === 9 && r.every((c) => !/^[=+\-@]/.test(c))), 'nine cells a row, no formula');
  // After a reload the plan is there, and the report prints it.
  await page.reload();
  await results.waitLoaded();
  await results.plan(key).locator('summary').click();
  assert.deepEqual(await results.planValues(key), { owner: hostile, due: '2027-01-31', status: 'done', note });
  await results.openReport();
  await new ReportPage(page).waitLoaded();
  const printed = await page.locator(`details.plan[data-plan="${key}"] + .plan-print`).textContent();
  assert.equal(printed, `Plan: Done · ${hostile} · due 2027-01-31 — ${note}`);
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the note is text, not markup');
  // Export → clear → import: the plan comes back.
  await frame.goHome();
  const start = new StartPage(page, BASE);
  await start.waitListed();
  const exported = fs.readFileSync(await (await download(page, () => start.exportItem('sample-pizza'))).path(), 'utf8');
  assert.deepEqual(JSON.parse(exported).assessment.plan[key].status, 'done');
  await idbClear(page);
  await page.reload();
  await start.waitFor('noSaved');
  const importer = new ImportPanel(page);
  await importer.choose({ name: 'pizza.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await importer.waitPreview();
  await importer.confirm();
  await start.waitItem('sample-pizza');
  assert.deepEqual(JSON.parse(await stored(page, 'sample-pizza')).assessment.plan[key], { owner: hostile, due: '2027-01-31', status: 'done', note });
  assert.deepEqual(errors, []);
  await context.close();
});

journey('HTML report: one file that opens from disk with JavaScript off, loads nothing, and holds the summary, charts, plan and the whole roadmap', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  // A hostile assessment name: the file must show it as text.
  const hostile = '<img src=x onerror=alert(1)> =HYPERLINK("http://x","y")';
  await page.goto(`${BASE}/a/sample-pizza/organization`);
  const org = new OrganizationPage(page);
  await org.waitLoaded();
  await org.assessmentName().fill(hostile);
  await org.assessmentName().press('Tab');
  await new AssessmentFrame(page).waitSaveStatus('Saved in this browser');
  await page.goto(`${BASE}/a/sample-pizza/report`);
  await new ReportPage(page).waitLoaded();
  const dl = await download(page, () => page.click('#download-html'));
  assert.match(dl.suggestedFilename(), /-report\.html$/);
  // Saved as a person would, with its .html name (a browser opens it by that).
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-html-')), dl.suggestedFilename());
  await dl.saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script/i, 'no script');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.doesNotMatch(html, /<(button|input|select|textarea)\b/, 'no controls');
  assert.doesNotMatch(html, /href=/, 'no links back into the app');
  // Opened from disk, JavaScript off: nothing but the file itself is loaded.
  const offline = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const requests = [];
  offline.on('request', (r) => requests.push(r.url()));
  const view = await offline.newPage();
  await view.goto('file://' + file);
  await view.waitForLoadState('load');
  assert.deepEqual(requests, [new URL('file://' + file).href], 'one request: the file');
  assert.equal(await view.locator('head > title').textContent(), `${hostile} — ITSM capability report`);
  assert.equal(await view.locator('img').count(), 0, 'the hostile name is text, not an image');
  assert.equal(await view.locator('#exec-heading').innerText(), 'In one minute');
  assert.match(await view.locator('#exec-headline').innerText(), /^Floor level \d: (\d processes are at level \d\. Of these, )?[A-Z][^(]+ (has the highest priority )?\(capability index \d\.\d\d, target level \d\)\. Mean capability index of the 8 processes in scope: \d\.\d\d\. \d of the 8 processes with a target meet it\./);
  assert.ok(await view.locator('svg').count() >= 4, 'the cascade and the three charts, inline');
  for (const h of ['now', 'next', 'later']) assert.equal(await view.locator(`#roadmap-${h}`).getAttribute('open'), '', `${h} unfolded`);
  assert.match(await view.locator('body').innerText(), /Plan: In progress · Sam Okafor \(IT lead\) · due 2027-03-31/);
  assert.match(await view.locator('body').innerText(), /Supplier management/);
  await view.screenshot({ path: path.join(SHOTS, 'report-html.png') });
  await offline.close();
  assert.deepEqual(errors, []);
  await context.close();
});

journey('results in one minute: the summary names the objectives at risk and the first steps, the menu reaches every section, Next and Later fold', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const summary = page.locator('#executive-summary');
  await summary.waitFor();
  assert.match(await page.locator('#exec-headline').innerText(), /^Floor level 0: 3 processes are at level 0\. Of these, Information security management has the highest priority \(capability index 0\.\d\d, target level 3\)\. Mean capability index of the 8 processes in scope: 1\.0\d\. 0 of the 8 processes with a target meet it\. 100\s% of the questions answered\.$/);
  assert.equal(await page.locator('#exec-provisional').count(), 0, 'every question answered: not provisional');
  const risks = await page.locator('#summary-risks li').allInnerTexts();
  assert.equal(risks.length, 2);
  assert.match(risks[0], /^Card payment on delivery and online — 45 %, partly supported \(importance 5 of 5\)\. Furthest behind target: Supplier management, /);
  const steps = await page.locator('#summary-steps li').allInnerTexts();
  assert.equal(steps.length, 3);
  assert.match(steps[0], /^Information security management → level 1 \(start now\) — In progress · Sam Okafor \(IT lead\) · due 2027-03-31$/);
  // The summary comes before every other section.
  const top = async (sel) => (await page.locator(sel).boundingBox()).y;
  assert.ok((await top('#executive-summary')) < (await top('#profile')));
  // Each menu link scrolls its section into view.
  for (const href of await page.$$eval('#results-menu a', (as) => as.map((a) => a.getAttribute('href')))) {
    await page.click(`#results-menu a[href="${href}"]`);
    await page.waitForFunction((s) => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight - 40; }, href);
  }
  // Now unfolded, Next and Later folded until opened; the page is far shorter than the roadmap unfolded.
  assert.equal(await page.locator('#roadmap-now').getAttribute('open'), '');
  assert.equal(await page.locator('#roadmap-next').getAttribute('open'), null);
  assert.match(await page.locator('#roadmap-next > summary').innerText(), /Next\s+6 shared initiatives, 5 steps/);
  // Shared initiatives are named after their work, and the steps they serve
  // refer to them by number and name, never by a question id.
  const owners = page.locator('#roadmap-now .road-initiative[data-initiative="pa21-responsibilities"]');
  assert.match(await owners.locator('.road-head').innerText(), /^(Shared initiative\s+)?#\d+ Owners and clear responsibilities for steps and handovers\s+shared\s+PA2\.1\s+5 processes/);
  assert.match(await owners.locator('.road-head strong').textContent(), /^Shared initiative #\d+ Owners and clear responsibilities for steps and handovers$/, 'read out whole');
  const ownersNo = (await owners.locator('.road-head').innerText()).match(/#(\d+)/)[1];
  const shared = await page.locator('#roadmap-now .road-shared').allInnerTexts();
  assert.ok(shared.length >= 5, shared.join(' | '));
  for (const t of shared) assert.match(t, /^(Also part of|Its work is in) shared initiatives? (#\d+ [A-Z][a-z]|#\d+(, #\d+)* and #\d+\.$)/);
  assert.ok(shared.some((t) => t.includes(`#${ownersNo}`)), shared.join(' | '));
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.click('#roadmap-next > summary');
  // Its steps are drawn when it opens (the toggle event comes a moment after the click).
  await page.locator('#roadmap-next .road-step').first().waitFor({ state: 'visible', timeout: 2000 });
  const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(folded < unfolded, `${folded} < ${unfolded}`);
  assert.ok(folded < 12000, `results page ${folded} px tall at 1280 px`);
  // The tables and plans are drawn a frame after the charts: a link into them
  // from outside the page still lands there, on a fresh load and in the app.
  const inView = (s) => page.waitForFunction((s) => { const e = document.querySelector(s); const r = e?.getBoundingClientRect(); return r && r.top >= -2 && r.top < innerHeight - 40; }, s, { timeout: 3000 });
  await page.goto(BASE + '/a/sample-pizza/results#roadmap');
  await inView('#roadmap');
  assert.ok(await page.evaluate(() => scrollY > 1000), 'scrolled down to the roadmap');
  await page.goto(BASE + '/a/sample-pizza/scope');
  await page.waitForSelector('#scope-table tbody tr');
  await page.evaluate(() => { const a = document.createElement('a'); a.href = '/a/sample-pizza/results#follow-up'; a.id = 'test-link'; a.textContent = 'follow-up'; document.querySelector('main').append(a); });
  await page.click('#test-link');
  await inView('#follow-up');
  assert.match(page.url(), /\/results#follow-up$/);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('Excel workbook: written in the export worker, read back by openpyxl: six sheets, levels and targets as on screen, three people\'s answers, the plan, native charts, formulas stored as text', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const results = new ResultsPage(page);
  // Formula-like text from the user: an assessment name and a plan owner.
  const formula = '=HYPERLINK("http://x","y")';
  const key = `step:${await results.roadmapNowSteps().first().getAttribute('data-process')}:${await results.roadmapNowSteps().first().getAttribute('data-level')}`;
  await results.setPlan(key, { owner: formula, due: '2027-01-31', status: 'in_progress' });
  await new AssessmentFrame(page).waitSaveStatus('Saved in this browser');
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /export-worker/.test(e.name)).length), 0, 'the worker is not loaded before the first export');
  const dl = await download(page, () => page.click('#export-xlsx'));
  assert.equal(dl.suggestedFilename(), 'pizza-pizza-baseline-assessment.xlsx');
  assert.deepEqual(workers.map((u) => new URL(u).pathname), ['/export-worker-loader.js']);
  await page.waitForFunction(() => document.querySelector('#export-xlsx').textContent === 'Excel workbook');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-xlsx-')), dl.suggestedFilename());
  await dl.saveAs(file);
  const book = JSON.parse(execFileSync('/usr/bin/python3', [path.join('tests', 'e2e', 'read-xlsx.py'), file], { encoding: 'utf8' }));
  assert.deepEqual(book.sheets, ['Summary', 'Processes', 'Attributes', 'Answers', 'Action plan', 'Objectives']);
  assert.deepEqual(book.sheets_with_formulas, [], 'no formula anywhere');
  const summary = Object.fromEntries(book.data.Summary.filter((r) => r[0] && r[1] !== null).map((r) => [r[0], r[1]]));
  assert.equal(summary.Organization, 'Pizza&Pizza');
  assert.equal(summary['Floor level'], await page.locator('#stat-floor').innerText());
  assert.equal(summary['Processes in scope'], '8');
  // Processes: level and target of every in-scope process as the profile table shows them.
  const [head, ...rows] = book.data.Processes;
  assert.deepEqual(head.slice(0, 8), ['Process id', 'Process', 'In scope', 'Relevance', 'Why relevant', 'Target', 'Why this target', 'Level']);
  assert.equal(book.frozen.Processes, 'A2');
  assert.match(book.filter.Processes, /^A1:N\d+$/);
  const inScope = rows.filter((r) => r[2] === 'yes');
  assert.equal(inScope.length, 8);
  for (const r of inScope) {
    const cells = await results.row(r[0]).locator('td').allInnerTexts();
    assert.equal(String(r[7]), cells[1], `${r[0]} level`);
    assert.equal(String(r[5]), cells[3].replace(/\s\(your choice(; suggested \d)?\)$/, ''), `${r[0]} target`);
  }
  // Answers: one column per participant, their answers and the median.
  const answers = book.data.Answers;
  const names = ['Sam Okafor (IT lead)', 'Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)'];
  assert.deepEqual(answers[0].slice(4, 8), [...names, 'Median']);
  const savedNow = JSON.parse(await stored(page, 'sample-pizza')).assessment;
  const row = answers.find((r) => r[0] === 'Supplier management' && r[2] === 'supplier-contracts');
  assert.ok(row, 'the supplier contracts question is a row');
  assert.deepEqual(row.slice(4, 7), savedNow.participants.map((p) => p.answers['supplier/supplier-contracts']?.answer ?? null));
  // The plan, with the formula-like owner stored as text.
  const plan = book.data['Action plan'];
  const planned = plan.find((r) => r[4] === formula);
  assert.ok(planned, 'the planned step is a row');
  assert.equal(book.types['Action plan'][plan.indexOf(planned)][4], 's', 'a string cell, not a formula');
  assert.equal(planned[6], 'In progress');
  // Shared work is named as on screen, with its effort per process.
  const owners = plan.find((r) => /^Shared initiative #\d+: Owners and clear responsibilities for steps and handovers \(PA2\.1, a level-2 attribute\), for 5 processes$/.test(r[1]));
  assert.ok(owners, plan.map((r) => r[1]).join(' | '));
  assert.equal(owners[3], 'S each');
  // Native charts read the Processes sheet's cells.
  assert.deepEqual(book.charts.map((c) => c.kind), ['radarChart', 'barChart']);
  assert.ok(book.charts[0].ranges.includes('Processes!$B$2:$B$9'), JSON.stringify(book.charts[0].ranges));
  assert.deepEqual(errors, []);
  await context.close();
});

journey('Word report: written in the export worker with the charts drawn by the page, converted to PDF by LibreOffice: its sections, figures as on screen, the plan, pictures, hostile text as text', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const results = new ResultsPage(page);
  const hostile = '<img src=x onerror=alert(1)>';
  const key = `step:${await results.roadmapNowSteps().first().getAttribute('data-process')}:${await results.roadmapNowSteps().first().getAttribute('data-level')}`;
  await results.setPlan(key, { owner: 'Ana Díaz', due: '2027-02-28', status: 'in_progress', note: hostile });
  await new AssessmentFrame(page).waitSaveStatus('Saved in this browser');
  const floor = await page.locator('#stat-floor').innerText();
  const inScope = await page.$$eval('#profile-table tr[data-process] > th', (ths) => ths.map((th) => th.textContent.trim()));
  assert.equal(inScope.length, 8);
  const before = await stored(page, 'sample-pizza');
  // From the report page, where a consultant looks for it.
  await page.click('#open-report');
  await new ReportPage(page).waitLoaded();
  const dl = await download(page, () => page.click('#export-docx'));
  assert.equal(dl.suggestedFilename(), 'pizza-pizza-baseline-assessment.docx');
  await page.waitForFunction(() => document.querySelector('#export-docx').textContent === 'Word report');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-docx-'));
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  execFileSync('bash', [path.join('tests', 'e2e', 'read-docx.sh'), file, dir], { encoding: 'utf8', timeout: 120000 });
  const text = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
  const flat = text.replace(/\s+/g, ' ');
  for (const heading of ['ITSM capability assessment', 'Pizza&Pizza — baseline assessment', 'In one minute', 'From business objectives to processes', 'Scope, targets and capability', 'What it means for the business', 'Action plan', 'Notes and evidence', 'Method']) {
    assert.ok(flat.includes(heading), `the PDF has "${heading}"`);
  }
  assert.match(flat, new RegExp(`Floor level ${floor} `), 'the floor level as on screen');
  for (const name of inScope) assert.ok(flat.includes(name), `${name} is in the report`);
  for (const person of ['Sam Okafor (IT lead)', 'Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)']) assert.ok(flat.includes(person), person);
  assert.ok(flat.includes(`In progress · Ana Díaz · due 2027-02-28 — ${hostile}`), 'the plan, its hostile note as text');
  // Shared work is named as on screen, never by a question id.
  assert.match(flat, /Shared initiative #\d+: Owners and clear responsibilities for steps and handovers For: /);
  assert.doesNotMatch(flat, /\bpa[2-5][12]-[a-z]/);
  // Efforts in words, once: per action, and per process for shared work.
  assert.ok(flat.includes('· small effort (days)') && !flat.includes('(small effort (days))'), 'efforts read once');
  assert.match(flat, /· (small|medium|large) effort \((days|weeks|months)\) for each process/);
  // The five charts came through as pictures; the document has several pages.
  const images = fs.readFileSync(path.join(dir, 'images.txt'), 'utf8').trim().split('\n').filter(Boolean);
  assert.ok(images.length >= 5, `pictures in the PDF: ${images.length}`);
  const pages = Number(fs.readFileSync(path.join(dir, 'info.txt'), 'utf8').match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 5, `${pages} pages`);
  // Every page drawn, to look at.
  for (const png of fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f))) {
    fs.copyFileSync(path.join(dir, png), path.join(SHOTS, `docx-${png.replace(/-0+/, '-')}`));
  }
  assert.equal(await stored(page, 'sample-pizza'), before, 'exporting changed nothing');
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

journey('Excel workbook: an export worker that cannot load says so, and the assessment is untouched', async (browser) => {
  // A copy of the build whose server lacks the worker's wasm (a broken deployment).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-noworker-'));
  fs.cpSync(DIST, dir, { recursive: true });
  for (const ext of ['', '.br', '.gz']) fs.rmSync(path.join(dir, 'export-worker_bg.wasm' + ext), { force: true });
  const port = PORT + 9;
  const server = await serve(dir, port);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watch(page);
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.click('#open-sample');
    await new ResultsPage(page).waitLoaded();
    const before = await stored(page, 'sample-pizza');
    await page.click('#export-xlsx');
    const banner = page.locator('#error-banner');
    await banner.waitFor({ timeout: 10000 });
    assert.match(await banner.innerText(), /The Excel workbook could not be made: the export worker could not be loaded .*Nothing was changed\./s);
    await page.waitForFunction(() => document.querySelector('#export-xlsx').textContent === 'Excel workbook');
    assert.equal(await stored(page, 'sample-pizza'), before);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|404/.test(e)), []);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
