// Long tasks of a page load on a slow phone: Chromium at RATE× CPU
// slowdown (Lighthouse's mobile profile: 4) and its slow 4G link (150 ms,
// 1.6 Mbit/s; FAST_NET=1 for none), a PerformanceObserver on
// 'longtask', LOADS loads. Prints each load's tasks over 50 ms and their
// blocking time (the part over 50 ms, as Total Blocking Time sums it),
// then the median blocking time. Figures, never pass/fail.
// usage: node tools/longtasks.mjs URL [loads=5]   (env RATE=4)
import { chromium } from '@playwright/test';

const [url, loads = '5'] = process.argv.slice(2);
const rate = Number(process.env.RATE || 4);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [])],
});
const blocking = [];
for (let i = 0; i < Number(loads); i++) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // Lighthouse's mobile link: 150 ms round trips, 1.6 Mbit/s down.
  if (!process.env.FAST_NET) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  }
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  // Drawn: the page's regions are there and none is busy any more.
  await page
    .waitForFunction(() => document.querySelectorAll('.ca-app section').length >= 2 && !document.querySelector('.ca-app [aria-busy="true"]'), null, { timeout: 60000 })
    .catch(() => console.log('(not drawn within 60 s)'));
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__long);
  const sum = tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
  blocking.push(sum);
  console.log(`load ${i + 1}: ${tasks.map(([t, d]) => `${d} ms at ${t}`).join(', ')}; blocking ${sum} ms`);
  await context.close();
}
blocking.sort((a, b) => a - b);
console.log(`median blocking time over ${loads} loads at ${rate}× CPU: ${blocking[Math.floor(blocking.length / 2)]} ms`);
await browser.close();
