// Drives the live dashboard in headless Chromium: live values must change without a reload, the
// try-it box must return a score with an explanation, and the page must raise no script errors.
// Usage: DASHBOARD_URL=http://localhost:8080/ SCREENSHOT=target/dashboard.png node dashboard.spec.mjs
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.DASHBOARD_URL;
const screenshot = process.env.SCREENSHOT ?? 'dashboard.png';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const tryItText = process.env.TRY_IT_TEXT ?? 'Thanks, the crew was great!';
const expectSentiment = process.env.TRY_IT_SENTIMENT ?? 'positive';
const timeout = 30_000;
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

  await page.goto(url);
  assert.equal(await page.getByTestId('tryit-result').isVisible(), false, 'no try-it result before scoring');
  const scored = async () => Number((await page.getByTestId('stat-scored').textContent()).replace(/\D/g, ''));
  await page.waitForFunction(() => document.querySelector('[data-testid=connection]').textContent === 'live',
    null, { timeout });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=stat-scored]').textContent.replace(/\D/g, '')) > 0,
    null, { timeout });
  const firstScored = await scored();
  const firstUpdated = await page.getByTestId('updated').textContent();
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-testid=stat-scored]').textContent.replace(/\D/g, '')) > before,
    firstScored, { timeout });
  const secondScored = await scored();
  assert.ok(secondScored > firstScored, `scored counter should grow live: ${firstScored} -> ${secondScored}`);
  assert.notEqual(await page.getByTestId('updated').textContent(), firstUpdated, 'update time should move');

  await page.waitForFunction(() => document.querySelectorAll('[data-testid=latest-comment]').length > 0,
    null, { timeout });
  const modelVersion = await page.getByTestId('stat-model-version').textContent();
  assert.match(modelVersion, /^\d+$/, 'a model version should be shown');

  await page.getByTestId('tryit-text').fill(tryItText);
  await page.getByTestId('tryit-submit').click();
  await page.getByTestId('tryit-result').waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => document.querySelector('[data-testid=tryit-sentiment]').textContent !== '',
    null, { timeout });
  const sentiment = await page.getByTestId('tryit-sentiment').textContent();
  const explanation = await page.getByTestId('tryit-explanation').textContent();
  const triedVersion = await page.getByTestId('tryit-model-version').textContent();
  assert.equal(sentiment, expectSentiment, 'try-it sentiment');
  assert.ok(explanation.trim().length > 0, 'try-it should explain its score');
  assert.match(triedVersion, /^\d+$/, 'try-it should name the model version');

  await page.waitForTimeout(1_500); // let the charts draw the latest push before the picture
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(errors, [], 'the page should raise no script errors');
  assert.deepEqual(external, [], 'the page should load nothing from outside the dashboard');
  console.log(JSON.stringify({ firstScored, secondScored, modelVersion, sentiment, explanation, triedVersion,
    screenshot }));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
