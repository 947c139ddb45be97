// Benchmark (not a test): the drilldown grid on a 100,000-record entitlement
// of the demo backend (--bench). Prints load-to-first-rows, filter
// keystroke-to-paint, sort-to-paint, and the row elements in the DOM.
// usage: node bench/grid.mjs http://127.0.0.1:PORT   (run by scripts/bench.sh)
import { createRequire } from 'node:module';
const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');

const base = process.argv[2] || 'http://127.0.0.1:8091';
const runs = Number(process.env.RUNS || 3);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const results = { load: [], filter: [], sortNumber: [], sortText: [], rows: [] };
const paint = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
await (await fetch(`${base}/api/v1/entitlements/bench-100k/activity`)).arrayBuffer(); // warm the server's cache

for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const grid = page.getByRole('table', { name: 'Consumption details' });
  let t = performance.now();
  await page.goto(`${base}/customer-activity/entitlements/bench-100k`);
  await grid.locator('tbody tr:not(.spacer)').first().waitFor({ timeout: 120000 });
  results.load.push(performance.now() - t);
  results.rows.push(await grid.locator('tbody tr').count());
  const box = page.getByRole('searchbox', { name: 'Filter rows' });
  t = performance.now();
  await box.fill('outage');
  await page.getByText(/of 100,000 records match/).waitFor();
  await paint(page);
  results.filter.push(performance.now() - t);
  await box.fill('');
  await page.getByText(/^100,000 records$/).waitFor();
  t = performance.now();
  await grid.getByRole('button', { name: 'Hours' }).click();
  await grid.locator('th[aria-sort="ascending"]').waitFor();
  await paint(page);
  results.sortNumber.push(performance.now() - t);
  t = performance.now();
  await grid.getByRole('button', { name: 'Title' }).click();
  await grid.locator('th[aria-sort="ascending"] >> text=Title').waitFor();
  await paint(page);
  results.sortText.push(performance.now() - t);
  await context.close();
}
await browser.close();
const f = (ms) => `${ms.toFixed(0)} ms`;
console.log(`100,000 records, ${runs} runs (median)`);
console.log(`load to first rows      ${f(median(results.load))}`);
console.log(`filter keystroke→paint  ${f(median(results.filter))}`);
console.log(`sort by number→paint    ${f(median(results.sortNumber))}`);
console.log(`sort by text→paint      ${f(median(results.sortText))}`);
console.log(`row elements in the DOM ${median(results.rows)}`);
