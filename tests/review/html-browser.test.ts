// The review's HTML page in a real browser: Debian's chromium, headless, driven by playwright-core.
// The page is loaded as a file with the network cut off, its rendered text read back, and shots
// taken at phone width (390 px) and desktop width (1280 px) into a temporary folder (kept there
// for a person to look at: its path is printed). Chromium is found at $CHROMIUM_PATH or
// /usr/bin/chromium; in CI (CI set) a missing browser fails the test, elsewhere it is skipped, by name.

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { buildWeek, joinDeal } from './repo.js';

// An empty CHROMIUM_PATH is no path: the Debian one then.
const CHROMIUM = process.env.CHROMIUM_PATH?.trim() ? process.env.CHROMIUM_PATH : '/usr/bin/chromium';
const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const present = existsSync(CHROMIUM);
if (!present && !inCi) console.warn(`note: no chromium at ${CHROMIUM} (set CHROMIUM_PATH): the review's browser tests are skipped (in CI they fail)`);

const tempDir = tempDirs('deal-triage-review-html-');
const maybe = present || inCi ? describe : describe.skip;

maybe(`the review's HTML page in Chromium${present || inCi ? '' : ' (skipped: no chromium)'}`, () => {
  let browser: Browser;
  let page: string;
  let shots: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: install Debian's chromium package, or set CHROMIUM_PATH`).toBe(true);
    const dir = path.join(tempDir(), 'repo');
    const repo = buildWeek(dir);
    // Hostile text a page must show as text, never run.
    repo.write('deals/hostile.yaml', joinDeal('hostile', { stage: 'proposal', name: 'Evil <img src=x onerror="document.title=1"> & <script>document.title=2</script>' }));
    const result = await run(['review', '-f', 'html', '--since', 'last-week'], { cwd: dir });
    expect(result.code).toBe(0);
    shots = tempDir();
    page = path.join(shots, 'review.html');
    writeFileSync(page, result.stdout);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['phone', 390, 844],
    ['desktop', 1280, 900],
  ])('renders every section at %s width, without sideways scrolling, and runs nothing', async (name, width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: true, offline: true });
    const tab = await context.newPage();
    const requests: string[] = [];
    tab.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await tab.goto(`file://${page}`);
    const text = await tab.innerText('main');
    for (const title of ["The CEO's deals now", 'On the horizon', 'What changed since last-week', 'Risks', "What the CEO's time returns", 'The funnel']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Evil <img src=x onerror="document.title=1"> & <script>document.title=2</script>');
    expect(await tab.title()).toMatch(/^Pipeline review for 2026-12-01/);
    expect(await tab.locator('h1').count()).toBe(1);
    expect(await tab.locator('h2').count()).toBeGreaterThanOrEqual(6);
    expect(await tab.locator('svg[role="img"] > title').count()).toBe(1);
    expect(await tab.locator('img, script').count()).toBe(0);
    // The page fits the screen: only a table may scroll inside its own box.
    // Measured in the page (a function the browser runs, so its globals are the page's).
    const overflow = await tab.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(requests).toEqual([]);
    await tab.screenshot({ path: path.join(shots, `review-${name}.png`), fullPage: true });
    await context.close();
  }, 60_000);

  it('prints to PDF (the page is printable)', async () => {
    const tab = await browser.newPage();
    await tab.goto(`file://${page}`);
    await tab.emulateMedia({ media: 'print' });
    const pdf = await tab.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await tab.close();
    console.log(`review screenshots: ${shots}`);
  }, 60_000);
});
