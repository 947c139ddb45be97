// What V8 compiles in each task of a page load: a Chromium trace (1×, no
// CPU slowdown, Lighthouse's slow 4G link) of URL, then each main-thread
// task longer than MIN ms with the wasm functions it compiled lazily (V8
// compiles a wasm function the first time it runs), their compile time,
// and its style and layout time. Tracing makes every figure larger than
// an untraced load's: compare builds with it, not with other tools.
// Figures, never pass/fail.
// usage: node tools/compile-tasks.mjs URL [min ms=8]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [url, min = '8'] = process.argv.slice(2);
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-trace-')), 'trace.json');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ locale: 'en-US', viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
await browser.startTracing(page, { path: out, categories: ['devtools.timeline', 'blink', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile'] });
await page.goto(url);
await page.waitForTimeout(6000);
await browser.stopTracing();
await browser.close();

const trace = JSON.parse(fs.readFileSync(out, 'utf8'));
const events = trace.traceEvents ?? trace;
const threadName = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const [main] = [...threadName].find(([, name]) => name === 'CrRendererMain') ?? [];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// Top-level events are the tasks: each one not inside the one before.
const tasks = [];
let end = -1;
for (const e of onMain) {
  if (e.ts >= end) {
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
}
const t0 = tasks[0]?.ts ?? 0;
const ms = (us) => (us / 1000).toFixed(1);
let compiled = 0;
for (const task of tasks) {
  const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur);
  const lazy = inside.filter((e) => e.name === 'wasm.CompileLazy');
  compiled += lazy.length;
  if (task.dur < Number(min) * 1000) continue;
  const sum = (list) => list.reduce((s, e) => s + e.dur, 0);
  const layout = inside.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout');
  console.log(
    `${ms(task.ts - t0).padStart(8)} ms  ${ms(task.dur).padStart(5)} ms  wasm compiled: ${String(lazy.length).padStart(4)} functions, ${ms(sum(lazy)).padStart(5)} ms; style and layout ${ms(sum(layout))} ms`,
  );
}
console.log(`${compiled} wasm functions compiled lazily on the main thread`);
fs.rmSync(path.dirname(out), { recursive: true });
