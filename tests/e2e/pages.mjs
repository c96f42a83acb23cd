// Page objects for the browser journeys: one per page, selectors in one place.

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

export class OverviewPage {
  constructor(page) { this.page = page; }
  async waitLoaded() { await this.page.waitForSelector('#process-table tbody tr'); }
  title() { return this.page.locator('#assessment-title'); }
  row(processId) { return this.page.locator(`#process-table tr[data-process="${processId}"]`); }
  async reasons(processId) { return (await this.row(processId).locator('.reasons').innerText()).trim(); }
  async relevance(processId) { return Number(await this.row(processId).locator('td .num').first().innerText()); }
}
