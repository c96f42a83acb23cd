// The main flow: the start page, the app shell, a new user's way through the
// steps (with the mouse and with the keyboard only), navigation and deep links.
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, newPage, shot, watch, assessmentId, sidewaysOverflow } from '../support.mjs';
import {
  AppShell, StartPage, AssessmentFrame, OrganizationPage, ObjectivesPage, StrategyPage, ServicesPage, ScopePage, ProcessPage, ResultsPage, ReportPage,
  assertAccessible, tabTo,
} from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

journey('start page loads with no console error and shows the product', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  assert.equal(await start.brand().innerText(), 'ITSM Maturity');
  assert.match(await start.heading().innerText(), /IT service management/);
  assert.match(await start.privacyNote().innerText(), /nothing you enter is ever sent anywhere/);
  assert.equal(await start.noSaved().count(), 1, 'a first visit has no saved assessments');
  await assertAccessible(page, 'start page');
  await shot(page, 'start-1280');
  await page.setViewportSize(PHONE);
  await shot(page, 'start-390');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('app shell: the start page hero paints before the wasm and stays the element shown after start; deep links hide it; no layout shift', async (browser) => {
  // With the wasm held back, the static shell shows the product at / ...
  const held = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const early = await held.newPage();
  await early.route('**/*.wasm', (r) => r.abort());
  await early.goto(BASE + '/');
  const shell = new AppShell(early);
  assert.ok(await shell.heroHeading().isVisible(), 'the hero is visible before the app starts');
  const shellText = await shell.heroTexts();
  // ... but not on a deep link, where the app will open another page.
  await early.goto(BASE + '/a/someone/results');
  assert.ok(await shell.topbar().isVisible());
  assert.ok(!(await shell.heroHeading().isVisible()), 'a deep link shows no start-page hero');
  await held.close();

  // The app mounts around the hero: the element painted first is the one shown,
  // the largest paint happened before the app started, and nothing moves.
  const { context, page, errors } = await newPage(browser);
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ t: e.startTime, inHero: !!e.element?.closest('#start-hero') });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.__hero = document.getElementById('start-hero');
      new MutationObserver(() => {
        if (!window.__appStart && document.documentElement.classList.contains('app-started')) window.__appStart = performance.now();
      }).observe(document.documentElement, { attributes: true });
    });
  });
  const start = new StartPage(page, BASE);
  await start.open();
  assert.equal(await start.headings().count(), 1);
  const appText = await start.heroTexts();
  assert.deepEqual(shellText, appText, 'the hero shown is the static one');
  await page.waitForTimeout(300);
  const facts = await page.evaluate(() => ({
    same: document.getElementById('start-hero') === window.__hero && window.__hero.isConnected,
    heroes: document.querySelectorAll('.hero').length,
    buttonsInHero: !!window.__hero.querySelector('#open-sample') && !!window.__hero.querySelector('#new-assessment'),
    loadingShown: getComputedStyle(document.querySelector('.shell-loading')).display !== 'none',
    lcp: window.__lcp, appStart: window.__appStart,
  }));
  assert.ok(facts.same, 'the hero element of index.html is the one shown after start');
  assert.equal(facts.heroes, 1);
  assert.ok(facts.buttonsInHero, 'the start buttons are in the static hero');
  assert.ok(!facts.loadingShown, '"Starting the app…" is gone once the app runs');
  assert.ok(facts.lcp.length >= 1 && facts.appStart > 0, JSON.stringify(facts));
  const last = facts.lcp[facts.lcp.length - 1];
  assert.ok(last.inHero && last.t <= facts.appStart, `the largest paint is the hero, before the app started: ${JSON.stringify(facts)}`);
  assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');

  // Other pages hide it; the start page shows the same element again.
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  assert.ok(!(await page.locator('#start-hero').isVisible()), 'no hero on the results page');
  await page.click('.brand');
  await page.waitForSelector('#start-hero #open-sample');
  assert.ok(await page.locator('#start-hero h1').isVisible());
  assert.ok(await page.evaluate(() => document.getElementById('start-hero') === window.__hero));
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
  assert.ok(await scope.relevance('supplier') >= 40, 'supplier management is relevant: card payment depends on the payment system\'s vendor');
  assert.match(await scope.reasons('supplier'), /Service “Payment system” \(bought and customized, criticality 5 of 5\)/);
  assert.match(await scope.reasons('supplier'), /Objective “Card payment on delivery and online” \(importance 5 of 5\) relies heavily on this process/);
  // The case's own processes are in scope by name; the rest are out with a rationale.
  assert.ok(await scope.inScope('software-development'));
  assert.match(await scope.row('software-development').innerText(), /Software development and management/);
  assert.ok(await scope.inScope('infrastructure'));
  assert.ok(!(await scope.inScope('release')));
  assert.match(await scope.row('release').locator('.rationale').inputValue(), /how our weekly website updates go live is first on the list/);
  assert.ok(await scope.inScope('change'));
  assert.match(await scope.reasons('change'), /Service “Ordering website” \(changes weekly or daily, criticality 5 of 5\)/);
  // A reload keeps the step and the data; the start list shows the sample once.
  await page.reload();
  await scope.waitLoaded();
  assert.match(await scope.reasons('change'), /changes weekly or daily/);
  await start.goto();
  await page.waitForURL(/\/a\/sample-pizza\/scope$/); // resumes at the last step
  await new ScopePage(page).waitLoaded();
  assert.deepEqual(errors, []);
  await context.close();
});

journey('(b) keyboard only: create, organization, two objectives, a service, a process asked up to one level above its target; reload restores', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  const frame = new AssessmentFrame(page);
  await start.open();
  await start.tabTo('newAssessment');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/a\/[^/]+\/organization$/);
  const id = assessmentId(page);

  // Organization: type into the fields with the keyboard.
  const org = new OrganizationPage(page);
  await org.tabTo('orgName');
  await page.keyboard.type('Acme <img src=x onerror=alert(1)> & Sons');
  await org.tabTo('assessmentName');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  assert.match(await org.fieldError().innerText(), /Give the assessment a name/);
  await page.keyboard.type('Acme service review');
  assert.equal(await org.fieldError().count(), 0);
  await org.tabTo('sector');
  await page.keyboard.type('Manufacturing');
  await frame.tabTo('next');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/objectives$/);

  // Objectives: two ratings with arrow keys inside the radio groups.
  const objectives = new ObjectivesPage(page);
  await objectives.tabToRating('managed-business-risk');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await objectives.tabToRating('protect-data');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await objectives.ratedCount().innerText(), '2 objectives rated');
  await frame.tabTo('next');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/strategy$/);

  // Strategy: one decision for a rated objective, typed and added with Enter.
  await page.waitForSelector('.strategy-objective[data-objective="managed-business-risk"] .new-decision');
  await tabTo(page, '.strategy-objective[data-objective="managed-business-risk"] .new-decision');
  await page.keyboard.type('Review supplier risks every quarter');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.strategy-objective[data-objective="managed-business-risk"] .decision');
  await frame.tabTo('next');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/services$/);

  // Services: add one through the form.
  const services = new ServicesPage(page);
  assert.equal(await services.none().count(), 1);
  await services.tabTo('add');
  await page.keyboard.press('Enter');
  await services.tabTo('name');
  await page.keyboard.type('Customer portal');
  await services.tabTo('criticality');
  await page.keyboard.press('ArrowDown'); // 3 -> 4
  await services.tabTo('sourcing');
  await page.keyboard.press('ArrowDown'); // in-house -> bought
  await services.tabTo('external');
  await page.keyboard.press('Space');
  await services.tabTo('save');
  await page.keyboard.press('Enter');
  await services.waitLoaded();
  assert.equal(await services.titles().innerText(), 'Customer portal');
  assert.match(await services.tags().innerText(), /Criticality 4[\s\S]*Customers and staff[\s\S]*Bought and customized/);
  // Removing is undoable.
  await services.tabTo('remove');
  await page.keyboard.press('Enter');
  await services.waitFor('none');
  await services.tabTo('undoRemove');
  await page.keyboard.press('Enter');
  await services.waitLoaded();
  assert.equal(await services.titles().innerText(), 'Customer portal');

  // Questions: the stepper's "Questions" goes to the most relevant unanswered process.
  await frame.tabToStep('process');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/process\/[^/]+$/);
  const proc = new ProcessPage(page);
  await proc.waitLoaded();
  const processUrl = page.url();
  const count = await proc.questions().count();
  // A new assessment asks every question up to one level above the process's target, and says so.
  const depth = await page.innerText('#process-target');
  const m = depth.match(/^Target: level (\d) · \S+ — asked: every question up to level (\d), one above the target\./);
  assert.ok(m && +m[2] === +m[1] + 1, depth);
  const groups = await page.$$eval('.level-group', (gs) => gs.map((g) => [g.querySelector('h2').id, g.querySelector('.level-tag')?.textContent ?? '']));
  assert.deepEqual(groups.map((g) => g[0]), Array.from({ length: +m[2] }, (_, i) => `level-${i + 1}`), 'no level beyond one above the target');
  assert.equal(groups[+m[1] - 1][1], 'Your target');
  assert.equal(groups[+m[2] - 1][1], 'One above your target');
  assert.ok(count > 9 && count < 31, `more than a quick scan, less than the full set: ${count}`);
  // Focus starts on the first question; each key answers and moves on.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-0');
  const pattern = [['4', 'F'], ['3', 'L'], ['2', 'P'], ['1', 'N'], ['f', 'F'], ['l', 'L'], ['p', 'P'], ['n', 'N'], ['0', 'NA']];
  const keys = Array.from({ length: count }, (_, i) => pattern[i % pattern.length]);
  for (const [k] of keys) await page.keyboard.press(k);
  const expected = keys.map(([, a]) => a);
  assert.deepEqual(await proc.pressed(), expected);
  assert.match(await proc.progress().innerText(), /100\s%/);
  await shot(page, 'process-keyboard-1280');

  // Reload at once: the pending save is flushed when the page hides.
  await page.reload();
  await proc.waitLoaded();
  assert.equal(page.url(), processUrl, 'the same step after reload');
  assert.deepEqual(await proc.pressed(), expected, 'answers restored');
  assert.equal(await frame.orgName().evaluate((e) => e.textContent), 'Acme <img src=x onerror=alert(1)> & Sons', 'hostile text shown literally');
  assert.equal(await page.locator('img[src=x]').count(), 0, 'never executed as markup');
  await page.goto(`${BASE}/a/${id}/objectives`);
  await objectives.waitLoaded();
  assert.equal(await objectives.ratedCount().innerText(), '2 objectives rated');
  assert.ok(await objectives.rating('managed-business-risk', 5).isChecked());
  assert.ok(await objectives.rating('protect-data', 3).isChecked());
  await page.goto(`${BASE}/a/${id}/services`);
  await services.waitLoaded();
  assert.equal(await services.titles().innerText(), 'Customer portal');
  await page.goto(`${BASE}/a/${id}/organization`);
  await org.waitFor('sector');
  assert.equal(await org.sector().inputValue(), 'Manufacturing');
  assert.equal(await org.assessmentName().inputValue(), 'Acme service review');
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
  const services = new ServicesPage(page);
  await frame.goStep('services');
  await services.waitLoaded();
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
  await services.waitLoaded();
  assert.equal(await services.titles().count(), 2, 'IT delivers two services; telephony is outsourced');
  await page.goForward();
  await page.waitForURL(/\/scope$/);
  await page.goForward();
  await page.waitForURL(/\/process\/supplier$/);
  await proc.waitLoaded();
  // A deep link in a fresh tab of the same browser profile.
  const tab = await context.newPage();
  const tabErrors = watch(tab);
  await tab.goto(`${BASE}/a/sample-pizza/process/change`);
  const tabProc = new ProcessPage(tab);
  await tabProc.waitLoaded();
  assert.equal(await tabProc.title().innerText(), 'Change management');
  const answers = await tabProc.pressed();
  assert.ok(answers.every((a) => a !== null), 'the sample is fully answered');
  // Moving to another process in the list (in the app, no reload) shows that process's questions.
  const keysOf = () => tab.$$eval('.question', (qs) => qs.map((q) => q.dataset.key));
  assert.ok((await keysOf()).every((k) => k.startsWith('change/')));
  await tab.click('.process-nav a[href$="/process/incident"]');
  await tab.waitForFunction(() => document.querySelector('#q-0')?.dataset.key?.startsWith('incident/'));
  assert.equal(await tabProc.title().innerText(), 'Incident management');
  const incidentKeys = await keysOf();
  assert.ok(incidentKeys.length > 0 && incidentKeys.every((k) => k.startsWith('incident/')), incidentKeys.join(' '));
  // An unknown process and an unknown assessment get clear messages.
  await tab.goto(`${BASE}/a/sample-pizza/process/nope`);
  await tab.waitForSelector('text=Unknown process');
  await tab.goto(`${BASE}/a/does-not-exist/scope`);
  await tab.waitForSelector('text=Assessment not found');
  // An address the app does not know says so; its link back is followed in the app, without a page load.
  await tab.goto(`${BASE}/no/such/page`);
  await tab.waitForSelector('h1:text-is("Page not found")');
  await tab.evaluate(() => { window.__samePage = true; });
  await tab.click('a:text("Go to the start page")');
  await tab.waitForURL(`${BASE}/`);
  await new StartPage(tab, BASE).waitLoaded();
  assert.equal(await tab.evaluate(() => window.__samePage), true, 'the start page was shown without reloading the app');
  // The browser's back button returns to the unknown address and its message.
  await tab.goBack();
  await tab.waitForSelector('h1:text-is("Page not found")');
  assert.equal(await tab.evaluate(() => window.__samePage), true, 'back is handled in the app too');
  assert.deepEqual(errors, []);
  assert.deepEqual(tabErrors, []);
  await context.close();
});

journey('strategy: objectives → strategy → services → scope, with the reasons through the whole chain', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  const frame = new AssessmentFrame(page);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  await frame.goStep('strategy');
  const strategy = new StrategyPage(page);
  await strategy.waitLoaded();
  // The sample's decisions, each with the services it depends on.
  const door = await strategy.decisionWith('Take card payment on delivery.');
  assert.ok(await strategy.service(door, 'Payment system').isChecked());
  assert.ok(!(await strategy.service(door, 'Ordering website').isChecked()));
  await shot(page, 'strategy-1280');
  await assertAccessible(page, 'strategy');
  // The scope page names the chain objective → decision → service → process.
  await frame.goStep('scope');
  const scope = new ScopePage(page);
  await scope.waitLoaded();
  const chain = /Service “Payment system” \(bought and customized, criticality 5 of 5\), which “Card payment on delivery and online” \(importance 5 of 5\) relies on through the decision “Take card payment on delivery”/;
  assert.match(await scope.reasons('supplier'), chain);
  const before = await scope.relevance('supplier');
  // Unlinking the payment system from both card-payment decisions takes that chain away.
  await frame.goStep('strategy');
  await strategy.waitLoaded();
  await strategy.service(await strategy.decisionWith('Take card payment on delivery.'), 'Payment system').uncheck();
  await strategy.service(await strategy.decisionWith('Take card payment on the website after ordering.'), 'Payment system').uncheck();
  await frame.goStep('scope');
  await scope.waitLoaded();
  assert.doesNotMatch(await scope.reasons('supplier'), /decision 'Take card payment on delivery/);
  assert.ok(await scope.relevance('supplier') <= before, 'the payment system no longer weighs as the card-payment objective');
  // Put it back: the reason returns.
  await frame.goStep('strategy');
  await strategy.waitLoaded();
  await strategy.service(await strategy.decisionWith('Take card payment on delivery.'), 'Payment system').check();
  await frame.goStep('scope');
  await scope.waitLoaded();
  assert.match(await scope.reasons('supplier'), chain);
  await page.setViewportSize(PHONE);
  await frame.goStep('strategy');
  await strategy.waitLoaded();
  assert.ok(await sidewaysOverflow(page) <= 1, 'strategy fits a phone');
  await shot(page, 'strategy-390');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('every step: screenshots at 1280×800 and 390×844, and no serious axe violation', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  const steps = [
    ['organization', OrganizationPage.sel.ready], ['objectives', ObjectivesPage.sel.ready], ['services', ServicesPage.sel.ready],
    ['scope', ScopePage.sel.ready], ['process/incident', ProcessPage.sel.ready], ['results', ResultsPage.sel.ready],
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
    const overflow = await sidewaysOverflow(page);
    assert.ok(overflow <= 1, `${step} scrolls sideways at 390 px (${overflow} px)`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

journey('keyboard only: from the start page to the printable report', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  const results = new ResultsPage(page);
  const report = new ReportPage(page);
  await start.open();
  await start.tabTo('openSample');
  await page.keyboard.press('Enter');
  await results.waitLoaded();
  await results.tabToExplain('supplier');
  await page.keyboard.press('Enter');
  await results.waitExplanation('supplier');
  await results.tabTo('openReport');
  await page.keyboard.press('Enter');
  await report.waitLoaded();
  assert.match(await report.title().innerText(), /Pizza&Pizza/);
  await report.tabTo('print');
  const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focused, 'none', 'visible focus');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('depth: the scope page offers quick, up to each target and full with their counts; incident (target 2) asks up to level 3, full marks levels 4 and 5 as beyond the target, and no answer is lost', async (browser) => {
  const { context, page, errors } = await newPage(browser);
  const start = new StartPage(page, BASE);
  await start.open();
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  await page.goto(`${BASE}/a/sample-pizza/scope`);
  await new ScopePage(page).waitLoaded();
  const option = async (id) => page.locator(`label:has(#${id})`).innerText();
  const count = async (id) => +(await option(id)).match(/: (\d+) for the processes in scope now, about /)[1];
  assert.ok(await page.locator('#mode-target').isChecked(), 'the sample goes up to each target');
  assert.match(await option('mode-target'), /^Up to each target \(recommended\) — every question up to each process's target, plus one level above it to show whether the next level is within reach: \d+ for the processes in scope now, about 1 h \d+ min\.$/);
  const [quick, target, full] = [await count('mode-quick'), await count('mode-target'), await count('mode-full')];
  assert.equal(quick, 8 * 9, 'nine per process, eight in scope');
  assert.ok(quick < target && target < full, `${quick} < ${target} < ${full}`);
  const proc = new ProcessPage(page);
  await page.goto(`${BASE}/a/sample-pizza/process/incident`);
  await proc.waitLoaded();
  assert.match(await page.innerText('#process-target'), /^Target: level 2 · Managed — asked: every question up to level 3, one above the target\./);
  const levels = () => page.$$eval('.level-group', (gs) => gs.map((g) => [g.querySelector('h2').textContent, g.querySelector('.level-tag')?.textContent ?? '', g.classList.contains('beyond-target')]));
  const atTarget = await levels();
  assert.deepEqual(atTarget.map((l) => l[0].slice(0, 7)), ['Level 1', 'Level 2', 'Level 3']);
  assert.deepEqual(atTarget.map((l) => l[1]), ['', 'Your target', 'One above your target']);
  const asked = await proc.questions().count();
  assert.ok(asked < 31, `incident asks ${asked} of its 31 questions`);
  assert.doesNotMatch(await page.innerText('.process-main'), /statistically|control limits/i, 'no level 4 or 5 question');
  // The full assessment asks them all and sets levels 4 and 5 apart.
  await page.goto(`${BASE}/a/sample-pizza/scope`);
  await page.locator('#mode-full').check();
  await page.goto(`${BASE}/a/sample-pizza/process/incident`);
  await proc.waitLoaded();
  assert.match(await page.innerText('#process-target'), /asked: every question up to level 5; levels 4 and 5 beyond the target are optional\./);
  const all = await levels();
  assert.deepEqual(all.slice(3).map((l) => [l[1], l[2]]), [['Beyond your target — optional', true], ['Beyond your target — optional', true]]);
  assert.ok(await proc.questions().count() > asked);
  await shot(page, 'process-full-depth-1280');
  assert.ok((await proc.pressed()).every((a) => a !== null), 'the answers beyond the target were kept all along');
  // Back to up to each target: the same questions as before.
  await page.goto(`${BASE}/a/sample-pizza/scope`);
  await page.locator('#mode-target').check();
  await page.goto(`${BASE}/a/sample-pizza/process/incident`);
  await proc.waitLoaded();
  assert.equal(await proc.questions().count(), asked);
  await shot(page, 'process-depth-1280');
  assert.deepEqual(errors, []);
  await context.close();
});
