// Page objects for the browser journeys: one per page, selectors in one place.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';

/// Presses Tab until the focused element matches `selector` (keyboard-only navigation).
export async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/// Runs axe-core and fails on any serious or critical violation.
export async function assertAccessible(page, what) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  assert.deepEqual(report, [], `axe on ${what}`);
}

export class StartPage {
  constructor(page, base) { this.page = page; this.base = base; }
  async open() {
    await this.page.goto(this.base + '/');
    await this.page.waitForSelector('#open-sample');
  }
  heading() { return this.page.locator('h1').first(); }
  brand() { return this.page.locator('.brand-name'); }
  async openSample() { await this.page.click('#open-sample'); }
  async newAssessment() { await this.page.click('#new-assessment'); }
  savedNames() { return this.page.locator('.saved-list .saved-name'); }
}

export class AssessmentFrame {
  constructor(page) { this.page = page; }
  step(slug) { return this.page.locator(`.stepper a[data-step="${slug}"]`); }
  async goStep(slug) { await this.step(slug).click(); }
  orgName() { return this.page.locator('#org-name'); }
  saveStatus() { return this.page.locator('#save-status'); }
}

export class ResultsPage {
  constructor(page) { this.page = page; }
  async waitLoaded() { await this.page.waitForSelector('#profile-table tbody tr'); }
  title() { return this.page.locator('#assessment-title'); }
  row(processId) { return this.page.locator(`#profile-table tr[data-process="${processId}"]`); }
  async reasons(processId) { return (await this.row(processId).locator('.reasons').innerText()).trim(); }
  async relevance(processId) { return Number(await this.row(processId).locator('td .num').first().innerText()); }
}

export class ScopePage {
  constructor(page) { this.page = page; }
  async waitLoaded() { await this.page.waitForSelector('#scope-table tbody tr'); }
  row(processId) { return this.page.locator(`#scope-table tr[data-process="${processId}"]`); }
  async reasons(processId) { return (await this.row(processId).locator('.reasons').innerText()).trim(); }
  async relevance(processId) { return Number(await this.row(processId).locator('.relevance-score').innerText()); }
  async inScope(processId) { return this.row(processId).locator('.scope-toggle').isChecked(); }
}

export class ProcessPage {
  constructor(page) { this.page = page; }
  async waitLoaded() { await this.page.waitForSelector('#process-title'); await this.page.waitForSelector('.question'); }
  title() { return this.page.locator('#process-title'); }
  questions() { return this.page.locator('.question'); }
  async pressed() {
    return this.page.$$eval('.question', (qs) => qs.map((q) => {
      const b = q.querySelector('.ans[aria-pressed="true"]');
      return b ? b.dataset.answer : null;
    }));
  }
}
