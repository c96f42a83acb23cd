// Regenerates the README's screenshots from the release build (dist/):
// node tests/e2e/readme-shots.mjs
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';
import { DIST, CHROMIUM_ARGS } from './support.mjs';
const server = await serve(DIST, 8097);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const base = 'http://127.0.0.1:8097';
const out = (name) => `docs/screenshots/${name}.png`;
await page.goto(base + '/');
await page.waitForSelector('.templates li');
await page.screenshot({ path: out('start') });
await page.click('#open-sample');
await page.waitForSelector('#profile-table');
await page.goto(base + '/a/sample-pizza/scope');
await page.waitForSelector('#scope-table');
await page.locator('#scope-table').scrollIntoViewIfNeeded();
await page.screenshot({ path: out('scope') });
await page.goto(base + '/a/sample-pizza/process/software-development');
await page.waitForSelector('.question');
await page.screenshot({ path: out('process') });
await page.goto(base + '/a/sample-pizza/results');
await page.waitForSelector('#chart-cascade svg');
await page.locator('#chart-cascade').scrollIntoViewIfNeeded();
await page.screenshot({ path: out('results') });
await browser.close();
server.close();
