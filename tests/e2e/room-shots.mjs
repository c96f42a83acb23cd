// Screenshots of every page changed for issue 18, at 1280 and 390 px (for the review).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const OUT = process.env.OUT || 'docs/screenshots/room';
fs.mkdirSync(OUT, { recursive: true });
const server = await serve('dist', 8096);
const B = 'http://127.0.0.1:8096';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('ERR', e));
await page.goto(B + '/');
await page.click('#open-sample');
await page.waitForURL(/results/);
// A follow-up with some answers, for "Continue" and a half-done questionnaire.
await page.click('.brand');
await page.waitForSelector('.saved-list li');
await page.click('.saved-list li[data-assessment="sample-pizza"] .act-follow-up');
await page.waitForURL(/\/scope$/);
const id = page.url().match(/\/a\/([^/]+)\//)[1];
await page.goto(`${B}/a/${id}/process/incident`);
await page.waitForSelector('.question');
for (let i = 0; i < 6; i++) { await page.focus(`#q-${i}`); await page.keyboard.press(['4', '3', '2', '3', '1', '4'][i]); }
await page.waitForTimeout(800);
const pages = [
  ['start', '/'],
  ['scope', `/a/sample-pizza/scope`],
  ['process', `/a/${id}/process/incident`],
  ['process-compact', `/a/${id}/process/incident`, async () => { await page.click('#compact-toggle'); }],
  ['results', '/a/sample-pizza/results'],
  ['workshop', '/a/sample-pizza/workshop'],
  ['report', '/a/sample-pizza/report'],
];
for (const [name, path, act] of pages) {
  for (const w of [1280, 390]) {
    await page.setViewportSize({ width: w, height: w === 1280 ? 800 : 844 });
    await page.goto(B + path);
    await page.waitForTimeout(900);
    if (name === 'start') { await page.click('.brand').catch(() => {}); await page.waitForTimeout(500); }
    if (act) { await act(); await page.waitForTimeout(300); }
    await page.screenshot({ path: `${OUT}/${name}-${w}.png`, fullPage: true });
  }
}
// The presenter, every slide at 1280×720 and the gaps and process slides at 1920×1080 and 360 px.
await page.setViewportSize({ width: 1280, height: 720 });
await page.goto(B + '/a/sample-pizza/present');
await page.waitForSelector('#presenter .slide');
for (let i = 0; i < 12; i++) {
  const slide = await page.getAttribute('#presenter .slide', 'data-slide');
  await page.screenshot({ path: `${OUT}/presenter-${String(i + 1).padStart(2, '0')}-${slide}-1280x720.png` });
  await page.keyboard.press('ArrowRight');
}
for (const [w, h] of [[1920, 1080], [360, 740]]) {
  await page.setViewportSize({ width: w, height: h });
  for (const n of [3, 7]) {
    await page.keyboard.press('Home');
    for (let k = 0; k < n; k++) await page.keyboard.press('ArrowRight');
    const slide = await page.getAttribute('#presenter .slide', 'data-slide');
    await page.screenshot({ path: `${OUT}/presenter-${slide}-${w}x${h}.png` });
  }
}
await browser.close();
server.close();
console.log('shots in', OUT);
