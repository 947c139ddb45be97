// Where a scroll sweep's frames go (a command, not a test): loads a page of
// the grid benchmark, scrolls its grid top to bottom over 2 s as
// compare.mjs does, with a Chromium trace on, and prints the main thread's
// time per trace event (style, layout, paint, script…) and per frame.
// usage: node bench/trace-scroll.mjs [ours|aggrid|floor]   env DIST as serve.mjs;
//   THROTTLE=2 slows the CPU twofold (CDP), to see the sweep as on a slower machine
import { PAGES, startServer, openPage, sweep } from './harness.mjs';

const which = process.argv[2] || 'ours';
const { url, rows: rowsSel, scroller } = PAGES[which];
const server = await startServer();
const { browser, context, page } = await openPage();
await page.goto(server.base + url);
await page.locator(rowsSel).first().waitFor({ timeout: 180000 });
await page.waitForTimeout(2500);
const cdp = await context.newCDPSession(page);
if (Number(process.env.THROTTLE) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.THROTTLE) });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8', transferMode: 'ReportEvents' });
const frames = await sweep(page, scroller);
await cdp.send('Tracing.end');
await done;
// The renderer's main thread: the thread with the most RunTask time.
const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
const byThread = new Map();
for (const e of complete.filter((e) => e.name === 'RunTask')) byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) || 0) + e.dur);
const main = [...byThread].sort((a, b) => b[1] - a[1])[0][0];
const mine = complete.filter((e) => `${e.pid}:${e.tid}` === main);
// Self time per event name (duration minus nested children on the thread).
mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const stack = [];
for (const e of mine) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  if (stack.length) stack.at(-1).child += e.dur;
  e.child = 0;
  stack.push(e);
}
for (const e of mine) self.set(e.name, (self.get(e.name) || 0) + (e.dur - e.child) / 1000);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const sorted = frames.slice().sort((a, b) => a - b);
const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(`${which}${process.env.THROTTLE ? ` (CPU ÷${process.env.THROTTLE})` : ''}: ${frames.length} frames, p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms; main thread busy ${total.toFixed(0)} ms (${(total / frames.length).toFixed(1)} ms a frame)`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`${v.toFixed(1).padStart(8)} ms  ${(v / frames.length).toFixed(2).padStart(6)} ms/frame  ${k}`);
const layouts = mine.filter((e) => e.name === 'Layout' && e.args?.beginData);
if (layouts.length) {
  const avg = (f) => (layouts.reduce((s, e) => s + f(e), 0) / layouts.length).toFixed(0);
  console.log(`Layout events: ${layouts.length}, objects laid out (avg) ${avg((e) => e.args.beginData.dirtyObjects)} of ${avg((e) => e.args.beginData.totalObjects)}, ${avg((e) => e.dur)} µs each`);
}
console.log('rows drawn:', await page.locator(rowsSel).count());
await browser.close();
server.child.kill();
