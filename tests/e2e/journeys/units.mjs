// One client, many assessments: the organization page with units side by
// side and a unit's history, reached from the start page and from an assessment.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { BASE, PHONE, newPage, shot, openSampleIn, download, parseCsv, sidewaysOverflow } from '../support.mjs';
import { StartPage, ResultsPage, assertAccessible } from '../pages.mjs';
import { idbGet, idbPut } from '../idb.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

const HOSTILE_UNIT = 'East <img src=x onerror=alert(1)>';

/// Stores copies of the sample as other units and dates of Pizza&Pizza:
/// North site three times (March: supplier all N, July: as the sample,
/// November: supplier all F), South site (change all F), and the hostile-named
/// East with no answers at all. The sample itself stays the whole organization.
async function seedUnits(page) {
  await page.waitForFunction(() => !document.querySelector('.save-status.save-pending'));
  const sample = JSON.parse(await idbGet(page, 'itsm.a.sample-pizza'));
  const setProcess = (env, pid, code) => {
    for (const p of env.assessment.participants) {
      for (const k of Object.keys(p.answers)) if (k.startsWith(`${pid}/`)) p.answers[k].answer = code;
    }
    for (const k of Object.keys(env.assessment.agreed || {})) if (k.startsWith(`${pid}/`)) env.assessment.agreed[k].answer = code;
  };
  const entries = [];
  const make = (id, unit, date, change) => {
    const env = JSON.parse(JSON.stringify(sample));
    Object.assign(env.assessment, { id, name: `${unit} review ${date}`, date, baseline: null });
    env.assessment.organization.unit = unit;
    change(env);
    entries.push([`itsm.a.${id}`, JSON.stringify(env)]);
  };
  make('north-1', 'North site', '2026-03-01', (e) => setProcess(e, 'supplier', 'N'));
  make('north-2', 'North site', '2026-07-01', () => {});
  make('north-3', 'North site', '2026-11-20', (e) => setProcess(e, 'supplier', 'F'));
  make('south', 'South site', '2026-11-02', (e) => setProcess(e, 'change', 'F'));
  make('east', HOSTILE_UNIT, '2026-11-10', (e) => {
    for (const p of e.assessment.participants) p.answers = {};
    e.assessment.agreed = {};
  });
  // As another tab writing them: this tab reads them at its next start.
  await idbPut(page, entries);
}

journey('units and history: three units of one organization side by side, three dated assessments of one unit over time, trend arrows on results', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await openSampleIn(page);
  await seedUnits(page);
  // After a reload the start page lists them (the index is repaired from what
  // is stored) and links the organization; home after a reload is the start page, not a resume.
  await page.reload();
  await new ResultsPage(page).waitLoaded();
  await page.click('.brand');
  await new StartPage(page, BASE).waitLoaded();
  assert.equal(await page.locator('.saved-list li').count(), 6);
  assert.equal(await page.locator('li[data-assessment="north-3"] .saved-org').innerText(), 'Pizza&Pizza · North site');
  await page.click('li[data-assessment="east"] .saved-org');
  await page.waitForURL(`${BASE}/org/pizza-pizza`);
  await page.waitForSelector('#org-assessments tbody tr');
  assert.equal(await page.locator('#org-title').innerText(), 'Pizza&Pizza');
  assert.equal(await page.locator('#org-assessments tbody tr').count(), 6);
  // The hostile unit name is text, nothing ran.
  assert.ok((await page.locator('#org-assessments').innerText()).includes(HOSTILE_UNIT));
  assert.equal(await page.locator('#org-assessments img').count(), 0);
  // At first the latest of each unit is ticked: whole organization, East, North (November), South.
  const ticked = () => page.$$eval('#org-assessments tbody tr', (rows) => rows.filter((r) => r.querySelector('input').checked).map((r) => r.dataset.assessment));
  assert.deepEqual((await ticked()).sort(), ['east', 'north-3', 'sample-pizza', 'south']);
  await page.waitForSelector('#units-compare .units-table');
  const table = page.locator('#units-compare > .units-table-host .units-table');
  const heads = await table.locator('thead th.unit-col').evaluateAll((ths) => ths.map((th) => [
    th.querySelector('.unit-name').textContent, th.querySelector('.unit-date').textContent, !!th.querySelector('.apart')]));
  assert.deepEqual(heads, [
    ['Whole organization', '2026-11-02', true],
    [HOSTILE_UNIT, '2026-11-10', true],
    ['North site', '2026-11-20', false],
    ['South site', '2026-11-02', false],
  ], 'the whole organization and the empty East are shown apart from the roll-up');
  assert.equal(await page.locator('#units-compare img').count(), 0, 'the hostile unit name is text in the table and charts');
  const notes = await page.locator('#units-compare .units-note').allInnerTexts();
  assert.ok(notes.some((n) => n.includes('Whole organization · 2026-11-02: the whole organization, shown apart from its units')), notes.join(' | '));
  // East has no answers: shown as such in every row, not as zero, and left out of the roll-up.
  const scores = (pid) => table.locator(`tr[data-process="${pid}"] td`).evaluateAll((tds) => tds.map((td) => (td.querySelector('.score') || td).textContent.trim()));
  const supplier = await scores('supplier');
  assert.equal(supplier[1], 'no answers');
  assert.match(supplier[2], /^3 · 3\.00$/, 'North in November: supplier all F, asked up to level 3 (one above its target)');
  assert.equal(await table.locator('tr[data-process="supplier"] td').nth(5).locator('.who').textContent(), 'South site',
    'the weakest unit of the roll-up: South, not the whole organization');
  assert.match(supplier[7], /^(\d of [12]|no targets)$/, 'two units count at most: North and South');
  const change = await scores('change');
  assert.ok(parseFloat(change[3].split(' · ')[1]) > parseFloat(change[0].split(' · ')[1]), `South's change is ahead: ${change}`);
  // The charts: one outline per unit with answers, a heatmap cell per process and unit.
  const rows = await table.locator('tbody tr').count();
  assert.equal(await page.locator('#chart-units-radar svg g[data-unit]').count(), 3);
  assert.equal(await page.locator('#chart-units-heatmap svg g[data-unit][data-process]').count(), rows * 4);
  assert.ok((await page.locator('#chart-units-radar svg').innerHTML()).includes('East &lt;img'), 'the name escaped in the chart');
  await shot(page, 'units-1280');
  await assertAccessible(page, 'organization page');

  // Untick to two: the comparison follows; its CSV has a row per process and unit.
  await page.uncheck('#pick-sample-pizza');
  await page.uncheck('#pick-east');
  assert.equal(await page.locator('#pick-count').innerText(), '2 of at most 8 ticked.');
  assert.equal(await table.locator('thead th').count(), 1 + 2 + 4);
  // One assessment per unit: ticking North's July replaces its November, and says so.
  await page.check('#pick-north-2');
  assert.deepEqual((await ticked()).sort(), ['north-2', 'south']);
  assert.match(await page.locator('#pick-count').innerText(), /One assessment per unit is compared: North site · 2026-11-20 was unticked/);
  await page.check('#pick-north-3');
  assert.deepEqual((await ticked()).sort(), ['north-3', 'south']);
  const dl = await download(page, () => page.click('#units-csv'));
  assert.equal(dl.suggestedFilename(), 'pizza-pizza-units.csv');
  const csv = parseCsv(fs.readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual(csv[0].slice(0, 5), ['Process', 'Unit', 'Assessment', 'Date', 'State']);
  assert.equal(csv.length - 1, rows * 2);
  assert.ok(csv.some((r) => r[0] === 'Supplier management' && r[1] === 'North site' && r[6] === '3.00'));
  // The workbook of the same, read back by openpyxl: the comparison and North site's history, numbers as numbers.
  const xl = await download(page, () => page.click('#org-xlsx'));
  assert.equal(xl.suggestedFilename(), 'pizza-pizza-units-and-history.xlsx');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-units-')), xl.suggestedFilename());
  await xl.saveAs(file);
  const book = JSON.parse(execFileSync('/usr/bin/python3', [path.join('tests', 'e2e', 'read-xlsx.py'), file], { encoding: 'utf8' }));
  assert.deepEqual(book.sheets, ['Units side by side', 'History North site']);
  const units = book.data['Units side by side'];
  assert.deepEqual(units[0].slice(0, 7), ['Process', 'Unit', 'Assessment', 'Date', 'State', 'Level', 'Index']);
  assert.equal(units.length - 1, rows * 2);
  const northSupplier = units.find((r) => r[0] === 'Supplier management' && r[1] === 'North site');
  assert.equal(northSupplier[6], 3, 'the index as a number');
  assert.equal(book.frozen['Units side by side'], 'A2');
  assert.equal(book.data['History North site'].length - 1, rows * 3);
  assert.deepEqual(book.sheets_with_formulas, []);
  await page.waitForFunction(() => !document.querySelector('#org-xlsx').disabled);
  // One to go below two: a clear sentence instead of charts.
  await page.uncheck('#pick-south');
  await page.waitForSelector('#units-empty');

  // History: North site has three dated assessments, the others one each.
  const history = page.locator('.unit-history');
  assert.equal(await history.count(), 1);
  assert.equal(await history.getAttribute('data-unit'), 'North site');
  const trendRows = history.locator('svg g[data-process]');
  assert.equal(await trendRows.count(), rows);
  assert.match(await history.locator('svg g[data-process="supplier"]').textContent(), /▲/);
  // Attribute changes March → November: supplier rose, from level 0.
  const supplierChange = history.locator('.attribute-changes tr[data-process="supplier"] td');
  assert.match(await supplierChange.nth(0).innerText(), /^0\.\d\d → 3\.00$/);
  assert.match(await supplierChange.nth(2).innerText(), /^\+\d+$/, 'PA1.1 up in percentage points');
  // July → November: change stayed where it was.
  await history.locator('.history-from').selectOption({ index: 1 });
  assert.match(await history.locator('.attribute-changes tr[data-process="change"] td').nth(0).innerText(), /^(\d\.\d\d) → \1$/);
  const hdl = await download(page, () => history.locator('.history-csv').click());
  assert.equal(hdl.suggestedFilename(), 'pizza-pizza-north-site-history.csv');
  assert.equal(parseCsv(fs.readFileSync(await hdl.path(), 'utf8')).length - 1, rows * 3);

  // From an assessment: the results page shows trend arrows against the unit's previous date, and links here.
  await page.goto(`${BASE}/a/north-3/results`);
  const results = new ResultsPage(page);
  await results.waitLoaded();
  await page.waitForSelector('#trend-note');
  assert.match(await page.locator('#trend-note').innerText(), /vs 2026-07-01 \(North site review 2026-07-01\)/);
  assert.match(await page.locator('#profile-table thead').textContent(), /trend vs 2026-07-01/);
  // Supplier rose to level 3: the level change is named.
  assert.match(await page.locator('#profile-table tr[data-process="supplier"] .index-cell').innerText(), /▲ L\d→L3/);
  assert.match(await page.locator('#profile-table tr[data-process="change"] .index-cell').innerText(), /^\d\.\d\d =(\n| vs)/);
  assert.equal(await page.locator('#org-unit').textContent(), ' · North site');
  await page.click('#org-link');
  await page.waitForURL(`${BASE}/org/pizza-pizza`);
  await page.waitForSelector('#units-compare .units-table');

  // On a phone: usable without sideways scrolling.
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  assert.ok((await sidewaysOverflow(page)) <= 1, 'no sideways scrolling at 390 px');
  // The comparison reads as one card per process, each figure named.
  const card = table.locator('tbody tr[data-process="supplier"]');
  assert.equal(await card.evaluate((tr) => getComputedStyle(tr).display), 'block');
  assert.equal(await card.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content), '"Whole organization · 2026-11-02 (not in roll-up)"', 'a card names the column, and that it is apart');
  await shot(page, 'units-390');
  // An organization nobody assessed here.
  await page.goto(`${BASE}/org/nobody-here`);
  await page.waitForSelector('text=Organization not found');
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
