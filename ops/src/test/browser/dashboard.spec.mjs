// Drives the dashboard of a running demo in headless Chromium: live values must change without a
// reload, the try-it box must return a sentiment with an explanation, and the page must raise no
// script errors and load nothing from outside.
// Usage: DASHBOARD_URL=http://localhost:8080/ SCREENSHOT=target/dashboard.png node dashboard.spec.mjs
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.DASHBOARD_URL;
const screenshot = process.env.SCREENSHOT ?? 'dashboard.png';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const tryItText = 'Thanks, the crew was great!';
const timeout = 60_000; // the demo starts training only once the first labels have joined their comments
assert.ok(url, 'set DASHBOARD_URL');

const userDataDir = mkdtempSync(join(tmpdir(), 'sentiflow-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(new URL(url).origin)) external.push(r.url()); });

  const live = () => page.evaluate(() => {
    const text = (id) => document.querySelector(`[data-testid=${id}]`).textContent;
    const number = (id) => Number(text(id).replace(/\D/g, ''));
    return { scored: number('stat-scored'), modelVersion: number('stat-model-version'),
      accuracy: text('stat-accuracy') };
  });
  const waitForLive = async (what, condition) => {
    const deadline = Date.now() + timeout;
    for (let now = await live(); ; now = await live()) {
      if (condition(now)) return now;
      assert.ok(Date.now() < deadline, `no ${what} within ${timeout} ms; last: ${JSON.stringify(now)}`);
      await page.waitForTimeout(250);
    }
  };

  await page.goto(url);
  assert.equal(await page.getByTestId('tryit-result').isVisible(), false, 'no try-it result before scoring');
  await page.waitForFunction(() => document.querySelector('[data-testid=connection]').textContent === 'live',
    null, { timeout });
  const first = await waitForLive('scores and a trained model', (now) => now.scored > 0 && now.modelVersion > 0);
  const second = await waitForLive('more scores and a newer model',
    (now) => now.scored > first.scored && now.modelVersion > first.modelVersion);
  assert.match(second.accuracy, /^\d+(\.\d)?%$/, 'the model accuracy should be shown');
  assert.ok(await page.getByTestId('latest-comment').count() > 0, 'scored comments should be listed');

  await page.getByTestId('tryit-text').fill(tryItText);
  await page.getByTestId('tryit-submit').click();
  await page.getByTestId('tryit-result').waitFor({ state: 'visible', timeout });
  const sentiment = await page.getByTestId('tryit-sentiment').textContent();
  const explanation = await page.locator('[data-testid=tryit-explanation] .term').allTextContents();
  const triedVersion = await page.getByTestId('tryit-model-version').textContent();
  // A model that has seen a few hundred mostly negative labels may call the text anything, but must call it.
  assert.ok(['negative', 'neutral', 'positive'].includes(sentiment), `try-it sentiment: '${sentiment}'`);
  assert.ok(explanation.length > 0, 'try-it should explain its score with terms of the text');
  assert.match(triedVersion, /^\d+$/, 'try-it should name the model version');

  await page.waitForTimeout(1_500); // let the charts draw the latest push before the picture
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(errors, [], 'the page should raise no script errors');
  assert.deepEqual(external, [], 'the page should load nothing from outside the dashboard');
  console.log(JSON.stringify({ first, second, sentiment, explanation, triedVersion, screenshot }));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
