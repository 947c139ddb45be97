// Layout shifts of a page load, with their sources: what moved, from where
// to where. Optionally holds the customer-activity document back for DELAY ms
// (as a slow network would), so the loading state paints first.
// usage: node tools/cls.mjs URL [width=412] [height=823]   (env DELAY=ms)
import { chromium } from '@playwright/test';

const [url, width = '412', height = '823'] = process.argv.slice(2);
const delay = Number(process.env.DELAY || 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ locale: 'en-US', viewport: { width: Number(width), height: Number(height) } });
const page = await context.newPage();
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') console.log(`console.error: ${m.text()}`); });
await page.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        t: Math.round(e.startTime),
        value: e.value,
        sources: (e.sources || []).map((s) => ({
          node: s.node ? (s.node.nodeName + (s.node.className ? '.' + String(s.node.className).split(' ').join('.') : '') + (s.node.id ? '#' + s.node.id : '')) : '?',
          from: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round).join(','),
          to: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round).join(','),
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
});
if (delay) {
  await page.route('**/api/v1/customer-activity', async (route) => {
    await new Promise((r) => setTimeout(r, delay));
    await route.continue();
  });
}
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1500);
const shifts = await page.evaluate(() => window.__shifts);
let total = 0;
for (const s of shifts) {
  total += s.value;
  console.log(`${s.t} ms  ${s.value.toFixed(4)}`);
  for (const x of s.sources) console.log(`    ${x.node}  ${x.from} -> ${x.to}`);
}
console.log(`CLS (sum of shifts) ${total.toFixed(4)}`);
await browser.close();
