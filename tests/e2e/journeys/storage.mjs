// The browser database: an earlier version's localStorage moves over with
// nothing lost, and a year of workshops (50 assessments of 30 people on the
// full catalog, about 55 MB) is stored, listed, opened and exported.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { BASE, newPage, shot, openSampleIn, stored, download } from '../support.mjs';
import { StartPage, ResultsPage, AssessmentFrame } from '../pages.mjs';
import { idbGet, idbKeys, idbPut } from '../idb.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

/// Opens the app and shows the start page (opening at / resumes the last page).
async function home(page) {
  await page.goto(BASE + '/');
  await page.waitForSelector('#saved-heading, .stepper', { timeout: 30000 });
  if (new URL(page.url()).pathname !== '/') await page.click('.brand');
  await page.waitForSelector('#saved-heading');
}

/// Every record the app keeps, by key.
async function allRecords(page) {
  const keys = await idbKeys(page, 'itsm.');
  const out = {};
  for (const k of keys) out[k] = await idbGet(page, k);
  return out;
}

journey('storage: what an earlier version kept in localStorage moves into the database with nothing lost', async (browser) => {
  // This version's own data, as the earlier version kept it: the sample, a
  // follow-up, a renamed copy, the index and the last page opened.
  const first = await newPage(browser);
  await openSampleIn(first.page);
  const start = new StartPage(first.page, BASE);
  await new AssessmentFrame(first.page).goHome();
  await start.waitListed();
  await start.duplicate('sample-pizza');
  await start.waitListedCount(2);
  await first.page.waitForFunction(() => !document.querySelector('.save-status.save-pending'));
  await first.page.waitForTimeout(300);
  const records = await allRecords(first.page);
  const exportedBefore = fs.readFileSync(await (await download(first.page, () => start.exportItem('sample-pizza'))).path(), 'utf8');
  await first.context.close();
  assert.ok(Object.keys(records).length >= 3, Object.keys(records).join(', '));

  // A browser that has only the old localStorage copy.
  const { context, page, errors } = await newPage(browser);
  await page.goto(`${BASE}/favicon.svg`);
  await page.evaluate((records) => { for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v); }, records);
  const again = new StartPage(page, BASE);
  await home(page);
  await again.waitListedCount(2);
  // Everything is in the database, byte for byte; localStorage no longer holds the app's data.
  assert.deepEqual(await allRecords(page), records);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('itsm.'))), []);
  const exportedAfter = fs.readFileSync(await (await download(page, () => again.exportItem('sample-pizza'))).path(), 'utf8');
  assert.equal(exportedAfter, exportedBefore, 'the same export before and after the move');
  // It opens and keeps working on the new store, across a reload.
  await page.goto(`${BASE}/a/sample-pizza/results`);
  await new ResultsPage(page).waitLoaded();
  await page.reload();
  await new ResultsPage(page).waitLoaded();
  assert.equal(await stored(page, 'sample-pizza'), records['itsm.a.sample-pizza']);
  // (The browser asks for /favicon.ico on the bare file opened to reach the origin.)
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

journey('storage: 50 workshops of 30 people on the full catalog are stored, listed, opened and exported', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  await page.waitForFunction(() => !document.querySelector('.save-status.save-pending'));
  const sample = JSON.parse(await idbGet(page, 'itsm.a.sample-pizza'));
  const catalog = JSON.parse(fs.readFileSync('catalog/default.json', 'utf8'));
  const keys = catalog.processes.flatMap((p) => [...p.questions.map((q) => `${p.id}/${q.id}`), ...catalog.generic_questions.map((q) => `${p.id}/${q.id}`)]);
  const codes = ['N', 'P', 'L', 'F'];
  const index = [];
  let total = 0;
  for (let batch = 0; batch < 5; batch++) {
    const entries = [];
    for (let i = batch * 10; i < batch * 10 + 10; i++) {
      const env = JSON.parse(JSON.stringify(sample));
      Object.assign(env.assessment, { id: `ws-${i}`, name: `Workshop ${i + 1}`, mode: 'full', baseline: null, agreed: {} });
      env.assessment.scope = Object.fromEntries(catalog.processes.map((p) => [p.id, { in_scope: true }]));
      env.assessment.participants = Array.from({ length: 30 }, (_, j) => ({
        id: `p${j + 1}`, name: `Participant ${j + 1}`,
        answers: Object.fromEntries(keys.map((k, q) => [k, { answer: codes[(i + j + q) % 4] }])),
      }));
      env.assessment.active = 'p1';
      const text = JSON.stringify(env);
      total += text.length;
      entries.push([`itsm.a.ws-${i}`, text]);
      index.push({ id: `ws-${i}`, name: `Workshop ${i + 1}`, organization: 'Pizza&Pizza', updated: 1000 + i, completion: 1 });
    }
    await idbPut(page, entries);
  }
  const old = JSON.parse(await idbGet(page, 'itsm.index'));
  await idbPut(page, [['itsm.index', JSON.stringify([...old, ...index])]]);
  assert.ok(total > 50 * 1e6, `about a megabyte each: ${(total / 1e6).toFixed(1)} MB in all`);
  // Listed after a reload, with their sizes and the room left.
  const start = new StartPage(page, BASE);
  await home(page);
  await start.waitListedCount(51);
  assert.match(await page.locator('li[data-assessment="ws-7"] .saved-size').textContent(), /^1\.\d MB$/, 'textContent: rows off screen are not laid out');
  await page.waitForFunction(() => /Room left for this site: about [\d.]+ GB/.test(document.querySelector('#storage-room')?.textContent || ''));
  assert.match(await page.locator('#storage-room').innerText(), /Stored in this browser: 5\d\.\d MB in 51 assessments/);
  await shot(page, 'storage-50-workshops');
  // Opened: results of 30 people.
  await page.goto(`${BASE}/a/ws-42/results`);
  await new ResultsPage(page).waitLoaded();
  assert.equal(await page.locator('#profile-table tbody tr[data-process]').count(), catalog.processes.length);
  // Exported as saved.
  await page.click('.brand');
  await start.waitListedCount(51);
  const dl = await download(page, () => start.exportItem('ws-42'));
  assert.equal(fs.readFileSync(await dl.path(), 'utf8'), await idbGet(page, 'itsm.a.ws-42'));
  // A change to one of them is saved into the database.
  await page.goto(`${BASE}/a/ws-3/process/incident`);
  await page.waitForSelector('.question');
  const first = page.locator('.question').first();
  const key = await first.getAttribute('data-key');
  await first.locator('.ans[data-answer="DK"]').click();
  await page.waitForSelector('#save-status:has-text("Saved in this browser")');
  assert.equal(JSON.parse(await stored(page, 'ws-3')).assessment.participants[0].answers[key].answer, 'DK');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('storage: the start page asks the browser to keep the data and says what it answered', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const start = new StartPage(page, BASE);
  await new AssessmentFrame(page).goHome();
  await start.waitListed();
  await page.waitForSelector('#storage-room');
  assert.match(await page.locator('#storage-room').innerText(), /Stored in this browser: \d+ KB in 1 assessment\./);
  const persist = page.locator('#storage-persist');
  if (await persist.count()) {
    await persist.click();
    await page.waitForSelector('#storage-kept');
    assert.match(await page.locator('#storage-kept').innerText(), /The browser (keeps this data|declined for now)/);
  } else {
    assert.match(await page.locator('#storage-kept').innerText(), /The browser keeps this data/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
