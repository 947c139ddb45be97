// Where our page's time goes (a command, not a test): one load of the
// bench-100k drilldown with the V8 sampling profiler on (CDP Profiler), then
// the first three filter keystrokes, a sort by number and a sort by text, each
// profiled alone. Prints, per phase, the wall time, the self time by kind
// (wasm, JS, GC, the browser's own work: "(program)" = style, layout, paint,
// parsing…) and the functions with the most self time; for the load, the
// resource timings (wasm, API response) too. Saves the .cpuprofile files in
// bench/out/ (open them in DevTools → Performance).
// usage: node bench/profile.mjs [aggrid|floor]   (default: ours)
//   env DIST=dir serves another build of our page at / (e.g. one whose wasm
//   keeps its name section, so wasm functions show by name).
import fs from 'node:fs';
import path from 'node:path';
import { here, PAGES, startServer, openPage, sweep } from './harness.mjs';

const which = process.argv[2] || 'ours';
const { url, rows: rowsSel } = PAGES[which];
const server = await startServer();
const { browser, context, page } = await openPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
fs.mkdirSync(path.join(here, 'out'), { recursive: true });

// Self time per function and per kind, from a CPU profile.
function summarize(name, profile, wall) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const kinds = { wasm: 0, js: 0, gc: 0, program: 0, idle: 0 };
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const cf = n.callFrame;
    const fn = cf.functionName || '(anonymous)';
    const file = cf.url ? path.basename(new URL(cf.url, 'http://x').pathname) : '';
    const kind =
      fn === '(garbage collector)' ? 'gc'
      : fn === '(idle)' ? 'idle'
      : fn === '(program)' || fn === '(root)' ? 'program'
      : file.endsWith('.wasm') || cf.url.startsWith('wasm://') || /^\$|^wasm-function/.test(fn) ? 'wasm'
      : 'js';
    kinds[kind] += dt;
    const key = `${fn}${file ? ` (${file})` : ''}`;
    self.set(key, (self.get(key) || 0) + dt);
  }
  const busy = kinds.wasm + kinds.js + kinds.gc + kinds.program;
  let out = `\n### ${name}: ${wall.toFixed(0)} ms wall\n\n`;
  out += `self time: wasm ${kinds.wasm.toFixed(0)} ms, JS ${kinds.js.toFixed(0)} ms, GC ${kinds.gc.toFixed(0)} ms, browser (program) ${kinds.program.toFixed(0)} ms, idle ${kinds.idle.toFixed(0)} ms (busy ${busy.toFixed(0)} ms)\n\n`;
  out += `| function (self) | ms | % of busy |\n|---|--:|--:|\n`;
  for (const [k, v] of [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    out += `| ${k.replace(/\|/g, '\\|').slice(0, 90)} | ${v.toFixed(1)} | ${((100 * v) / busy).toFixed(1)} |\n`;
  }
  fs.writeFileSync(path.join(here, 'out', `${which}-${name.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile));
  return out;
}

async function profiled(name, fn) {
  await cdp.send('Profiler.start');
  const t = Date.now();
  await fn();
  const wall = Date.now() - t;
  const { profile } = await cdp.send('Profiler.stop');
  return summarize(name, profile, wall);
}

// After an action: wait until the grid has changed and 3 frames passed quietly.
const quiet = () =>
  page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        let changed = false;
        let q = 0;
        const mo = new MutationObserver(() => (changed = true));
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const tick = () => {
          if (changed) {
            changed = false;
            q = 0;
          } else q++;
          if (q >= 3 && document.querySelector(sel)) {
            mo.disconnect();
            resolve();
          } else requestAnimationFrame(() => setTimeout(tick, 0));
        };
        requestAnimationFrame(() => setTimeout(tick, 0));
      }),
    rowsSel,
  );

let md = `## Profile of ${which} (${url})\n`;
md += await profiled('load to first rows', async () => {
  await page.goto(server.base + url);
  await page.locator(rowsSel).first().waitFor({ timeout: 180000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
});
if (which === 'ours')
  md += await profiled('first rows to every record ready (the count shown)', async () => {
    await page.getByText(/^100,000 records$/).waitFor({ timeout: 180000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  });
const timing = await page.evaluate(() => {
  const r = performance.getEntriesByType('resource').map((e) => ({
    name: new URL(e.name).pathname,
    start: e.startTime,
    responseStart: e.responseStart,
    end: e.responseEnd,
    size: e.encodedBodySize,
  }));
  const nav = performance.getEntriesByType('navigation')[0];
  return { r, dcl: nav.domContentLoadedEventEnd, now: performance.now() };
});
md += `\nresource timing (ms from navigation start): DOMContentLoaded ${timing.dcl.toFixed(0)}\n\n| resource | start | first byte | end | bytes |\n|---|--:|--:|--:|--:|\n`;
for (const e of timing.r.filter((e) => /\.(wasm|js)$|\/api\//.test(e.name)))
  md += `| ${e.name} | ${e.start.toFixed(0)} | ${e.responseStart.toFixed(0)} | ${e.end.toFixed(0)} | ${e.size.toLocaleString('en-US')} |\n`;
await page.waitForTimeout(1500);

const box = page.getByLabel('Filter rows');
await box.focus();
md += await profiled('first filter keystroke ("t")', async () => {
  await page.keyboard.press('t');
  await quiet();
});
md += await profiled('second filter keystroke ("i")', async () => {
  await page.keyboard.press('i');
  await quiet();
});
md += await profiled('third filter keystroke ("m")', async () => {
  await page.keyboard.press('m');
  await quiet();
});
await box.fill('');
await quiet();
const header = (name) =>
  which === 'aggrid'
    ? page.getByRole('columnheader', { name, exact: true })
    : page.getByRole('table', { name: 'Consumption details' }).getByRole('button', { name, exact: true });
md += await profiled('sort by number (Hours)', async () => {
  await header('Hours').click();
  await quiet();
});
md += await profiled('sort by text (Title)', async () => {
  await header('Title').click();
  await quiet();
});
const { scroller } = PAGES[which];
md += await profiled('scroll sweep (2 s, top to bottom)', () => sweep(page, scroller));
await browser.close();
server.child.kill();
console.log(md);
