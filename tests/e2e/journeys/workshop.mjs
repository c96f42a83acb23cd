// Working with others: the workshop (merge, discuss, agree), the presenter view,
// a custom catalog, and the comparison of a follow-up with its baseline.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, newPage, shot, openSampleIn, stored, download, assessmentId, sidewaysOverflow } from '../support.mjs';
import {
  StartPage, ImportPanel, CatalogPanel, Banners, AssessmentFrame, OrganizationPage, ScopePage, ProcessPage, ResultsPage, WorkshopPage, PresenterPage,
  assertAccessible,
} from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

journey('workshop: three participants answer on their own devices; the facilitator merges, discusses and agrees', async (browser) => {
  // The facilitator prepares the assessment and hands it out as a file.
  const { context: fctx, page: f, errors } = await newPage(browser);
  await openSampleIn(f);
  const fStart = new StartPage(f, BASE);
  await new AssessmentFrame(f).goHome();
  await fStart.waitListed();
  const dl = await download(f, () => fStart.exportItem('sample-pizza'));
  const handout = fs.readFileSync(await dl.path());
  // Each participant, in their own browser profile: import, name themselves, answer, send back.
  const plan = { Ana: ['4', '1', '3'], Ben: ['2', '3', '3'], Cy: ['1', '1', '3'] }; // supplier q-0, q-1, q-2
  const files = [];
  for (const [name, keys] of Object.entries(plan)) {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    const p = await ctx.newPage();
    await new StartPage(p, BASE).goto();
    const importer = new ImportPanel(p);
    await importer.choose({ name: 'handout.itsm.json', mimeType: 'application/json', buffer: handout });
    await importer.confirm();
    await new StartPage(p, BASE).waitItem('sample-pizza'); // written once the catalog is loaded
    const pWorkshop = new WorkshopPage(p);
    await p.goto(BASE + '/a/sample-pizza/workshop');
    await pWorkshop.setMyName(name);
    await p.goto(BASE + '/a/sample-pizza/process/supplier');
    const proc = new ProcessPage(p);
    await proc.waitLoaded();
    for (let i = 0; i < keys.length; i++) {
      await proc.answer(i, keys[i]);
    }
    await p.goto(BASE + '/a/sample-pizza/workshop');
    await pWorkshop.waitExportMine();
    const mine = await download(p, () => pWorkshop.exportMyAnswers());
    assert.match(mine.suggestedFilename(), new RegExp(`-${name.toLowerCase()}\\.answers\\.json$`));
    files.push({ name: mine.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(await mine.path()) });
    await ctx.close();
  }
  // The facilitator imports the three files (preview first).
  const workshop = new WorkshopPage(f);
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.importAnswers(files);
  await workshop.waitPreviewCount(3);
  assert.match(await workshop.preview().innerText(), /Ana[\s\S]*new participant/);
  await workshop.confirmAnswers();
  await workshop.waitParticipantCount(6);
  // The sample's own three participants leave; only the three new people count.
  for (const name of ['Sam Okafor (IT lead)', 'Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)']) {
    await workshop.removeParticipant(name);
  }
  await workshop.waitParticipantCount(3);
  // Discuss list: exactly the questions two steps or more apart, and the one
  // the sample's group agreed earlier (kept, so it can be seen and undone).
  const keys = await workshop.discussKeys();
  assert.deepEqual(keys.sort(), ['infrastructure/infrastructure-jobs', 'supplier/supplier-contracts', 'supplier/supplier-delivery']);
  // All three give F now: the earlier agreed L still decides, and says so.
  assert.equal(await workshop.discussItem('infrastructure/infrastructure-jobs').locator('.discuss-stance').innerText(), '✓ Agreed earlier · answers this round: F 3');
  const delivery = workshop.discussItem('supplier/supplier-delivery');
  await delivery.locator('.dist-names summary').click(); // names on demand
  assert.match(await delivery.innerText(), /Ana: F[\s\S]*Ben: P[\s\S]*Cy: N/);
  assert.match(await delivery.innerText(), /Answers 3 steps apart · No majority — agree an answer · until then the results count it as P, the median of all answers/);
  assert.match(await workshop.discussItem('supplier/supplier-contracts').innerText(), /Answers 2 steps apart · median N/);
  assert.equal(await f.innerText('#discuss-count'), '2 open · 1 agreed');
  // Agreeing changes the result.
  await f.goto(BASE + '/a/sample-pizza/results');
  const indexCell = new ResultsPage(f).indexCell('supplier');
  const before = await indexCell.innerText();
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.agree('supplier/supplier-delivery', 'F', 'The payment vendor delivers what the contract promises; Cy had heard of one slow fix.');
  await f.goto(BASE + '/a/sample-pizza/results');
  const after = await indexCell.innerText();
  assert.ok(Number(after) > Number(before), `supplier index ${before} -> ${after}`);
  await f.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.waitDiscussItem();
  await workshop.waitSpread();
  assert.equal(await workshop.spreadProcesses(), 8);
  // The agenda: the agreed item is ticked and no longer asks for an answer.
  assert.equal(await f.innerText('#discuss-count'), '1 open · 2 agreed');
  const agreedText = await workshop.discussItem('supplier/supplier-delivery').locator('.discuss-stance').innerText();
  assert.equal(agreedText, '✓ Agreed · Answers 3 steps apart · No majority');
  assert.match(await workshop.discussItem('supplier/supplier-contracts').locator('.discuss-stance').innerText(), /^Answers 2 steps apart · median N$/);
  await assertAccessible(f, 'workshop');
  await shot(f, 'workshop-1280');
  assert.deepEqual(errors, []);
  await fctx.close();
});

journey('the sample: three participants, a discuss list, and the case\'s processes by name with their references', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const workshop = new WorkshopPage(page);
  await page.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.waitParticipantCount(3);
  for (const name of ['Sam Okafor (IT lead)', 'Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)']) {
    await workshop.waitParticipant(name);
  }
  await workshop.waitDiscussItem();
  const keys = await workshop.discussKeys();
  assert.ok(keys.length >= 4 && keys.length <= 10, `${keys.length} to discuss`);
  for (const key of ['security/security-access-removal', 'incident/incident-major', 'change/change-assessed', 'service-desk/service-desk-single-point']) {
    assert.ok(keys.includes(key), `${key} is on the discuss list`);
  }
  await workshop.discussItem('incident/incident-major').locator('.dist-names summary').click();
  assert.match(await workshop.discussItem('incident/incident-major').innerText(), /Sam Okafor \(IT lead\): N[\s\S]*Lena Brandt \(Service desk lead\): L[\s\S]*Tom Reyes \(Developer\): P/);
  await shot(page, 'sample-workshop-1280');
  // The results name the case's processes.
  const results = new ResultsPage(page);
  await page.goto(BASE + '/a/sample-pizza/results');
  await page.waitForSelector('#profile-table tbody tr[data-process]');
  const names = await page.$$eval('#profile-table tbody tr[data-process] th', (ths) => ths.map((th) => th.textContent.trim()));
  for (const name of ['Software development and management', 'Infrastructure and platform management', 'Supplier management',
    'Service desk', 'Incident management', 'Problem management', 'Change management', 'Information security management']) {
    assert.ok(names.includes(name), `${name} in ${names}`);
  }
  assert.equal(names.length, 8);
  // The roadmap gives each action its effort.
  assert.ok(await page.locator('.road-step .tag-effort').count() >= 20, 'efforts on the roadmap');
  // In words, never a rating's letter: "days", "weeks", "months", with the key above the roadmap;
  // shared work says its effort is per process ("days each").
  const efforts = new Set(await page.locator('.road-step:not(.road-initiative) .tag-effort').allInnerTexts());
  assert.deepEqual([...efforts].filter((e) => !['days', 'weeks', 'months'].includes(e)), [], [...efforts].join(', '));
  const shared = new Set(await page.locator('.road-initiative .tag-effort').allInnerTexts());
  assert.ok(shared.size > 0 && [...shared].every((e) => ['days each', 'weeks each', 'months each'].includes(e)), [...shared].join(', '));
  assert.match(await page.innerText('#roadmap-lines'), /effort for one process: days, weeks or months/);
  await results.waitFor('radar');
  await shot(page, 'sample-results-1280');
  // A process page shows its references and what to look at for each question.
  await page.goto(BASE + '/a/sample-pizza/process/software-development');
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  assert.match(await proc.references().innerText(), /ITIL 4 Software development and management · ISO\/IEC 20000-1:2018 8\.5\.2 · COBIT 2019 BAI03/);
  assert.equal(await proc.evidence().count(), await proc.questions().count(), 'every question says what to look at');
  assert.match(await proc.evidence().first().innerText(), /^Look at: /);
  await shot(page, 'process-software-development-1280');
  await page.setViewportSize(PHONE);
  await shot(page, 'process-software-development-390');
  assert.ok(await sidewaysOverflow(page) <= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('templates: "Small IT team" fills scope and targets; everything stays editable', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await page.waitForSelector(StartPage.sel.templates);
  const offered = await start.templates();
  assert.deepEqual(offered.map(([id]) => id), ['small-it-team', 'service-provider', 'iso20000-readiness']);
  assert.match(offered[0][1], /Small IT team[\s\S]*8 processes · targets up to level 2/);
  assert.match(offered[2][1], /27 processes · targets up to level 3/);
  await shot(page, 'start-templates-1280');
  await page.setViewportSize(PHONE);
  await shot(page, 'start-templates-390');
  assert.ok(await sidewaysOverflow(page) <= 1);
  await page.setViewportSize(DESKTOP);
  await start.startTemplate('small-it-team');
  await page.waitForURL(/\/organization$/);
  const id = assessmentId(page);
  await page.goto(`${BASE}/a/${id}/scope`);
  const scope = new ScopePage(page);
  await scope.waitLoaded();
  for (const p of ['service-desk', 'incident', 'service-request', 'problem', 'change', 'it-asset', 'security', 'supplier']) {
    assert.ok(await scope.inScope(p), `${p} in scope`);
  }
  assert.ok(!(await scope.inScope('capacity')));
  assert.match(await scope.row('capacity').locator('.rationale').inputValue(), /Left out by the template ‘Small IT team’/);
  const env = JSON.parse(await stored(page, id));
  assert.equal(env.assessment.scope.incident.target, 2);
  assert.match(env.assessment.name, /Small IT team/);
  // Its target cannot be set while it is out of scope, and says why.
  const capacityTarget = scope.row('capacity').locator('.target-select');
  assert.ok(await capacityTarget.isDisabled(), 'no target menu for a process out of scope');
  assert.match(await capacityTarget.getAttribute('title'), /Out of scope/);
  // The user can take a process back in.
  await scope.setInScope('capacity', true);
  await page.waitForFunction(() => !document.querySelector('#scope-table tr[data-process="capacity"] .target-select').disabled);
  await page.waitForTimeout(700);
  assert.equal(JSON.parse(await stored(page, id)).assessment.scope.capacity.in_scope, true);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('custom catalog: a valid file loads and is used; a broken one is refused naming each error; unknown catalog opens read-only', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  const catalogs = new CatalogPanel(page);
  await start.goto();
  await catalogs.waitLoaded();
  const dl = await download(page, () => catalogs.downloadDefault());
  const catalog = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(catalog.id, 'itsm-default');
  // A broken copy: a duplicate process id and an unknown process in an objective.
  const broken = JSON.parse(JSON.stringify(catalog));
  broken.processes[1].id = broken.processes[0].id;
  broken.objectives[0].processes[0].process = 'no-such-process';
  await catalogs.load({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const box = catalogs.errors();
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
  await catalogs.load({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(acme)) });
  const banners = new Banners(page);
  await banners.waitNotice();
  assert.match(await banners.notice().innerText(), /Loaded the catalog “Acme ITSM catalog” version 2\.0\.0/);
  assert.equal(await catalogs.select().inputValue(), 'acme-catalog@2.0.0');
  await start.newAssessment();
  await page.waitForURL(/\/organization$/);
  const id = assessmentId(page);
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
  const frame = new AssessmentFrame(page);
  const importer = new ImportPanel(page);
  await frame.goHome();
  await importer.waitAttached();
  await importer.choose({ name: 'ghost.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ghost)) });
  await importer.confirm();
  await new StartPage(page, BASE).waitItem('ghost-one');
  await page.goto(`${BASE}/a/ghost-one/organization`);
  await frame.waitFor('readOnlyNote');
  assert.match(await frame.readOnlyNote().innerText(), /catalog “ghost-catalog” version 9, which is not loaded/);
  const before = await stored(page, 'ghost-one');
  await new OrganizationPage(page).fillSector('Changed');
  await page.waitForTimeout(700);
  assert.equal(await stored(page, 'ghost-one'), before, 'read-only: nothing saved');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('comparison: a follow-up of the sample with supplier answers raised shows positive deltas exactly there', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const start = new StartPage(page, BASE);
  const workshop = new WorkshopPage(page);
  // The baseline's action plan: supplier management's first step done, another step under way.
  const baseResults = new ResultsPage(page);
  const supplierKey = await page.locator('details.plan[data-plan^="step:supplier:"]').first().getAttribute('data-plan');
  const other = baseResults.roadmapNowSteps().filter({ hasNot: page.locator('[data-plan^="step:supplier:"]') }).first();
  const otherKey = `step:${await other.getAttribute('data-process')}:${await other.getAttribute('data-level')}`;
  await baseResults.setPlan(supplierKey, { owner: 'Sam', status: 'done' });
  await baseResults.setPlan(otherKey, { status: 'in_progress' });
  await new AssessmentFrame(page).waitSaveStatus('Saved in this browser');
  // The baseline as one person's view: the agreed answer is taken back and the
  // two other participants leave, so the follow-up can start from the same answers.
  await page.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.waitDiscussItem();
  await page.selectOption('#agreed-infrastructure-infrastructure-jobs', ''); // back to the median
  for (const name of ['Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)']) {
    await workshop.removeParticipant(name);
  }
  await workshop.waitParticipantCount(1);
  // The IT lead's answers from the baseline, as a "my answers" file: the follow-up starts from them.
  const mine = await download(page, () => workshop.exportMyAnswers());
  const answers = fs.readFileSync(await mine.path());
  await new AssessmentFrame(page).goHome();
  await start.waitListed();
  await start.followUp('sample-pizza');
  await page.waitForURL(/\/a\/[^/]+\/scope$/);
  const fid = assessmentId(page);
  await page.goto(`${BASE}/a/${fid}/workshop`);
  await workshop.importAnswers({ name: 'team.answers.json', mimeType: 'application/json', buffer: answers });
  await workshop.confirmAnswers();
  await workshop.waitParticipant('Sam Okafor (IT lead)');
  // Months later: supplier management has improved.
  await page.goto(`${BASE}/a/${fid}/process/supplier`);
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  const n = await proc.questions().count();
  for (let i = 0; i < n; i++) {
    await proc.answer(i, '4');
  }
  await page.goto(`${BASE}/a/${fid}/results`);
  const results = new ResultsPage(page);
  assert.equal(await results.baselineSelect().inputValue(), 'sample-pizza', 'a follow-up compares with its original');
  // Offered by name and date (the list holds this organization's assessments only).
  assert.equal(await results.baselineSelect().locator('option[value="sample-pizza"]').innerText(), 'Pizza&Pizza — baseline assessment · 2026-11-02');
  await results.waitDeltaRows();
  const rows = await results.deltas();
  assert.equal(rows.length, 8);
  assert.deepEqual(rows.filter(([, d]) => d > 0).map(([p]) => p), ['supplier']);
  assert.ok(rows.every(([p, d]) => p === 'supplier' || d === 0));
  // All F, asked up to one level above supplier's target 2.
  assert.match(await results.deltaRow('supplier').textContent(), /0 → 3/);
  assert.equal(await results.deltaUp().count(), 1);
  // The follow-up opens with what changed: one process up, the seven others folded away.
  const changed = page.locator('#what-changed');
  assert.ok(await changed.evaluate((el) => el === document.querySelector('#results-menu, #what-changed, #executive-summary')), 'first on the page');
  assert.deepEqual(await page.$$eval('#changed-table tbody tr', (trs) => trs.map((t) => t.dataset.process)), ['supplier']);
  assert.match(await changed.innerText(), /1 up · 0 down[\s\S]*0 → 1 of 8|1 up · 0 down[\s\S]*→ \d of 8/);
  assert.match(await page.innerText('#unchanged summary'), /^7 processes unchanged$/);
  assert.match(await results.radarSvg().innerHTML(), /Baseline/);
  // What the baseline's plan achieved: supplier's step reached, the other not yet.
  assert.match(await results.baselinePlanRow(supplierKey).innerText(), new RegExp(`Supplier management → level ${supplierKey.split(':')[2]}\\s+Done · Sam · due [0-9-]+\\s+Reached`));
  assert.match(await results.baselinePlanRow(otherKey).innerText(), /\tIn progress[^\t]*\s+Not reached yet$/);
  assert.equal(await page.locator('#baseline-plan tbody tr').count(), 5, 'the sample plans five items; one more was not added');
  await results.comparison().scrollIntoViewIfNeeded();
  await shot(page, 'comparison-1280');
  assert.deepEqual(errors, []);
  await context.close();
});
