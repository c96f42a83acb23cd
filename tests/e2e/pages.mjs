// Page objects for the browser journeys: one per page, selectors in one place.
//
// Each class lists its fixed selectors in `static sel`; locator methods return
// Playwright locators (strict: they must match one element when read), while the
// action and wait methods use page.click / page.fill / page.waitForSelector with
// the selector string, exactly as the journeys did before, so they take the first
// match. `tabTo(name)` moves the keyboard focus to one of the named selectors.
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

/// How many different processes the elements of a chart stand for (`data-process`).
const distinctProcesses = (locator) => locator.evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-process'))).size);

/// The start page hero's heading, lede and privacy note, as text (the same in index.html and the app).
const heroTexts = (locator) => locator.evaluate((el) => [el.querySelector('h1').textContent, el.querySelector('.lede').textContent, el.querySelector('.privacy-note').textContent]);

/// Waits until `selector` matches exactly `n` elements.
const waitCount = (page, selector, n) => page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n]);

class PageObject {
  static sel = {};
  constructor(page) { this.page = page; }
  /// One of the named selectors in `static sel`; a typo fails loudly.
  sel(name) {
    const s = this.constructor.sel[name];
    if (!s) throw new Error(`${this.constructor.name} has no selector "${name}"`);
    return s;
  }
  loc(name) { return this.page.locator(this.sel(name)); }
  async tabTo(name) { await tabTo(this.page, this.sel(name)); }
  async waitFor(name, options) { await this.page.waitForSelector(this.sel(name), options); }
  /// Waits for the element that shows the page is there.
  async waitLoaded() { await this.waitFor('ready'); }
}

// ---------- the start page ----------

/// The static shell in index.html, painted before the wasm starts.
export class AppShell extends PageObject {
  static sel = { topbar: '.topbar', hero: '#start-hero', heroHeading: '#start-hero h1' };
  topbar() { return this.loc('topbar'); }
  heroHeading() { return this.loc('heroHeading'); }
  heroTexts() { return heroTexts(this.loc('hero')); }
}

export class StartPage extends PageObject {
  static sel = {
    ready: '#open-sample', openSample: '#open-sample', newAssessment: '#new-assessment',
    heading: 'h1', brand: '.brand-name', hero: '.hero', privacyNote: '.privacy-note',
    noSaved: '#no-saved', savedList: '.saved-list', savedItems: '.saved-list li', savedNames: '.saved-list .saved-name',
    undoDelete: '#undo-delete', quarantineBanner: '#quarantine-banner', templates: '.templates li[data-template]',
  };
  constructor(page, base) { super(page); this.base = base; }
  /// Navigates to / without waiting (the app may resume another page).
  async goto() { await this.page.goto(this.base + '/'); }
  async open() {
    await this.goto();
    await this.waitLoaded();
  }
  heading() { return this.loc('heading').first(); }
  headings() { return this.loc('heading'); }
  brand() { return this.loc('brand'); }
  privacyNote() { return this.loc('privacyNote'); }
  heroTexts() { return heroTexts(this.loc('hero')); }
  async openSample() { await this.page.click(this.sel('openSample')); }
  async newAssessment() { await this.page.click(this.sel('newAssessment')); }
  /// The templates offered, as [id, text] pairs.
  templates() { return this.page.$$eval(this.sel('templates'), (els) => els.map((e) => [e.dataset.template, e.innerText])); }
  async startTemplate(id) { await this.page.click(`.templates li[data-template="${id}"] button`); }

  // The list of saved assessments.
  noSaved() { return this.loc('noSaved'); }
  savedList() { return this.loc('savedList'); }
  savedItems() { return this.loc('savedItems'); }
  savedNames() { return this.loc('savedNames'); }
  async waitListed() { await this.waitFor('savedItems'); }
  async waitListedCount(n) { await waitCount(this.page, this.sel('savedItems'), n); }
  itemSel(id) { return `.saved-list li[data-assessment="${id}"]`; }
  item(id) { return this.page.locator(this.itemSel(id)); }
  itemName(id) { return this.item(id).locator('.saved-name'); }
  async waitItem(id) { await this.page.waitForSelector(this.itemSel(id)); }
  async rename(id, name) {
    await this.item(id).locator('.act-rename').click();
    await this.page.fill(`#rename-${id}`, name);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(`${this.itemSel(id)} .saved-name`);
  }
  async duplicate(id) { await this.item(id).locator('.act-duplicate').click(); }
  async followUp(id) { await this.item(id).locator('.act-follow-up').click(); }
  async remove(id) { await this.item(id).locator('.act-delete').click(); }
  async exportItem(id) { await this.page.click(`${this.itemSel(id)} .act-export`); }
  async waitUndoDelete() { await this.waitFor('undoDelete'); }
  async undoDelete() { await this.page.click(this.sel('undoDelete')); }

  // A corrupted assessment moved aside at start.
  quarantineBanner() { return this.loc('quarantineBanner'); }
  async downloadQuarantined() { await this.quarantineBanner().locator('.download-raw').click(); }
}

/// The start page's "import an assessment" panel.
export class ImportPanel extends PageObject {
  static sel = { file: '#import-file', error: '#import-error', preview: '#import-preview', confirm: '#confirm-import', copies: '#import-copies' };
  async choose(files) { await this.page.setInputFiles(this.sel('file'), files); }
  async waitAttached() { await this.waitFor('file', { state: 'attached' }); }
  error() { return this.loc('error'); }
  preview() { return this.loc('preview'); }
  async waitPreview() { await this.waitFor('preview'); }
  async confirm() { await this.page.click(this.sel('confirm')); }
  async importCopies() { await this.page.click(this.sel('copies')); }
}

/// The start page's catalog panel: the default catalog and custom ones.
export class CatalogPanel extends PageObject {
  static sel = { ready: '#download-default-catalog', downloadDefault: '#download-default-catalog', load: '#load-catalog', errors: '#catalog-errors', select: '#catalog-select' };
  /// The panel is folded away on the start page (trainers open it).
  async waitLoaded() {
    await this.page.waitForSelector('#catalogs', { state: 'attached' });
    await this.page.evaluate(() => { document.querySelector('#catalogs').open = true; });
    await super.waitLoaded();
  }
  async downloadDefault() { await this.page.click(this.sel('downloadDefault')); }
  async load(file) { await this.page.setInputFiles(this.sel('load'), file); }
  errors() { return this.loc('errors'); }
  select() { return this.loc('select'); }
}

/// The banners any page may show at the top.
export class Banners extends PageObject {
  static sel = { error: '#error-banner', notice: '#notice-banner', conflict: '#conflict-banner', keepMine: '#keep-mine', downloadUnsaved: '#download-unsaved',
    storageBlocked: '#storage-blocked-banner', downloadInMemory: '#download-in-memory' };
  storageBlocked() { return this.loc('storageBlocked'); }
  async downloadInMemory() { await this.page.click(this.sel('downloadInMemory')); }
  error() { return this.loc('error'); }
  notice() { return this.loc('notice'); }
  async waitNotice() { await this.waitFor('notice'); }
  async waitConflict() { await this.waitFor('conflict'); }
  async keepMine() { await this.page.click(this.sel('keepMine')); }
  async downloadUnsaved() { await this.page.click(this.sel('downloadUnsaved')); }
}

// ---------- an assessment ----------

/// What every page of an assessment has: the top bar, the stepper, the save status.
export class AssessmentFrame extends PageObject {
  static sel = { home: '.brand', orgName: '#org-name', saveStatus: '#save-status', next: '.step-next', readOnlyNote: '#read-only-note', workshopLink: '#workshop-link' };
  stepSel(slug) { return `.stepper a[data-step="${slug}"]`; }
  step(slug) { return this.page.locator(this.stepSel(slug)); }
  async goStep(slug) { await this.step(slug).click(); }
  async tabToStep(slug) { await tabTo(this.page, this.stepSel(slug)); }
  /// The brand link in the top bar: back to the start page's list.
  async goHome() { await this.page.click(this.sel('home')); }
  async goWorkshop() { await this.page.click(this.sel('workshopLink')); }
  orgName() { return this.loc('orgName'); }
  saveStatus() { return this.loc('saveStatus'); }
  async waitSaveStatus(text) { await this.page.waitForFunction(([s, t]) => document.querySelector(s).textContent === t, [this.sel('saveStatus'), text]); }
  readOnlyNote() { return this.loc('readOnlyNote'); }
}

export class OrganizationPage extends PageObject {
  static sel = { ready: '#org-name-input', orgName: '#org-name-input', assessmentName: '#assessment-name-input', sector: '#org-sector', fieldError: '.field-error' };
  assessmentName() { return this.loc('assessmentName'); }
  sector() { return this.loc('sector'); }
  fieldError() { return this.loc('fieldError'); }
  async fillSector(text) { await this.page.fill(this.sel('sector'), text); }
}

export class ObjectivesPage extends PageObject {
  static sel = { ready: '#rated-count', ratedCount: '#rated-count' };
  ratedCount() { return this.loc('ratedCount'); }
  ratingSel(objective) { return `input[name="imp-${objective}"]`; }
  /// The radio button for one importance value of an objective.
  rating(objective, value) { return this.page.locator(`${this.ratingSel(objective)}[value="${value}"]`); }
  async tabToRating(objective) { await tabTo(this.page, this.ratingSel(objective)); }
}

export class StrategyPage extends PageObject {
  static sel = { ready: '.strategy-objective, #no-rated-objectives', objectives: '.strategy-objective', addService: '#strategy-add-service' };
  objective(id) { return this.page.locator(`.strategy-objective[data-objective="${id}"]`); }
  /// The decision whose text box holds `text`.
  async decisionWith(text) {
    const items = this.page.locator('.decision');
    for (let i = 0; i < await items.count(); i++) {
      if (await items.nth(i).locator('.decision-text').inputValue() === text) return items.nth(i);
    }
    throw new Error(`no decision "${text}"`);
  }
  service(decision, name) { return decision.locator('label.check', { hasText: name }).locator('input'); }
  async addDecision(objective, text) {
    await this.objective(objective).locator('.new-decision').fill(text);
    await this.objective(objective).locator('.new-decision').press('Enter');
  }
}

export class ServicesPage extends PageObject {
  static sel = {
    ready: '.service h3', titles: '.service h3', tags: '.service .tags', remove: '.service .btn-danger',
    none: '#no-services', add: '#add-service', undoRemove: '#undo-remove',
    name: '#svc-name', criticality: '#svc-criticality', sourcing: '#svc-sourcing', external: '#svc-external', save: '#save-service',
  };
  titles() { return this.loc('titles'); }
  tags() { return this.loc('tags'); }
  none() { return this.loc('none'); }
}

export class ScopePage extends PageObject {
  static sel = { ready: '#scope-table tbody tr' };
  row(processId) { return this.page.locator(`#scope-table tr[data-process="${processId}"]`); }
  async reasons(processId) { return (await this.row(processId).locator('.reasons').innerText()).trim(); }
  async relevance(processId) { return Number(await this.row(processId).locator('.relevance-score').innerText()); }
  async inScope(processId) { return this.row(processId).locator('.scope-toggle').isChecked(); }
  async setInScope(processId, on) { await this.row(processId).locator('.scope-toggle').setChecked(on); }
}

export class ProcessPage extends PageObject {
  static sel = {
    ready: '.question', title: '#process-title', questions: '.question', progress: '.process-head .progress',
    references: '.process-refs', evidence: '.question .q-evidence',
  };
  references() { return this.loc('references'); }
  evidence() { return this.loc('evidence'); }
  async waitLoaded() { await this.waitFor('title'); await this.waitFor('questions'); }
  title() { return this.loc('title'); }
  questions() { return this.loc('questions'); }
  progress() { return this.loc('progress'); }
  /// The answer key pressed on each question, in order (null where none is).
  async pressed() {
    return this.page.$$eval(this.sel('questions'), (qs) => qs.map((q) => {
      const b = q.querySelector('.ans[aria-pressed="true"]');
      return b ? b.dataset.answer : null;
    }));
  }
  questionSel(i) { return `#q-${i}`; }
  /// Unfolds the level of question i (a level answered in full is folded when the page opens).
  async openLevelOf(i) {
    await this.page.evaluate((id) => { const d = document.getElementById(id)?.closest('details'); if (d) d.open = true; }, `q-${i}`);
  }
  /// Unfolds every level.
  async openAllLevels() { await this.page.evaluate(() => document.querySelectorAll('details.level-group').forEach((d) => { d.open = true; })); }
  /// Focuses question i and answers it with a key (4 3 2 1 0 or F L P N).
  async answer(i, key) {
    await this.openLevelOf(i);
    await this.page.focus(this.questionSel(i));
    await this.page.keyboard.press(key);
  }
  /// The answer question i shows as pressed.
  answerOf(i) { return this.page.locator(`${this.questionSel(i)} .ans[aria-pressed="true"]`).getAttribute('data-answer'); }
  async addNote(i) { await this.page.click(`${this.questionSel(i)} .add-note`); }
  async waitNoteFocused(i) { await this.page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `q-${i}-note`); }
  note(i) { return this.page.locator(`${this.questionSel(i)} textarea`); }
}

export class ResultsPage extends PageObject {
  static sel = {
    ready: '#profile-table tbody tr', title: '#assessment-title', statScope: '#stat-scope',
    openReport: '#open-report', openPresenter: '#open-presenter', exportCsv: '#export-results-csv',
    roadmapNow: '#roadmap-now .road-step', radar: '#chart-radar svg', heatmap: '#chart-heatmap svg',
    baseline: '#baseline-select', deltaRows: '#delta-table tbody tr', deltaUp: '#chart-delta svg [data-direction="up"]', comparison: '#comparison',
  };
  title() { return this.loc('title'); }
  statScope() { return this.loc('statScope'); }
  row(processId) { return this.page.locator(`#profile-table tr[data-process="${processId}"]`); }
  async reasons(processId) { return (await this.row(processId).locator('.reasons').innerText()).trim(); }
  async relevance(processId) { return Number(await this.row(processId).locator('td .num').first().innerText()); }
  /// The maturity index column of a process's row.
  indexCell(processId) { return this.page.locator(`#profile-table tr[data-process="${processId}"] td:nth-child(4)`); }

  // Charts: radar, gaps, heatmap, objectives (and delta in a comparison).
  chart(id) { return this.page.locator(`#${id} .chart-svg svg`); }
  chartProcesses(id) { return distinctProcesses(this.page.locator(`#${id} svg [data-process]`)); }
  async downloadChart(id) { await this.page.click(`#${id} .chart-head button`); }
  radarSvg() { return this.loc('radar'); }
  /// The radar chart's drawn width and background colour.
  radar() { return this.radarSvg().evaluate((svg) => ({ width: Number(svg.getAttribute('width')), bg: svg.querySelector('rect').getAttribute('fill') })); }
  async waitRadarNarrowerThan(px) { await this.page.waitForFunction(([s, w]) => Number(document.querySelector(s).getAttribute('width')) < w, [this.sel('radar'), px]); }
  async waitRadarBackgroundNot(bg) { await this.page.waitForFunction(([s, b]) => document.querySelector(`${s} rect`).getAttribute('fill') !== b, [this.sel('radar'), bg]); }

  // "Explain this score".
  explainToggleSel(processId) { return `#profile-table tr[data-process="${processId}"] .explain-toggle`; }
  async explain(processId) { await this.page.click(this.explainToggleSel(processId)); }
  async tabToExplain(processId) { await tabTo(this.page, this.explainToggleSel(processId)); }
  explanation(processId) { return this.page.locator(`#explain-${processId}`); }
  async waitExplanation(processId) { await this.page.waitForSelector(`#explain-${processId}`); }

  roadmapNow() { return this.loc('roadmapNow'); }
  /// The Now horizon's process steps (without the shared initiatives).
  roadmapNowSteps() { return this.page.locator(`${this.sel('roadmapNow')}[data-process]`); }
  roadmapNowStep(processId, level) { return this.page.locator(`${this.sel('roadmapNow')}[data-process="${processId}"][data-level="${level}"]`); }
  businessObjective(objectiveId) { return this.page.locator(`#business-view li[data-objective="${objectiveId}"]`); }
  async exportCsv() { await this.page.click(this.sel('exportCsv')); }
  async openReport() { await this.page.click(this.sel('openReport')); }
  async openPresenter() { await this.page.click(this.sel('openPresenter')); }

  // The action plan: one editor per roadmap step or initiative, the projection, the tracker CSV.
  plan(key) { return this.page.locator(`details.plan[data-plan="${key}"]`); }
  /// Opens a step's plan and sets the fields given ({owner, due, status, note}); each is saved when left.
  async setPlan(key, fields) {
    const plan = this.plan(key);
    if (!(await plan.evaluate((d) => d.open))) await plan.locator('summary').click();
    for (const [field, value] of Object.entries(fields)) {
      const input = plan.locator(`.plan-${field}`);
      if (field === 'status') await input.selectOption(value);
      else { await input.fill(value); await input.press('Tab'); }
    }
  }
  /// A plan's field values as {owner, due, status, note}.
  async planValues(key) {
    await this.plan(key).locator('.plan-owner').waitFor();
    return this.plan(key).evaluate((d) => Object.fromEntries(['owner', 'due', 'status', 'note'].map((f) => [f, d.querySelector(`.plan-${f}`).value])));
  }
  planLine(key) { return this.plan(key).locator('summary .plan-tag'); }
  async chooseProjection(id) { await this.page.selectOption('#projection-select', id); }
  /// The projection table as {figure: [today, projected, better]}.
  projection() {
    return this.page.$$eval('#projection-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector('th').textContent, [...[...tr.querySelectorAll('td')].map((td) => td.textContent), tr.classList.contains('better')]])));
  }
  async exportTracker() { await this.page.click('#export-tracker-csv'); }
  baselinePlanRow(key) { return this.page.locator(`#baseline-plan tr[data-plan="${key}"]`); }

  // Comparison with a baseline.
  baselineSelect() { return this.loc('baseline'); }
  async waitDeltaRows() { await this.waitFor('deltaRows', { state: 'attached' }); }
  /// Each delta table row as [process id, delta].
  deltas() { return this.page.$$eval(this.sel('deltaRows'), (trs) => trs.map((tr) => [tr.dataset.process, Number(tr.querySelector('.delta-cell').textContent)])); }
  deltaRow(processId) { return this.page.locator(`#delta-table tr[data-process="${processId}"]`); }
  deltaUp() { return this.loc('deltaUp'); }
  comparison() { return this.loc('comparison'); }
}

export class ReportPage extends PageObject {
  static sel = { ready: '#report-title', title: '#report-title', charts: '#report .chart-svg svg', print: '#print-report' };
  title() { return this.loc('title'); }
  charts() { return this.loc('charts'); }
}

export class WorkshopPage extends PageObject {
  static sel = {
    ready: '#participant-list tr', participants: '#participant-list tr', myName: '#my-name', exportMine: '#export-my-answers',
    importAnswers: '#import-answers', preview: '#answers-preview', previewItems: '#answers-preview li', confirm: '#confirm-answers',
    discussItems: '.discuss-item', spread: '#chart-spread svg',
  };
  /// Names the participant using this browser (saved when the field is left).
  async setMyName(name) {
    await this.page.fill(this.sel('myName'), name);
    await this.page.press(this.sel('myName'), 'Tab');
  }
  async waitExportMine() { await this.waitFor('exportMine'); }
  async exportMyAnswers() { await this.page.click(this.sel('exportMine')); }
  async importAnswers(files) { await this.page.setInputFiles(this.sel('importAnswers'), files); }
  preview() { return this.loc('preview'); }
  async waitPreviewCount(n) { await waitCount(this.page, this.sel('previewItems'), n); }
  async confirmAnswers() { await this.page.click(this.sel('confirm')); }
  participantSel(name) { return `#participant-list tr[data-participant="${name}"]`; }
  /// The status table: [name, answers, received, latest file] per participant.
  status() {
    return this.page.$$eval('#participant-list tr', (rows) => rows.map((r) => [r.dataset.participant,
      r.querySelector('.participant-count').textContent.trim(), r.querySelector('.participant-received').textContent.trim(),
      r.querySelector('.participant-file').textContent.trim()]));
  }
  async dropAnswers(files) {
    // A drop as the browser delivers it: a DataTransfer holding the files.
    await this.page.evaluate(async (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      const zone = document.querySelector('#answers-drop');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files.map((f) => ({ name: f.name, text: f.buffer.toString('utf8') })));
  }
  async waitParticipant(name) { await this.page.waitForSelector(this.participantSel(name)); }
  async waitParticipantCount(n) { await waitCount(this.page, this.sel('participants'), n); }
  async removeParticipant(name) { await this.page.locator(`${this.participantSel(name)} .btn-danger`).click(); }
  /// The question keys on the discuss list, in page order.
  discussKeys() { return this.page.$$eval(this.sel('discussItems'), (els) => els.map((e) => e.dataset.key)); }
  discussItem(key) { return this.page.locator(`.discuss-item[data-key="${key}"]`); }
  async waitDiscussItem() { await this.waitFor('discussItems'); }
  /// Records the agreed answer and a note for a question (key "process/question").
  async agree(key, answer, note) {
    const id = `#agreed-${key.replace('/', '-')}`;
    await this.page.selectOption(id, answer);
    await this.page.fill(`${id}-note`, note);
    await this.page.press(`${id}-note`, 'Tab');
  }
  async waitSpread() { await this.waitFor('spread'); }
  spreadProcesses() { return distinctProcesses(this.page.locator(`${this.sel('spread')} [data-process]`)); }
}

export class PresenterPage extends PageObject {
  static sel = { ready: '#presenter .slide', root: '#presenter', slideTitle: '.slide-title', count: '#slide-count', discuss: '#discuss-slide', next: '#next-slide', prev: '#prev-slide', slide: '.presenter-slide' };
  slideTitle() { return this.loc('slideTitle').innerText(); }
  /// Which slide of the storyline is shown (title, context, glance, gaps, business, priorities, plan, process, discuss, next).
  slideId() { return this.page.getAttribute('#presenter .slide', 'data-slide'); }
  slideText() { return this.page.innerText('#presenter .slide'); }
  slideCount() { return this.loc('count').innerText(); }
  discussSlide() { return this.loc('discuss'); }
  nextButton() { return this.loc('next'); }
  prevButton() { return this.loc('prev'); }
  async next() { await this.page.click(this.sel('next')); }
  async prev() { await this.page.click(this.sel('prev')); }
  /// How many px the slide is taller than its box (0 or less: it fits).
  overflow() { return this.page.evaluate((s) => document.querySelector(s).scrollHeight - document.querySelector(s).clientHeight, this.sel('slide')); }
}
