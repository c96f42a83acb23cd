// Accessibility beyond the per-page axe checks elsewhere: dark mode, 200 % zoom
// and a 360 px phone.
import assert from 'node:assert/strict';
import { BASE, DESKTOP, newPage, shot, watch, openSampleIn, sidewaysOverflow } from '../support.mjs';
import {
  StartPage, AssessmentFrame, OrganizationPage, ObjectivesPage, ServicesPage, ScopePage, ProcessPage, ResultsPage, ReportPage, WorkshopPage, PresenterPage,
  assertAccessible,
} from '../pages.mjs';

export const journeys = [];
const journey = (name, fn) => journeys.push({ name, fn });

/// Every page of the sample assessment as [path under /a/sample-pizza/, selector that shows it is there].
const ASSESSMENT_PAGES = [
  ['organization', OrganizationPage.sel.ready], ['objectives', ObjectivesPage.sel.ready], ['services', ServicesPage.sel.ready],
  ['scope', ScopePage.sel.ready], ['process/incident', ProcessPage.sel.ready], ['results', '#chart-heatmap .chart-table'], ['report', ReportPage.sel.ready],
  ['workshop', WorkshopPage.sel.ready],
];

journey('dark mode: no serious or critical axe violation on any page', async (browser) => {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = watch(page);
  const start = new StartPage(page, BASE);
  await start.open();
  await assertAccessible(page, 'start (dark)');
  await start.openSample();
  await new ResultsPage(page).waitLoaded();
  for (const [step, ready] of [...ASSESSMENT_PAGES, ['present', PresenterPage.sel.ready]]) {
    await page.goto(`${BASE}/a/sample-pizza/${step}`);
    await page.waitForSelector(ready);
    await assertAccessible(page, `${step} (dark)`);
  }
  await shot(page, 'presenter-dark-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

journey('200 % zoom (1280×800 at 200 % = 640×400 CSS px) and a 360 px phone: every page usable without sideways scrolling, axe clean at 360 px', async (browser) => {
  for (const viewport of [{ width: 640, height: 400 }, { width: 360, height: 740 }]) {
    const { context, page, errors } = await newPage(browser, viewport);
    await openSampleIn(page);
    const frame = new AssessmentFrame(page);
    for (const [step, ready] of [...ASSESSMENT_PAGES, ['start', StartPage.sel.savedList], ['present', PresenterPage.sel.root]]) {
      if (step === 'start') {
        await frame.goHome();
      } else {
        await page.goto(`${BASE}/a/sample-pizza/${step}`);
      }
      await page.waitForSelector(ready);
      const overflow = await sidewaysOverflow(page);
      assert.ok(overflow <= 1, `${step} scrolls sideways at ${viewport.width} px (${overflow} px)`);
      // Every table shows as many column headings as the cells of its rows (no heading hidden over another column).
      const mismatched = await page.evaluate(() => [...document.querySelectorAll('table')].filter((t) => t.tHead && t.tBodies[0]?.rows[0]).map((t) => {
        const shown = (cells) => [...cells].filter((c) => getComputedStyle(c).display !== 'none').reduce((n, c) => n + c.colSpan, 0);
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
