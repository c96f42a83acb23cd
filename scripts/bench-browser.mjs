// Browser benchmark against the release build in dist/ (headless Chromium):
// startup file sizes, cold-load time to an interactive start page (10 runs),
// answer → updated results latency with the full catalog in full mode and 30
// participants, results-page render time, JS heap after load, and the
// Lighthouse scores (scripts/lighthouse.mjs). Prints the figures next to their
// budgets; it reports, it does not fail on noise.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './static-server.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { idbGet, idbPut, idbDelete } from '../tests/e2e/idb.mjs';

const PORT = 8092;
const BASE = `http://127.0.0.1:${PORT}`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => x.toFixed(1);
const line = (name, value, budget, ok) => console.log(`${name.padEnd(58)} ${value.padStart(18)}   ${budget === '—' ? '' : `budget ${budget.padEnd(10)} ${ok ? 'met' : 'MISSED'}`}`);

// 1. Startup files.
const dist = path.resolve('dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
// What index.html names, plus what its loader (boot-*.js) fetches: the wasm is
// loaded by the loader after the first paint, not preloaded.
const bootFile = fs.readdirSync(dist).find((f) => /^boot-.*\.js$/.test(f));
const bootText = bootFile ? fs.readFileSync(path.join(dist, bootFile), 'utf8') : '';
const startupFiles = fs.readdirSync(dist).filter((f) => !/\.(gz|br)$/.test(f) && (f === 'index.html' || f === bootFile || html.includes(f) || bootText.includes(f)));
let gz = 0; let br = 0; let raw = 0;
for (const f of startupFiles) {
  const buf = fs.readFileSync(path.join(dist, f));
  raw += buf.length;
  gz += zlib.gzipSync(buf, { level: 9 }).length;
  br += zlib.brotliCompressSync(buf).length;
}
console.log(`Startup files: ${startupFiles.map((f) => f.replace(/-[0-9a-f]{8,16}/, '-<hash>')).join(', ')}`);
line('startup transfer (raw / gzip / brotli, KB)', `${fmt(raw / 1024)} / ${fmt(gz / 1024)} / ${fmt(br / 1024)}`, '450 gzip', gz / 1024 <= 450);

const server = await serve(dist, PORT);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  // 2. Cold loads: a fresh profile each time, time to the start page being interactive.
  const loads = [];
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    // Timed in the page, by the first DOM change that shows the start page's
    // buttons enabled: a harness round trip would add tens of milliseconds.
    await page.addInitScript(() => {
      const ready = () => { const b = document.getElementById('open-sample'); return b && !b.disabled; };
      new MutationObserver((_, obs) => {
        if (ready()) { window.__interactive = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(BASE + '/');
    await page.waitForSelector('#open-sample:enabled');
    loads.push(await page.evaluate(() => window.__interactive));
    await ctx.close();
  }
  line('cold load to interactive start page, median of 10 (ms)', `${fmt(median(loads))} (${fmt(Math.min(...loads))}–${fmt(Math.max(...loads))})`, '250', median(loads) <= 250);

  // 2b. A complete first visit, service worker install included: every byte the
  // server sends (as transferred, brotli), against the bytes sent until the
  // start page was interactive.
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    server.served.bytes = 0; server.served.list = [];
    await page.goto(BASE + '/');
    await page.waitForSelector('#open-sample:enabled');
    const atInteractive = server.served.bytes;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      // The worker is active once its install (the precache) has finished.
      while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    });
    await page.waitForTimeout(500);
    const all = server.served.bytes;
    // Against the startup files as this server sends them (brotli), whether or
    // not the worker had started its install by the time the page was interactive.
    const startup = br;
    line('first visit incl. service worker install / startup (KB)', `${fmt(all / 1024)} / ${fmt(startup / 1024)} = ${(all / startup).toFixed(2)}×`, '1.10×', all / startup <= 1.1);
    console.log(`${'  of which sent before the start page was interactive (KB)'.padEnd(58)} ${fmt(atInteractive / 1024).padStart(18)}`);
    if (process.env.BENCH_VERBOSE) console.log(server.served.list.join('\n'));
    await ctx.close();
  }

  // 3. Answer → selected and figures updated, by real (trusted) key presses:
  // the time from the key event to the last DOM change it causes (the answer
  // pressed, the meters and figures; checked in the next frame's
  // requestAnimationFrame), the time to that next frame (it adds the wait for
  // the display's next frame, anywhere between 0 and 16.7 ms, which no page
  // can shorten), and the browser's Event Timing duration of the keydown (to
  // the next paint; entries under 16 ms are not reported by the browser, so a
  // missing entry counts as "under 16").
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    // Every chart of the results page drawn: the SVG charts (at least the
    // gaps, cascade, radar and heatmap) and the business view's bars.
    window.__allCharts = () => {
      const charts = [...document.querySelectorAll('.chart-svg')];
      return charts.length >= 4 && charts.every((c) => c.querySelector('svg')) && !!document.querySelector('#business-view li .meter');
    };
    window.__timings = [];
    window.__events = [];
    window.__lastChange = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    // The time of the last DOM change: a mutation observer's callback runs in
    // the microtask right after the changes it reports.
    addEventListener('DOMContentLoaded', () => new MutationObserver(() => { window.__lastChange = performance.now(); })
      .observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true }));
    addEventListener('keydown', (e) => {
      const card = document.activeElement;
      window.__lastChange = null;
      requestAnimationFrame(() => {
        const now = performance.now();
        const pressed = card?.querySelector('button[aria-pressed="true"]')?.dataset.answer ?? null;
        window.__timings.push({ dom: (window.__lastChange ?? now) - e.timeStamp, frame: now - e.timeStamp, pressed, key: e.key });
      });
    }, true);
  });
  await page.goto(BASE + '/');
  await page.click('#open-sample');
  await page.waitForSelector('#profile-table tbody tr');
  const answerKeys = async (label, url, gap = 60) => {
    await page.goto(BASE + url);
    await page.waitForSelector('#q-0');
    await page.waitForTimeout(300);
    await page.evaluate(() => { window.__timings = []; window.__events = []; });
    const keys = ['1', '2', '3', '4'];
    const want = ['N', 'P', 'L', 'F'];
    let shown = 0;
    for (let i = 0; i < 20; i++) {
      await page.focus('#q-0');
      await page.keyboard.press(keys[i % 4]);
      await page.waitForFunction((n) => window.__timings.length >= n, i + 1);
      const t = await page.evaluate((n) => window.__timings[n], i);
      if (t.pressed === want[i % 4]) shown++;
      await page.waitForTimeout(gap);
    }
    const { timings, events } = await page.evaluate(() => ({ timings: window.__timings, events: window.__events }));
    const dom = timings.map((t) => t.dom);
    const frame = timings.map((t) => t.frame);
    const durations = [...events, ...Array(Math.max(0, 20 - events.length)).fill(16)];
    line(`key press → answer and figures in the page (${label}), median of 20 (ms)`, `${fmt(median(dom))} (max ${fmt(Math.max(...dom))})`, '8', median(dom) <= 8);
    line(`  … → the next frame begins (${label}), median (ms)`, `${fmt(median(frame))} (max ${fmt(Math.max(...frame))})`, '—', true);
    line(`  Event Timing duration of the key press (${label}) (ms)`, `${events.length ? fmt(median(durations)) : '< 16'} (${20 - events.length}/20 < 16)`, '24', median(durations) <= 24);
    if (shown !== 20) console.log(`  WARNING: only ${shown} of 20 presses showed the answer selected in the next frame`);
    return dom;
  };
  await answerKeys('sample', '/a/sample-pizza/process/incident');

  // 4. Moving to another process page: a click in the process list → its questions drawn.
  const switches = [];
  for (let i = 0; i < 10; i++) {
    const [from, to] = i % 2 ? ['problem', 'incident'] : ['incident', 'problem'];
    if (i === 0) { await page.goto(BASE + `/a/sample-pizza/process/${from}`); await page.waitForSelector('#q-0'); }
    await page.waitForTimeout(200);
    switches.push(await page.evaluate((to) => new Promise((resolve) => {
      const link = document.querySelector(`.process-nav a[href$="/process/${to}"]`);
      const t0 = performance.now();
      link.click();
      const done = () => document.querySelector('#q-0')?.dataset.key?.startsWith(`${to}/`);
      const check = () => (done() ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
      check();
    }), to));
  }
  line('process list click → its questions drawn, median of 10 (ms)', fmt(median(switches)), '50', median(switches) <= 50);

  // 5. Results page render (in-app navigation) until all its charts are drawn:
  // the tables and plans below them follow a frame later.
  const renders = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(BASE + '/a/sample-pizza/scope');
    await page.waitForSelector('#scope-table tbody tr');
    renders.push(await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('.stepper a[data-step="results"]').click();
      const check = () => (window.__allCharts() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      check();
    })));
  }
  line('results page render, all its charts drawn, median of 5 (ms)', fmt(median(renders)), '30', median(renders) <= 30);

  // 6. The same key presses with the full catalog in full mode, 30 participants
  // each answering every question (838 questions × 30).
  const catalog = JSON.parse(fs.readFileSync('catalog/default.json', 'utf8'));
  const allKeys = catalog.processes.flatMap((p) => [...p.questions.map((q) => `${p.id}/${q.id}`), ...catalog.generic_questions.map((q) => `${p.id}/${q.id}`)]);
  {
    const env = JSON.parse(await idbGet(page, 'itsm.a.sample-pizza'));
    const pids = catalog.processes.map((p) => p.id);
    const codes = ['N', 'P', 'L', 'F'];
    env.assessment.mode = 'full';
    env.assessment.scope = Object.fromEntries(pids.map((p) => [p, { in_scope: true }]));
    env.assessment.participants = Array.from({ length: 30 }, (_, i) => ({
      id: `p${i + 1}`, name: `Participant ${i + 1}`,
      answers: Object.fromEntries(allKeys.map((k, j) => [k, { answer: codes[(i + j) % 4] }])),
    }));
    env.assessment.active = 'p1';
    await idbPut(page, [['itsm.a.sample-pizza', JSON.stringify(env)]]);
  }
  const quick = await answerKeys('full catalog, 30 people', '/a/sample-pizza/process/supplier');
  // The same at a person's pace, one answer every 700 ms: each answer is
  // saved 400 ms later (the autosave's debounce), between two presses. What
  // the saves add to the answers' frames is the difference to the presses
  // 60 ms apart above, where no save runs until the last.
  const paced = await answerKeys('full catalog, 30 people, one answer every 700 ms, each saved', '/a/sample-pizza/process/supplier', 700);
  const added = median(paced) - median(quick);
  line('  autosave: added to the answer\'s frame (median, paced − quick) (ms)', fmt(added), '2', added <= 2);

  // 6a. Autosave of that assessment (about 1.1 MB): the task that serialises
  // it once and hands it to the database's background write (User Timing
  // "itsm-autosave", recorded by the app). It runs after the debounce, never
  // in the frame of a key press.
  await page.evaluate(() => performance.clearMeasures('itsm-autosave'));
  for (let i = 0; i < 5; i++) {
    await page.focus('#q-0');
    await page.keyboard.press(['1', '2', '3', '4'][i % 4]);
    await page.waitForFunction((n) => performance.getEntriesByName('itsm-autosave').length > n, i, { timeout: 10000 });
    await page.waitForSelector('#save-status:has-text("Saved in this browser")');
  }
  const saves = await page.evaluate(() => performance.getEntriesByName('itsm-autosave').map((e) => e.duration));
  line('  autosave, full catalog, 30 people: the save task itself, after the debounce, median of 5 (ms)', fmt(median(saves)), '—', true);

  // 6b. Each export of that assessment (full catalog, 30 people): click → the
  // file offered, median of 5 (the Excel workbook includes starting the export
  // worker, the Word report drawing its charts as pictures in the page; the HTML report is made from the report page).
  const timeDownload = async (what, run) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const [dl] = await Promise.all([page.waitForEvent('download'), run()]);
      times.push(Date.now() - t0);
      await dl.path();
    }
    line(`export: ${what}, full catalog, 30 people, median of 5 (ms)`, fmt(median(times)), '1000', median(times) <= 1000);
  };
  await page.goto(BASE + '/a/sample-pizza/results');
  await page.waitForSelector('#profile-table tbody tr');
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  await timeDownload('answers CSV', () => page.click('#export-answers-csv'));
  await timeDownload('Excel workbook', () => page.click('#export-xlsx'));
  await timeDownload('Word report (five charts drawn as PNG)', () => page.click('#export-docx'));
  await timeDownload('action plan CSV', () => page.click('#export-tracker-csv'));
  await timeDownload('results CSV', () => page.click('#export-results-csv'));
  await page.goto(BASE + '/a/sample-pizza/report');
  await page.waitForSelector('#report .chart-svg svg');
  await timeDownload('HTML report', () => page.click('#download-html'));

  // 6c. Units side by side: eight units of one organization, each the full
  // catalog in full mode answered by one person (eight 30-person assessments
  // do not fit in localStorage: issue 17); tick the eighth → the table, radar
  // and heatmap redrawn for eight (the assessments are read and evaluated
  // once, when the page opens).
  {
    const env = JSON.parse(await idbGet(page, 'itsm.a.sample-pizza'));
    const entries = [];
    for (let u = 1; u <= 8; u++) {
      const copy = JSON.parse(JSON.stringify(env));
      copy.assessment.participants = copy.assessment.participants.slice(u % 3, u % 3 + 1);
      copy.assessment.active = copy.assessment.participants[0].id;
      Object.assign(copy.assessment, { id: `unit-${u}`, name: `Unit ${u}`, date: `2026-0${u}-01`, baseline: null });
      copy.assessment.organization = { ...copy.assessment.organization, name: 'Bench Group', unit: `Unit ${u}` };
      entries.push([`itsm.a.unit-${u}`, JSON.stringify(copy)]);
    }
    await idbPut(page, entries);
  }
  // A fresh load: the start-up check lists what was stored.
  await page.goto(BASE + '/org/bench-group');
  await page.waitForSelector('#chart-units-heatmap svg g[data-unit="7"]', { timeout: 60000 });
  const compares = [];
  for (let i = 0; i < 5; i++) {
    await page.uncheck('#pick-unit-8');
    await page.waitForFunction(() => !document.querySelector('#chart-units-heatmap svg g[data-unit="7"]'));
    compares.push(await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('#pick-unit-8').click();
      // The radar draws four outlines of eight and says so.
      const check = () => (document.querySelector('#chart-units-heatmap svg g[data-unit="7"]') && (document.querySelector('#chart-units-radar svg') || { textContent: '' }).textContent.includes('of the 8 units')
        ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      check();
    })));
  }
  line('8 units compared and drawn (full catalog, full mode), median of 5 (ms)', fmt(median(compares)), '50', median(compares) <= 50);

  // 6d. The start page with 200 saved assessments (copies of the sample, three
  // people each, in the database): a fresh load until all 200 are listed, and
  // going home from an assessment until they are listed, median of 5.
  {
    const env = JSON.parse(fs.readFileSync('data/sample-pizza.json', 'utf8'));
    const entries = [];
    const index = [];
    for (let i = 0; i < 200; i++) {
      const copy = { ...env, assessment: { ...env.assessment, id: `list-${i}`, name: `Saved ${i + 1}`, baseline: null } };
      entries.push([`itsm.a.list-${i}`, JSON.stringify(copy)]);
      index.push({ id: `list-${i}`, name: `Saved ${i + 1}`, organization: 'Bench list', updated: 2000 + i, completion: 1 });
    }
    for (let b = 0; b < 200; b += 20) await idbPut(page, entries.slice(b, b + 20));
    await idbPut(page, [['itsm.index', JSON.stringify(index)], ['itsm.last-path', '/']]);
  }
  const cold = [];
  const warm = [];
  for (let i = 0; i < 5; i++) {
    // Opened at / the app resumes the page last shown: forget it, to time the list itself.
    await idbDelete(page, 'itsm.last-path');
    await page.goto(BASE + '/');
    cold.push(await page.evaluate(() => new Promise((resolve) => {
      const check = () => (document.querySelectorAll('.saved-list li').length >= 200 ? resolve(performance.now()) : requestAnimationFrame(check));
      check();
    })));
    await page.click('li[data-assessment="list-7"] .saved-name');
    await page.waitForSelector('.stepper');
    await page.waitForTimeout(200);
    warm.push(await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('.brand').click();
      const check = () => (document.querySelectorAll('.saved-list li').length >= 200 ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      check();
    })));
  }
  line('start page, 200 saved: going home until all are listed, median of 5 (ms)', fmt(median(warm)), '100', median(warm) <= 100);
  line('  a fresh load until all 200 are listed (database read included), median of 5 (ms)', fmt(median(cold)), '—', true);

  // 7. JS heap after load.
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1048576;
  console.log(`${'JS heap used after the walk-through (MB)'.padEnd(58)} ${fmt(heap).padStart(18)}`);
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}

// 8. Lighthouse: the start page with the desktop and the mobile preset.
if (!process.env.BENCH_SKIP_LIGHTHOUSE) await runLighthouse(dist);
