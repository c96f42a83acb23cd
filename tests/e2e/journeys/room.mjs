// Made for the room: the presenter's storyline at projector and phone sizes,
// a workshop of twenty whose files come in at once, a questionnaire answered
// over two sittings, and the compact mode by keyboard.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, newPage, shot, openSampleIn, stored, download, assessmentId, sidewaysOverflow } from '../support.mjs';
import { idbDelete } from '../idb.mjs';
import { StartPage, AssessmentFrame, ProcessPage, ResultsPage, WorkshopPage, PresenterPage, assertAccessible } from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

const STORY = ['title', 'context', 'glance', 'gaps', 'business', 'priorities', 'plan', 'process', 'process', 'process', 'discuss', 'next'];

journey('presenter storyline: title to next steps by keyboard at 1920×1080, 1280×720 and 360 px, levels in words, type sized to the screen; one order across scope, questions, heatmap, profile and presenter', async (browser) => {
  const { context, page, errors } = await newPage(browser, { width: 1920, height: 1080 });
  await openSampleIn(page);
  await page.goto(BASE + '/a/sample-pizza/results');
  const results = new ResultsPage(page);
  await page.waitForSelector('#profile-table tbody tr[data-process]');
  const order = await page.$$eval('#profile-table tbody tr[data-process] th', (ths) => ths.map((th) => th.textContent.trim()));
  const profileIds = await page.$$eval('#profile-table tbody tr[data-process]', (trs) => trs.map((t) => t.dataset.process));
  // One order everywhere: the scope table (what is in scope comes first), the questionnaire's list, the heatmap, the profile.
  await page.goto(BASE + '/a/sample-pizza/scope');
  await page.waitForSelector('#scope-table tr[data-process]');
  const scopeIds = await page.$$eval('#scope-table tbody tr[data-process]', (trs) => trs.filter((t) => t.querySelector('.scope-toggle').checked).map((t) => t.dataset.process));
  assert.deepEqual(scopeIds, profileIds, 'scope table in the profile\'s order');
  const allScope = await page.$$eval('#scope-table tbody tr[data-process]', (trs) => trs.map((t) => t.querySelector('.scope-toggle').checked));
  assert.ok(allScope.indexOf(false) === profileIds.length, 'in scope first, then the rest');
  await page.goto(BASE + '/a/sample-pizza/process/incident');
  await page.waitForSelector('.process-nav li a');
  const listIds = await page.$$eval('.process-nav li a', (as) => as.map((a) => a.getAttribute('href').split('/').pop()));
  assert.deepEqual(listIds, profileIds, 'the questionnaire in the same order');
  // The catalog order on request, for the list and the scope table.
  await page.selectOption('.process-nav .order-select', 'catalog');
  await page.waitForFunction((ids) => [...document.querySelectorAll('.process-nav li a')].map((a) => a.getAttribute('href').split('/').pop()).join() !== ids, profileIds.join(), { timeout: 5000 });
  const catalogIds = await page.$$eval('.process-nav li a', (as) => as.map((a) => a.getAttribute('href').split('/').pop()));
  assert.deepEqual([...catalogIds].sort(), [...profileIds].sort());
  assert.notDeepEqual(catalogIds, profileIds);
  await page.selectOption('.process-nav .order-select', 'priority');
  await page.goto(BASE + '/a/sample-pizza/results');
  await page.waitForSelector('#chart-heatmap svg [data-process]');
  const heatIds = await page.$$eval('#chart-heatmap svg g[data-process]', (gs) => [...new Set(gs.map((g) => g.getAttribute('data-process')))]);
  assert.deepEqual(heatIds, profileIds, 'the heatmap in the same order');
  await results.openPresenter();
  const presenter = new PresenterPage(page);
  await presenter.waitLoaded();
  const sizes = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.keyboard.press('Home');
    const seen = [];
    for (let i = 0; i < STORY.length; i++) {
      seen.push(await presenter.slideId());
      const over = await presenter.overflow();
      assert.ok(over <= 0, `slide ${seen.at(-1)} fits ${size.width}×${size.height} (${over} px over)`);
      // No label runs into its bar (the gaps and business slides).
      const overlaps = await page.$$eval('#presenter .gap-row', (rows) => rows.filter((r) => {
        const name = r.querySelector('.gap-name');
        const bar = r.querySelector('.gap-bar');
        if (!name || !bar) return false;
        const range = document.createRange();
        range.selectNodeContents(name);
        const right = Math.max(...[...range.getClientRects()].map((b) => b.right));
        return right > bar.getBoundingClientRect().left + 0.5;
      }).map((r) => r.innerText.split('\n')[0]));
      assert.deepEqual(overlaps, [], `slide ${seen.at(-1)} at ${size.width}×${size.height}: labels clear of their bars`);
      if (i < STORY.length - 1) await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
    }
    assert.deepEqual(seen, STORY, `the storyline at ${size.width}×${size.height}`);
    assert.equal(await presenter.slideCount(), `${STORY.length} / ${STORY.length}`);
  }
  // Type follows the screen: larger on 1920×1080 than on 1280×720.
  const fontAt = async (size) => { await page.setViewportSize(size); return page.$eval('#presenter', (el) => parseFloat(getComputedStyle(el).fontSize)); };
  const big = await fontAt(sizes[0]);
  const small = await fontAt(sizes[1]);
  assert.ok(big >= 30 && small <= 23 && big > small * 1.3, `type scales: ${big} px at 1920, ${small} px at 1280`);
  await page.setViewportSize(sizes[0]);
  // The story, slide by slide, in words a manager reads.
  await page.keyboard.press('Home');
  assert.ok(await presenter.prevButton().isDisabled(), 'no previous slide before the first one');
  assert.match(await presenter.slideText(), /IT service management capability[\s\S]*Pizza&Pizza[\s\S]*by Dana Ruiz/i);
  await shot(page, 'presenter-title-1920');
  await page.keyboard.press('ArrowRight');
  assert.match(await presenter.slideText(), /Context and objectives[\s\S]*importance 5 of 5/);
  await page.keyboard.press('ArrowRight');
  const glance = await presenter.slideText();
  assert.match(glance, /At a glance[\s\S]*Level 0\s+Incomplete\s+the floor level, held by 3 processes; highest priority: Information security management[\s\S]*processes with a target meet it/);
  assert.doesNotMatch(glance, /PA\d\.\d|index \(0–5\)/, 'no jargon on the summary');
  await shot(page, 'presenter-glance-1920');
  await page.keyboard.press('ArrowRight');
  const gapNames = await page.$$eval('#presenter .gap-row .gap-name', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(gapNames, order.slice(0, gapNames.length), 'the gaps in the profile\'s priority order');
  assert.equal(gapNames.length, 8, 'all eight processes in scope fit the slide');
  assert.doesNotMatch(await presenter.slideText(), /more, closer to their targets/);
  // Today → target · the target's name, on one line ("0 → 3 · Established").
  assert.match(await presenter.slideText(), /\n\d → \d · [A-Z][a-z]+\n/);
  await shot(page, 'presenter-gaps-1920');
  await page.keyboard.press('ArrowRight');
  assert.match(await presenter.slideText(), /What the gaps put at risk[\s\S]*% supported/);
  await page.keyboard.press('ArrowRight');
  assert.match(await presenter.slideText(), /Top priorities/);
  await page.keyboard.press('ArrowRight');
  assert.match(await presenter.slideText(), /The plan: what starts now/);
  // Every step that starts now: a row each for those with an owner (in the roadmap's order),
  // the others named on one line, so nothing in progress is hidden; dates never broken at their hyphens.
  const planRows = await page.$$eval('#plan-slide-steps tr', (trs) => trs.map((t) => t.innerText));
  assert.equal(planRows.length, 4, planRows.join(' | '));
  assert.ok(planRows.every((r) => /(In progress|Not started) · .+ · due \d{4}-\d\d-\d\d/.test(r)), planRows.join(' | '));
  assert.ok(planRows.some((r) => /^Incident management →\sLevel\s2[\s\S]*In progress · Lena Brandt/.test(r)), planRows.join(' | '));
  assert.doesNotMatch(await presenter.slideText(), /more steps?/);
  const unowned = await page.innerText('#plan-slide-unowned');
  assert.match(unowned, /^No owner yet: [^,]+→ level\s\d(, [^,]+→ level\s\d){3}$/, unowned);
  // The shared work with an owner is named, with its owner and date; the others are counted.
  assert.deepEqual(await page.$$eval('#plan-slide-shared li', (lis) => lis.map((l) => l.innerText)),
    ['Shared by 5 processes: Owners and clear responsibilities for steps and handovers · Not started · Sam Okafor (IT lead) · due 2027-01-15']);
  assert.match(await presenter.slideText(), /5 more shared initiatives without an owner yet/);
  // The most urgent process is on the slide, with or without an owner.
  assert.ok(planRows[0].startsWith(order[0]) || unowned.startsWith(`No owner yet: ${order[0]}`), `the most urgent first: ${planRows.join(' | ')} / ${unowned}`);
  const dates = await page.$$eval('#plan-slide-steps .nowrap', (els) => els.map((e) => [e.textContent, getComputedStyle(e).whiteSpace]));
  assert.ok(dates.length >= 1 && dates.every(([t, ws]) => /^(due )?\d{4}-\d\d-\d\d$/.test(t) && ws === 'nowrap'), JSON.stringify(dates));
  await shot(page, 'presenter-plan-1920');
  await page.keyboard.press('ArrowRight');
  assert.equal(await presenter.slideTitle(), order[0], 'the most urgent process gets the first process slide');
  assert.match(await presenter.slideText(), /Level \d · \w+\s+today/);
  await shot(page, 'presenter-process-1920');
  await page.keyboard.press('End');
  assert.equal(await presenter.slideId(), 'next');
  // Touch screens (a tablet on the projector) move with the buttons, which stop at the ends.
  assert.ok(await presenter.nextButton().isDisabled(), 'no next slide after the last one');
  await presenter.prev();
  assert.equal(await presenter.slideId(), 'discuss');
  await presenter.next();
  assert.equal(await presenter.slideId(), 'next');
  assert.match(await presenter.slideText(), /Next steps[\s\S]*follow-up/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await presenter.slideId(), 'discuss');
  // The discuss slide shows how the group answered, not names.
  const bars = await page.$$eval('#discuss-slide .dist', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(bars.length >= 1 && bars.every((b) => /^Answers: [NPLF] \d/.test(b)), bars.join(' | '));
  await shot(page, 'presenter-discuss-1920');
  await assertAccessible(page, 'presenter discuss slide');
  // A phone: nothing off-screen, Leave reachable, every slide without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.keyboard.press('Home');
  for (let i = 0; i < STORY.length; i++) {
    const box = await page.locator('#leave-presenter').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `Leave (Esc) on screen on slide ${i + 1}`);
    const sideways = await page.$eval('.presenter-slide', (el) => el.scrollWidth - el.clientWidth);
    assert.ok(sideways <= 1, `slide ${i + 1} does not scroll sideways at 360 px (${sideways})`);
    if (i === 3) await shot(page, 'presenter-gaps-360');
    await page.keyboard.press('ArrowRight');
  }
  await assertAccessible(page, 'presenter at 360 px');
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/results$/);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('workshop of 20: twenty answers files dropped in one go, one preview, the status table and the answer distribution per question', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const workshop = new WorkshopPage(page);
  await page.goto(BASE + '/a/sample-pizza/workshop');
  await workshop.waitLoaded();
  // A file made on this device is the template for twenty people's files.
  const mine = JSON.parse(fs.readFileSync(await (await download(page, () => workshop.exportMyAnswers())).path(), 'utf8'));
  const keys = Object.keys(mine.participant.answers).filter((k) => k.startsWith('supplier/')).slice(0, 3);
  assert.equal(keys.length, 3);
  const codes = ['N', 'P', 'L', 'F'];
  const files = [];
  for (let i = 1; i <= 20; i++) {
    const answers = {};
    keys.forEach((k, q) => { answers[k] = { answer: codes[(i * (q + 1)) % 4], note: '' }; });
    const file = { ...mine, participant: { id: `x${i}`, name: `Person ${String(i).padStart(2, '0')}`, answers } };
    files.push({ name: `person-${i}.answers.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  }
  // The sample's three people leave, so the twenty alone make the distribution.
  for (const name of ['Sam Okafor (IT lead)', 'Lena Brandt (Service desk lead)', 'Tom Reyes (Developer)'].slice(1)) await workshop.removeParticipant(name);
  await workshop.waitParticipantCount(1);
  await workshop.dropAnswers(files);
  await workshop.waitPreviewCount(20);
  assert.equal(await page.innerText('#answers-tally'), '20 files: 20 new participants, 0 replacing earlier answers.');
  await shot(page, 'workshop-20-preview-1280');
  // (confirmed below; then the summary line counts everyone)
  await workshop.confirmAnswers();
  await workshop.waitParticipantCount(21);
  await workshop.removeParticipant('Sam Okafor (IT lead)');
  await workshop.waitParticipantCount(20);
  const status = await workshop.status();
  assert.equal(status.length, 20);
  assert.match(await page.innerText('#participants-summary'), /^20 of 20 participants have answers · last file received \d{4}-\d\d-\d\d \d\d:\d\d\.$/);
  for (const [name, count, received, file] of status) {
    assert.match(name, /^Person \d\d/);
    assert.match(count, /^3 of \d+$/, `${name}: ${count}`);
    assert.match(received, /^\d{4}-\d\d-\d\d \d\d:\d\d$/, `${name} received ${received}`);
    assert.equal(file, 'new');
  }
  // Person 07 sends a corrected file, through the file picker this time: one replaced, nobody added.
  const fixed = JSON.parse(files[6].buffer.toString());
  fixed.participant.answers[keys[0]].answer = 'F';
  await workshop.importAnswers([{ name: 'person-7-fixed.answers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixed)) }]);
  await workshop.waitPreviewCount(1);
  assert.match(await page.innerText('#answers-tally'), /1 file: 0 new participants, 1 replacing earlier answers/);
  await workshop.confirmAnswers();
  await page.waitForFunction(() => document.querySelector('#participant-list tr[data-participant="Person 07"] .participant-file').textContent.includes('replaced'));
  assert.equal(await page.innerText('#notice-banner > span'), "Imported 1 person's answers (replacing earlier answers): 20 participants in all.");
  // Each question on the discuss list: one bar with the counts, names only on demand.
  await workshop.waitDiscussItem();
  const expected = (k) => {
    const n = { N: 0, P: 0, L: 0, F: 0 };
    files.forEach((f, i) => { n[i === 6 && k === keys[0] ? 'F' : JSON.parse(f.buffer).participant.answers[k].answer] += 1; });
    return 'Answers: ' + codes.filter((c) => n[c]).map((c) => `${c} ${n[c]}`).join(' · ');
  };
  const listed = await workshop.discussKeys();
  const shown = listed.filter((k) => keys.includes(k));
  assert.ok(shown.length >= 2, `the twenty disagree on the supplier questions: ${listed.join(', ')}`);
  for (const k of shown) {
    const item = workshop.discussItem(k);
    assert.equal(await item.locator('.dist').getAttribute('aria-label'), expected(k), k);
    assert.equal(await item.locator('.chip').count(), 20, 'every name is there, on demand');
    assert.ok(!(await item.locator('.chip').first().isVisible()), 'names folded away');
  }
  // The answer agreed before the twenty came stays listed, ticked and counted, so it can be seen and undone.
  const agreedKey = 'infrastructure/infrastructure-jobs';
  assert.ok(listed.includes(agreedKey), `the agreed question is listed: ${listed.join(', ')}`);
  assert.match(await workshop.discussItem(agreedKey).locator('.discuss-stance').innerText(), /^✓ Agreed earlier · answers this round: 20 not answered$/);
  assert.match(await page.innerText('#discuss-count'), new RegExp(`^${listed.length - 1} open · 1 agreed$`));
  // Ten say N, ten say L: the page names the two camps, not a median nobody gave.
  assert.match(await workshop.discussItem(keys[1]).innerText(), /Split: 10 say N, 10 say L — agree an answer · until then the results count it as P, the median of all answers/);
  const first = workshop.discussItem(shown[0]);
  const segments = await first.locator('.dist-seg').allInnerTexts();
  assert.equal(segments.reduce((sum, t) => sum + Number(t.split(' ').at(-1)), 0), 20, `segments count everyone: ${segments}`);
  await first.locator('.dist-names summary').click();
  assert.ok(await first.locator('.chip').first().isVisible());
  await shot(page, 'workshop-20-1280');
  await assertAccessible(page, 'workshop with 20 participants');
  await page.setViewportSize(PHONE);
  assert.ok(await sidewaysOverflow(page) <= 1);
  // On a phone the participants chart is its table (twenty names do not fit a 390 px chart).
  await page.waitForFunction(() => document.querySelector('#chart-spread details.chart-table').open, null, { timeout: 3000 });
  await shot(page, 'workshop-20-390');
  assert.ok(!(await page.locator('#chart-spread .chart-svg').isVisible()), 'instead of the chart');
  // Each row shows its range under the consensus: nothing hides behind a sideways scroll.
  const table = page.locator('#chart-spread table');
  assert.ok(await table.evaluate((t) => t.scrollWidth <= t.parentElement.clientWidth + 1), 'the table fits the phone');
  const infra = await table.locator('tr', { hasText: 'Infrastructure' }).innerText();
  assert.match(infra, /1\.00[\s\S]*range 0\.00–0\.00[\s\S]*includes 1 agreed answer/, infra);
  assert.ok(await table.locator('tbody .range-inline').first().isVisible());
  // The presenter's discuss slide shows the same bars.
  await page.setViewportSize(DESKTOP);
  await page.goto(BASE + '/a/sample-pizza/present');
  const presenter = new PresenterPage(page);
  await presenter.waitLoaded();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await presenter.slideId(), 'discuss');
  assert.ok(await page.locator('#discuss-slide .dist').count() >= 2);
  assert.deepEqual(errors, []);
  await context.close();
});

journey('several sittings: a second sitting resumes with "Continue" on the right process and question; compact mode answers a process by keyboard', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  await openSampleIn(page);
  const start = new StartPage(page, BASE);
  const frame = new AssessmentFrame(page);
  await frame.goHome();
  await start.waitListed();
  // A follow-up: the sample's scope, no answers yet.
  await page.click('.saved-list li[data-assessment="sample-pizza"] .act-follow-up');
  await page.waitForURL(/\/scope$/);
  const id = assessmentId(page);
  await page.goto(`${BASE}/a/${id}/process/problem`);
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  const total = await proc.questions().count();
  for (let i = 0; i < 3; i++) await proc.answer(i, ['4', '2', '3'][i]);
  assert.match(await page.innerText('.process-head .progress'), /3 of \d+ answered · about \d+ min left in all/);
  const headPct = (await page.innerText('.process-head .progress')).match(/(\d+)\s%/)[1];
  assert.equal(+headPct, Math.round(300 / total), 'rounded half up, as everywhere');
  assert.equal(await page.innerText('.process-nav li.current .pn-count'), `3/${total}`);
  await stored(page, id);
  // The sitting ends; the next one starts from the start page.
  await idbDelete(page, 'itsm.last-path'); // a new sitting opens on the start page
  await start.goto();
  await start.waitListed();
  const cont = page.locator(`.saved-list li[data-assessment="${id}"] .act-continue`);
  assert.match(await cont.innerText(), new RegExp(`^Continue: Problem management · ${headPct}\\s%$`), 'the same figure as the process page');
  assert.match(await page.innerText(`.saved-list li[data-assessment="${id}"] .saved-left`), /about \d+ min left/);
  await shot(page, 'start-continue-1280');
  await cont.click();
  await page.waitForURL(/\/process\/problem$/);
  await proc.waitLoaded();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'q-3');
  // Compact mode: one row per question; the whole process by keyboard.
  const tall = () => page.$eval('.process-main', (el) => el.getBoundingClientRect().height);
  const cards = await tall();
  await page.click('#compact-toggle');
  await page.waitForSelector('.process-main.compact');
  const rows = await tall();
  assert.ok(rows < cards / 2, `compact is less than half as long (${rows} px against ${cards} px)`);
  // Each question's buttons sit beside its text, on the same row.
  const beside = await page.$$eval('.question', (qs) => qs.every((q) => {
    const t = q.querySelector('.q-text').getBoundingClientRect();
    const b = q.querySelector('.answers').getBoundingClientRect();
    return b.left >= t.right - 1 && b.top < t.bottom;
  }));
  assert.ok(beside, 'one row per question: text, then the N P L F columns');
  await page.focus('#q-3');
  for (let i = 3; i < total; i++) await page.keyboard.press(['1', '2', '3', '4'][i % 4]);
  assert.equal((await proc.pressed()).filter(Boolean).length, total, 'every question answered');
  await page.waitForFunction(() => document.querySelector('.process-nav li.current .pn-count').textContent === '✓');
  await shot(page, 'process-compact-1280');
  await assertAccessible(page, 'compact questions');
  await page.setViewportSize(PHONE);
  assert.ok(await sidewaysOverflow(page) <= 1);
  await shot(page, 'process-compact-390');
  // On a phone the process list is a menu that names the process and its count.
  const menu = page.locator('.process-select select');
  assert.ok(await menu.isVisible(), 'a menu instead of the strip');
  assert.ok(!(await page.locator('.process-nav ul').isVisible()));
  assert.equal(await menu.inputValue(), 'problem');
  assert.match(await menu.locator('option:checked').innerText(), new RegExp(`^Problem management · ✓ all ${total}$`));
  // Another process page keeps the mode.
  await page.setViewportSize(DESKTOP);
  await page.click('.process-nav li:not(.current) a');
  await page.waitForURL((u) => !u.pathname.endsWith('/process/problem'));
  await page.waitForSelector('.process-main.compact');
  // The last process of the list is no dead end while others are open.
  await page.click('.process-nav li:last-child a');
  await page.waitForSelector('#next-open-process');
  assert.match(await page.innerText('#next-open-process'), /^Still open: .+ \(\d+ questions\) →$/);
  assert.deepEqual(errors, []);
  await context.close();
});
