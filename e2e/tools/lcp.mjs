// The Largest Contentful Paint candidates of one load, and the first
// paints: which element Chromium takes as the LCP, when, and how large.
// Figures, never pass/fail. No throttling: it names the element; the
// simulated phone's timing is scripts/bench-lighthouse.sh's.
// usage: node tools/lcp.mjs URL [locale=en-US]
import { chromium } from '@playwright/test';
const url = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(process.env.W || 412), height: Number(process.env.H || 823) }, locale: process.argv[3] || 'en-US' });
await p.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + '.' + e.element.className + ' ' + (e.element.textContent||'').slice(0,60) : null }); }).observe({ type: 'largest-contentful-paint', buffered: true });
  window.__fcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__fcp.push({ n: e.name, t: Math.round(e.startTime) }); }).observe({ type: 'paint', buffered: true });
});
await p.goto(url);
await p.waitForTimeout(3000);
console.log(JSON.stringify(await p.evaluate(() => ({ lcp: window.__lcp, paint: window.__fcp })), null, 1));
await b.close();
