// Persistence: nothing is ever lost — many assessments, a corrupted key, a full
// quota, two tabs, and files that are refused or round-trip exactly.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { BASE, newPage, shot, openSampleIn, stored, download, assessmentId } from '../support.mjs';
import { idbGet, idbKeys, idbPut, idbDelete, idbClear, fillQuota } from '../idb.mjs';
import { StartPage, ImportPanel, Banners, AssessmentFrame, ScopePage, ProcessPage, ResultsPage, assertAccessible } from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

journey('persistence: many assessments — rename, duplicate, follow-up, delete with undo', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const start = new StartPage(page, BASE);
  const frame = new AssessmentFrame(page);
  await start.goto();
  await page.waitForURL(/\/results$/); // resumes; go to the list explicitly
  await frame.goHome();
  await start.waitListed();
  // Rename.
  await start.rename('sample-pizza', 'Pizza <b>bold</b> & co');
  assert.equal(await start.itemName('sample-pizza').innerText(), 'Pizza <b>bold</b> & co');
  assert.equal(JSON.parse(await stored(page, 'sample-pizza')).assessment.name, 'Pizza <b>bold</b> & co');
  // Duplicate.
  await start.duplicate('sample-pizza');
  await start.waitListedCount(2);
  assert.match(await start.savedList().innerText(), /Copy of Pizza <b>bold<\/b> & co/);
  // Follow-up: context copied, answers empty, baseline recorded.
  await start.followUp('sample-pizza');
  await page.waitForURL(/\/a\/[^/]+\/scope$/);
  const fid = assessmentId(page);
  await new ScopePage(page).waitLoaded();
  assert.match(await new ScopePage(page).reasons('supplier'), /Payment system/);
  const follow = JSON.parse(await stored(page, fid)).assessment;
  assert.equal(follow.baseline, 'sample-pizza');
  assert.equal(follow.services.length, 2);
  assert.equal(follow.strategy.length, 3);
  assert.equal(Object.keys(follow.participants[0].answers).length, 0);
  // Delete with undo.
  await frame.goHome();
  await start.waitListed();
  assert.equal(await start.savedItems().count(), 3);
  const before = await stored(page, 'sample-pizza');
  await start.remove('sample-pizza');
  await start.waitUndoDelete();
  assert.equal(await start.savedItems().count(), 2);
  assert.equal(await stored(page, 'sample-pizza'), null);
  await page.waitForTimeout(10500); // the undo stays offered for at least 10 s
  await start.undoDelete();
  await start.waitListedCount(3);
  assert.equal(JSON.parse(await stored(page, 'sample-pizza')).assessment.name, JSON.parse(before).assessment.name);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('persistence: a corrupted key is moved aside with a banner; the rest still works', async (browser) => {
  const { context, page } = await newPage(browser);
  await openSampleIn(page);
  const good = await stored(page, 'sample-pizza');
  const index = JSON.parse(await idbGet(page, 'itsm.index'));
  index.push({ id: 'broken', name: 'Client X review', organization: 'Client X', updated: 1, completion: 0 });
  await idbPut(page, [
    ['itsm.a.broken', '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"'],
    ['itsm.index', JSON.stringify(index)],
  ]);
  await idbDelete(page, 'itsm.last-path');
  const start = new StartPage(page, BASE);
  await start.goto();
  const banner = start.quarantineBanner();
  await banner.waitFor();
  assert.match(await banner.innerText(), /“Client X review”: this is not valid JSON \(line 1, column \d+\)/);
  // Moved aside untouched; the good assessment is still there and listed.
  await page.waitForFunction(() => !document.querySelector('.save-status.save-pending'));
  let aside = [];
  for (let i = 0; i < 50 && aside.length === 0; i++) { aside = await idbKeys(page, 'itsm.bad.broken.'); if (!aside.length) await page.waitForTimeout(50); }
  assert.equal(aside.length, 1);
  assert.equal(await idbGet(page, aside[0]), '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"');
  assert.equal(await stored(page, 'broken'), null);
  assert.equal(await stored(page, 'sample-pizza'), good);
  assert.equal(await start.savedItems().count(), 1);
  const raw = await download(page, () => start.downloadQuarantined());
  assert.equal(fs.readFileSync(await raw.path(), 'utf8'), '{"format": "itsm-assessment", "version": 1, "assessment": {"id": "broken"');
  await assertAccessible(page, 'start page with the quarantine banner');
  await shot(page, 'corrupted-storage-1280');
  await context.close();
});

journey('persistence: storage full — visible error, work kept in the tab, export offered, nothing half-written', async (browser) => {
  const { context, page } = await newPage(browser);
  await openSampleIn(page);
  await page.goto(BASE + '/a/sample-pizza/process/supplier');
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  const before = await stored(page, 'sample-pizza');
  // The quota is full (simulated: the origin's real quota is gigabytes): every write is refused.
  await fillQuota(page);
  await proc.answer(2, '4');
  await proc.addNote(2);
  await proc.waitNoteFocused(2);
  await page.keyboard.type('Evidence: the supplier list in the shared drive.');
  const banners = new Banners(page);
  const banner = banners.error();
  await banner.waitFor();
  assert.match(await banner.innerText(), /storage for this site is full/);
  assert.equal(await proc.answerOf(2), 'F', 'the change stays in the tab');
  assert.equal(await stored(page, 'sample-pizza'), before, 'the saved copy is untouched');
  const dl = await download(page, () => banners.downloadUnsaved());
  const exported = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.assessment.participants[0].answers['supplier/supplier-register'].answer, 'F');
  assert.equal(exported.assessment.participants[0].answers['supplier/supplier-register'].note, 'Evidence: the supplier list in the shared drive.');
  assert.equal(await proc.note(2).inputValue(), 'Evidence: the supplier list in the shared drive.');
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
  const procA = new ProcessPage(a);
  const procB = new ProcessPage(b);
  const bannersB = new Banners(b);
  await procA.waitLoaded();
  await procB.waitLoaded();
  // A saves; B has no pending change and follows.
  await procA.answer(0, '4');
  await bannersB.waitNotice();
  assert.match(await bannersB.notice().innerText(), /changes made in another tab/);
  assert.equal(await procB.answerOf(0), 'F');
  // Both change at once: B is told, nothing is overwritten.
  await procA.answer(2, '3');
  await procB.answer(1, '4');
  await bannersB.waitConflict();
  await a.waitForTimeout(800);
  const saved = JSON.parse(await stored(a, 'sample-pizza')).assessment.participants[0].answers;
  assert.equal(saved['supplier/supplier-register']?.answer, 'L', "A's change is saved");
  assert.equal(saved['supplier/supplier-contracts']?.answer, 'P', "B's change did not overwrite A's save");
  // B keeps its version on purpose: now it is saved.
  await bannersB.keepMine();
  let kept = null;
  for (let i = 0; i < 100 && kept !== 'F'; i++) {
    kept = JSON.parse(await idbGet(b, 'itsm.a.sample-pizza')).assessment.participants[0].answers['supplier/supplier-contracts']?.answer;
    if (kept !== 'F') await b.waitForTimeout(50);
  }
  assert.equal(kept, 'F', "B's version is saved once B chose it");
  await context.close();
});

journey('persistence: bad files are refused with a clear message; export → clear → import restores the same JSON', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const start = new StartPage(page, BASE);
  const importer = new ImportPanel(page);
  await new AssessmentFrame(page).goHome();
  await start.waitListed();
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
    await importer.choose({ name, mimeType: 'application/json', buffer });
    const msg = importer.error();
    await msg.waitFor();
    const text = await msg.innerText();
    assert.match(text, re, name);
    assert.match(text, new RegExp(`“${name.replace('.', '\\.')}”[\\s\\S]*Nothing was imported`), name);
    assert.equal(await importer.preview().count(), 0);
    assert.equal(await stored(page, 'sample-pizza'), before, `${name} changed nothing`);
  }
  // Round trip: export, clear storage, import: the same JSON.
  const dl = await download(page, () => start.exportItem('sample-pizza'));
  const exported = fs.readFileSync(await dl.path(), 'utf8');
  assert.equal(exported, before);
  await idbClear(page);
  await page.reload();
  await start.waitFor('noSaved');
  await importer.choose({ name: 'pizza.itsm.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await importer.waitPreview();
  assert.match(await importer.preview().innerText(), /Pizza&Pizza — baseline assessment[\s\S]*new/);
  await importer.confirm();
  await start.waitItem('sample-pizza');
  assert.equal(await stored(page, 'sample-pizza'), exported, 'identical JSON after the round trip');
  // Importing it again asks before replacing.
  await importer.choose({ name: 'pizza.itsm.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await importer.waitPreview();
  assert.match(await importer.preview().innerText(), /replaces the saved “Pizza&Pizza — baseline assessment”/);
  await importer.importCopies();
  await start.waitListedCount(2);
  assert.match(await start.savedList().innerText(), /\(imported\)/);
  await assertAccessible(page, 'start page after import');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

journey('storage blocked: the app starts, says nothing will be saved, walks the sample to results and exports the work', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  // As a browser does when the user or a policy blocks site data: touching the database or localStorage throws.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'indexedDB']) {
      Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    }
  });
  const start = new StartPage(page, BASE);
  const banners = new Banners(page);
  const frame = new AssessmentFrame(page);
  await start.open();
  assert.match(await banners.storageBlocked().innerText(), /Nothing will be saved in this browser[\s\S]*the browser says: SecurityError[\s\S]*download a copy before you close the tab/);
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  assert.equal(await frame.saveStatus().innerText(), 'Not saved: kept in this tab only');
  // Work goes on in memory: answer a question, reached through the app's own links (a reload would lose it).
  await frame.goStep('process');
  await new ProcessPage(page).waitLoaded();
  const first = page.locator('.question').first();
  const key = await first.getAttribute('data-key');
  const before = await first.locator('.ans[aria-pressed="true"]').getAttribute('data-answer');
  const given = before === 'N' ? 'P' : 'N';
  await first.locator(`.ans[data-answer="${given}"]`).click();
  await frame.goStep('results');
  await new ResultsPage(page).waitLoaded();
  // The download holds the sample with the answer just given.
  const dl = await download(page, () => banners.downloadInMemory());
  const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(doc.format, 'itsm-assessment');
  assert.equal(doc.assessment.organization.name, 'Pizza&Pizza');
  const me = doc.assessment.participants.find((p) => p.id === doc.assessment.active);
  assert.equal(me.answers[key].answer, given, `the in-memory answer to ${key} is in the download`);
  await shot(page, 'storage-blocked');
  assert.deepEqual(errors, [], 'no page error while storage is blocked');
  await context.close();
});
