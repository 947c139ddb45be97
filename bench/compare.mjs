// Side-by-side benchmark (a command, not a test: it prints figures and never
// fails on speed): our grid (dist/, the drilldown of the 100,000-record
// bench-100k entitlement), AG Grid Community and a plain-JS TanStack floor
// (bench/out/), in one headless Chromium, interleaved, a fresh browser
// context per page and iteration. Writes bench/results.md and prints it.
// usage: node bench/compare.mjs   (run by scripts/bench-grid.sh; env ITER=7)
//
// How each figure is taken (the same way on the three pages):
// - bytes: the bodies of the JS, wasm and CSS responses a page loads (one
//   extra load per page), gzip -9 and brotli q11 computed here.
// - times are taken in the page (performance.now()): a MutationObserver
//   watches the grid and, once a frame, rAF → setTimeout(0) (which runs after
//   that frame has been painted) checks the page's state; "→ paint" is the
//   first such check after the last DOM change, once the state is the
//   expected one (rows present; the query taken in; header aria-sort set)
//   and 3 frames have passed with no further change. Start: navigation
//   start (load), the keydown event's timeStamp (filter), the click event's
//   timeStamp (sort).
// - scroll sweep: the grid's scroll element is moved top → bottom in
//   proportion to time over 2 s, one step per animation frame; frame time =
//   rAF-to-rAF interval; long tasks from PerformanceObserver('longtask').
// - memory: CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage
//   (usedSize: the V8 heap) and, for wasm, the byteLength of every
//   WebAssembly.Memory a page's instances export, found by an init script
//   that wraps WebAssembly.instantiate/instantiateStreaming (no change to
//   any page). Total = JS heap + wasm memory.
import { createRequire } from 'node:module';
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'e2e/package.json'));
const { chromium } = require('@playwright/test');

const ITER = Number(process.env.ITER || 7);
const KEYS = process.env.KEYS || ''; // the filter query typed one key at a time (default: chosen from the data)
const CYCLES = 10;

const PAGES = {
  ours: {
    name: 'ours (Leptos/wasm)',
    path: '/customer-activity/entitlements/bench-100k',
    rows: 'table[aria-label="Consumption details"] tbody tr:not(.spacer)',
    watch: '.grid',
    count: '.grid .grid-count',
    input: '.grid input[type=search]',
    applied: '.grid[data-q]',
    scroller: '.grid-scroll',
    header: (page, name) =>
      page.getByRole('table', { name: 'Consumption details' }).getByRole('button', { name, exact: true }),
  },
  aggrid: {
    name: 'AG Grid Community',
    path: '/bench/aggrid.html',
    rows: '#grid .ag-row',
    watch: '#grid .ag-grid-viewport',
    count: '#count',
    input: '#q',
    scroller: '#grid .ag-grid-viewport',
    header: (page, name) => page.getByRole('columnheader', { name, exact: true }),
  },
  floor: {
    name: 'TanStack floor (plain JS)',
    path: '/bench/floor.html',
    rows: 'table[aria-label="Consumption details"] tbody tr:not(.spacer)',
    watch: 'main',
    count: '#count',
    input: '#q',
    scroller: '#grid',
    header: (page, name) =>
      page.getByRole('table', { name: 'Consumption details' }).getByRole('button', { name, exact: true }),
  },
};
const ORDER = process.env.PAGES ? process.env.PAGES.split(',') : ['ours', 'aggrid', 'floor'];

// ---------------------------------------------------------------- in page
// Installed before any page script (addInitScript; CDP, so the page's CSP
// does not apply). `cfg` = { rows, watch, count }.
function instrument(cfg) {
  const B = (window.__bench = { cfg, longtasks: [], memories: [] });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      const r = await orig.apply(this, args);
      const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
      if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) B.memories.push(v);
      return r;
    };
  }
  B.wasmBytes = () => [...new Set(B.memories)].reduce((s, m) => s + m.buffer.byteLength, 0);
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('keydown', (e) => (B.t0 = e.timeStamp), true);
  addEventListener('click', (e) => (B.t0 = e.timeStamp), true);
  addEventListener('input', () => (B.inputs += 1), true);
  B.inputs = 0;

  // Resolves with the after-paint time of the frame that made the last DOM
  // change, once pred() holds and 3 frames passed without change.
  B.settle = (pred, { quietFrames = 3, timeout = 60000, first = false } = {}) =>
    new Promise((resolve) => {
      let mutated = true;
      let observed = null;
      const observe = () => {
        const el = document.querySelector(cfg.watch);
        if (el && el !== observed) {
          observed = el;
          mo.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
        }
      };
      const mo = new MutationObserver(() => (mutated = true));
      const start = performance.now();
      let cand = null;
      let quiet = 0;
      const check = () => {
        const now = performance.now();
        observe();
        const m = mutated;
        mutated = false;
        const ok = pred();
        if (!ok) {
          cand = null;
          quiet = 0;
        } else if (m || cand === null) {
          cand = now;
          quiet = 0;
        } else quiet++;
        if (cand !== null && (first || quiet >= quietFrames)) {
          mo.disconnect();
          resolve(cand);
        } else if (now - start > timeout) {
          mo.disconnect();
          resolve(null);
        } else requestAnimationFrame(() => setTimeout(check, 0));
      };
      requestAnimationFrame(() => setTimeout(check, 0));
    });
  B.rowCount = () => document.querySelectorAll(cfg.rows).length;
  B.countText = () => document.querySelector(cfg.count)?.textContent ?? '';
  // First rows painted: the first frame after which a row element exists.
  B.loaded = B.settle(() => B.rowCount() > 0, { first: true, timeout: 180000 });
  // Every record ready: rows shown and the grid's record count present (ours
  // shows the first rows of a long list while the rest loads, without the
  // count; the others show their rows and count together).
  B.ready = B.settle(() => B.rowCount() > 0 && B.countText().trim() !== '', { first: true, timeout: 180000 });
  // After an input: the page has taken in the query (its data-q, set by
  // the page once it has applied it: ours on the grid, which writes the
  // URL's q a frame later; the others on <html>) / a header
  // shows the sort; then the grid has stopped changing.
  B.applied = () => {
    const v = document.querySelector(cfg.input)?.value ?? '';
    const q = (cfg.applied ? document.querySelector(cfg.applied) : document.documentElement)?.dataset.q;
    return (q ?? '') === v;
  };
  B.arm = (kind, arg) => {
    B.t0 = null;
    const inputs = B.inputs;
    const pred =
      kind === 'filter'
        ? () => B.inputs > inputs && B.applied()
        : () =>
            [...document.querySelectorAll('[aria-sort="ascending"], [aria-sort="descending"]')].some(
              (e) => e.getAttribute('aria-sort') === arg.dir && e.textContent.trim().startsWith(arg.name),
            );
    B.pending = B.settle(pred, { timeout: 20000 }).then((t) => (t === null || B.t0 === null ? null : t - B.t0));
  };
  B.sweep = (sel, ms) =>
    new Promise((resolve) => {
      const el = document.querySelector(sel);
      el.scrollIntoView({ block: 'nearest' });
      el.scrollTop = 0;
      const max = el.scrollHeight - el.clientHeight;
      const lt0 = B.longtasks.length;
      const frames = [];
      let start = null;
      let last = null;
      const step = (now) => {
        if (start === null) start = now;
        if (last !== null) frames.push(now - last);
        last = now;
        const f = Math.min(1, (now - start) / ms);
        el.scrollTop = f * max;
        if (f < 1) requestAnimationFrame(step);
        else
          setTimeout(() => {
            const lt = B.longtasks.slice(lt0).filter(([s]) => s >= start - 50);
            resolve({ frames, longtasks: lt.length, longMs: lt.reduce((s, [, d]) => s + d, 0), end: el.scrollTop, max });
          }, 500);
      };
      requestAnimationFrame(() => requestAnimationFrame(step));
    });
}

// ---------------------------------------------------------------- helpers
const median = (a) => {
  const s = a.filter((x) => x != null && Number.isFinite(x)).sort((x, y) => x - y);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (a, p) => {
  const s = a.filter((x) => x != null && Number.isFinite(x)).sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForDist() {
  for (let i = 0; ; i++) {
    if (fs.existsSync(path.join(root, 'dist/index.html')) && fs.readdirSync(path.join(root, 'dist')).some((f) => f.endsWith('.wasm'))) return;
    if (i === 0) console.error('dist/ is missing (being rebuilt?); waiting…');
    if (i > 600) throw new Error('dist/ did not come back in 10 minutes');
    await sleep(1000);
  }
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.on('exit', (c) => reject(new Error(`serve.mjs exited (${c})`)));
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) {
        child.removeAllListeners('exit');
        resolve({ child, base: m[1] });
      }
    });
  });
}

// The query typed in Filter rows, one key at a time (a word of the titles).
async function chooseQuery() {
  return KEYS || 'timeout';
}

async function newPage(browser, key) {
  const cfg = PAGES[key];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  await context.addInitScript(instrument, { rows: cfg.rows, watch: cfg.watch, count: cfg.count, input: cfg.input, applied: cfg.applied });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${key}] page error: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, cfg };
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  return { js: h.usedSize, wasm, total: h.usedSize + wasm, nodes: dom.nodes };
}

// Bytes of JS, wasm and CSS one load of the page receives.
async function bytes(browser, base, key) {
  const { context, page } = await newPage(browser, key);
  const bodies = [];
  page.on('response', (r) => {
    const ct = (r.headers()['content-type'] || '').split(';')[0];
    const u = new URL(r.url()).pathname;
    const kind = /wasm/.test(ct) || u.endsWith('.wasm') ? 'wasm' : /javascript/.test(ct) || /\.m?js$/.test(u) ? 'js' : /css/.test(ct) || u.endsWith('.css') ? 'css' : null;
    if (kind) bodies.push(r.body().then((b) => ({ kind, url: u, b })).catch(() => null));
  });
  await page.goto(base + PAGES[key].path);
  await page.evaluate(() => window.__bench.loaded);
  await sleep(500);
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  const sum = { raw: 0, gzip: 0, br: 0, codeBr: 0, codeRaw: 0, files: [] };
  for (const { kind, url, b } of files) {
    const gz = zlib.gzipSync(b, { level: 9 }).length;
    const br = zlib.brotliCompressSync(b, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
    }).length;
    sum.raw += b.length;
    sum.gzip += gz;
    sum.br += br;
    if (kind !== 'css') {
      sum.codeBr += br;
      sum.codeRaw += b.length;
    }
    sum.files.push({ kind, url, raw: b.length, gz, br });
  }
  return sum;
}

// One fresh context: load, filter, sort, memory, scroll, cycles.
async function run(browser, base, key, query) {
  if (key === 'ours') await waitForDist();
  const { context, page, cdp, cfg } = await newPage(browser, key);
  const r = {};
  try {
    await page.goto(base + cfg.path, { timeout: 180000 });
    r.load = await page.evaluate(() => window.__bench.loaded);
    r.ready = await page.evaluate(() => window.__bench.ready);
    // When the 100,000 records had arrived (the same request on every page).
    r.dataEnd = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((x) => x.name.includes('/entitlements/bench-100k/activity'));
      return e ? e.responseEnd : null;
    });
    r.afterData = r.ready != null && r.dataEnd != null ? r.ready - r.dataEnd : null;
    await sleep(1000); // let the page finish what it does after its first rows
    // Long tasks from navigation to a second after every record was ready.
    [r.loadLongest, r.loadLongMs] = await page.evaluate(() => {
      const d = window.__bench.longtasks.map(([, d]) => d);
      return [Math.max(0, ...d), d.reduce((s, x) => s + x, 0)];
    });
    r.rows = await page.evaluate(() => window.__bench.rowCount());
    r.memLoad = await memory(page, cdp);

    const box = page.getByLabel('Filter rows');
    await box.focus();
    r.filter = [];
    for (const ch of query) {
      await page.evaluate(() => window.__bench.arm('filter'));
      await page.keyboard.press(ch);
      r.filter.push(await page.evaluate(() => window.__bench.pending));
    }
    r.filterCount = await page.evaluate(() => window.__bench.countText());
    await page.evaluate(() => window.__bench.arm('filter'));
    await box.fill('');
    await page.evaluate(() => window.__bench.pending);

    const sortBy = async (name) => {
      await page.evaluate((a) => window.__bench.arm('sort', a), { name, dir: 'ascending' });
      await cfg.header(page, name).click();
      return page.evaluate(() => window.__bench.pending);
    };
    r.sortNum = await sortBy('Hours');
    r.sortText = await sortBy('Title');

    const sw = await page.evaluate((sel) => window.__bench.sweep(sel, 2000), cfg.scroller);
    r.frameP95 = pct(sw.frames, 95);
    r.frameMax = Math.max(...sw.frames);
    r.frames = sw.frames.length;
    r.longtasks = sw.longtasks;
    r.longMs = sw.longMs;
    r.reachedEnd = sw.end >= sw.max - 2;
    await page.evaluate((sel) => (document.querySelector(sel).scrollTop = 0), cfg.scroller);

    // 10 filter/sort cycles: a word typed at once, cleared, a header clicked.
    const heads = ['Created', 'Product', 'Hours', 'Case number', 'Title'];
    for (let c = 0; c < CYCLES; c++) {
      await page.evaluate(() => window.__bench.arm('filter'));
      await box.fill(query.slice(0, 3 + (c % 3)));
      await page.evaluate(() => window.__bench.pending);
      await page.evaluate(() => window.__bench.arm('filter'));
      await box.fill('');
      await page.evaluate(() => window.__bench.pending);
      const name = heads[c % heads.length];
      await page.evaluate((a) => window.__bench.arm('sort', a), { name, dir: 'ascending' });
      await cfg.header(page, name).click();
      if ((await page.evaluate(() => window.__bench.pending)) === null) {
        // already ascending on this column: a second click sorts descending
        await page.evaluate((a) => window.__bench.arm('sort', a), { name, dir: 'descending' });
        await cfg.header(page, name).click();
        await page.evaluate(() => window.__bench.pending);
      }
    }
    r.memCycles = await memory(page, cdp);
  } catch (e) {
    console.error(`[${key}] ${e.message.split('\n')[0]}`);
    r.error = e.message.split('\n')[0];
  }
  await context.close();
  return r;
}

// ---------------------------------------------------------------- main
await waitForDist();
const server = await startServer();
const stop = () => server.child.kill();
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
const base = server.base;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const version = browser.version();
const query = await chooseQuery();
console.error(`Chromium ${version}; ${ITER} iterations; filter query typed: "${query}"`);

const size = {};
for (const k of ORDER) size[k] = await bytes(browser, base, k);

const runs = Object.fromEntries(ORDER.map((k) => [k, []]));
for (let i = 0; i < ITER; i++) {
  const order = ORDER.map((_, j) => ORDER[(i + j) % ORDER.length]); // rotate who goes first
  for (const k of order) {
    const r = await run(browser, base, k, query);
    runs[k].push(r);
    const f = (x) => (x == null ? '–' : x.toFixed(0));
    console.error(
      `#${i + 1} ${k.padEnd(6)} load ${f(r.load)} ms, ready ${f(r.ready)} ms (data at ${f(r.dataEnd)})  filter ${(r.filter || []).map(f).join('/')} ms  sort ${f(r.sortNum)}/${f(r.sortText)} ms  ` +
        `longest task ${f(r.loadLongest)} ms  frame p95 ${f(r.frameP95)} max ${f(r.frameMax)} ms  heap ${f(r.memLoad?.js / 1048576)}+${f(r.memLoad?.wasm / 1048576)} MB  rows ${r.rows}` +
        (r.error ? `  ERROR ${r.error}` : ''),
    );
  }
}
await browser.close();
stop();

// ---------------------------------------------------------------- report
const S = {};
for (const k of ORDER) {
  const rs = runs[k].filter((r) => !r.error);
  const all = (f) => rs.map(f);
  const filt = rs.flatMap((r) => r.filter);
  S[k] = {
    raw: size[k].raw / 1024,
    gzip: size[k].gzip / 1024,
    br: size[k].br / 1024,
    codeBr: size[k].codeBr / 1024,
    load: median(all((r) => r.load)),
    ready: median(all((r) => r.ready)),
    dataEnd: median(all((r) => r.dataEnd)),
    afterData: median(all((r) => r.afterData)),
    loadLongest: median(all((r) => r.loadLongest)),
    loadLongMs: median(all((r) => r.loadLongMs)),
    filterMed: median(filt),
    filterP95: pct(filt, 95),
    sortNum: median(all((r) => r.sortNum)),
    sortText: median(all((r) => r.sortText)),
    frameP95: median(all((r) => r.frameP95)),
    frameMax: median(all((r) => r.frameMax)),
    longtasks: median(all((r) => r.longtasks)),
    longMs: median(all((r) => r.longMs)),
    jsLoad: median(all((r) => r.memLoad.js)) / 1048576,
    wasmLoad: median(all((r) => r.memLoad.wasm)) / 1048576,
    memLoad: median(all((r) => r.memLoad.total)) / 1048576,
    jsCyc: median(all((r) => r.memCycles.js)) / 1048576,
    wasmCyc: median(all((r) => r.memCycles.wasm)) / 1048576,
    memCyc: median(all((r) => r.memCycles.total)) / 1048576,
    rows: median(all((r) => r.rows)),
    nodes: median(all((r) => r.memLoad.nodes)),
    n: rs.length,
    filterN: filt.filter((x) => x != null).length,
    missed: filt.filter((x) => x == null).length + rs.filter((r) => r.sortNum == null || r.sortText == null).length,
  };
}
if (process.env.PAGES) {
  // A probe of some pages only (PAGES=ours): figures printed, results.md untouched.
  console.table(Object.fromEntries(Object.entries(S).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([m, x]) => [m, typeof x === 'number' ? Math.round(x * 10) / 10 : x]))])));
  process.exit(0);
}
const rows = [
  ['JS+wasm+CSS shipped, raw (KB)', 'raw', 0],
  ['JS+wasm+CSS shipped, gzip -9 (KB)', 'gzip', 0],
  ['JS+wasm+CSS shipped, brotli q11 (KB)', 'br', 0],
  ['JS+wasm only, brotli q11 (KB)', 'codeBr', 0],
  ['load → first rows painted (ms)', 'load', 0],
  ['load → every record ready: rows and count (ms)', 'ready', 0],
  ['↳ navigation → 100k-record response complete (ms)', 'dataEnd', 0],
  ['↳ response complete → every record ready (ms)', 'afterData', 0],
  ['load: longest task, until 1 s after every record ready (ms)', 'loadLongest', 0],
  ['load: long tasks, total ms over the same time', 'loadLongMs', 0],
  ['filter keystroke → paint, median (ms)', 'filterMed', 1],
  ['filter keystroke → paint, p95 (ms)', 'filterP95', 1],
  ['sort by number (Hours) → paint (ms)', 'sortNum', 0],
  ['sort by text (Title) → paint (ms)', 'sortText', 0],
  ['scroll sweep: frame time p95 (ms)', 'frameP95', 1],
  ['scroll sweep: frame time max (ms)', 'frameMax', 1],
  ['scroll sweep: long tasks (count)', 'longtasks', 0],
  ['scroll sweep: long tasks (total ms)', 'longMs', 0],
  ['JS heap after load (MB)', 'jsLoad', 1],
  ['wasm memory after load (MB)', 'wasmLoad', 1],
  ['JS heap + wasm after load (MB)', 'memLoad', 1],
  ['JS heap after 10 filter/sort cycles (MB)', 'jsCyc', 1],
  ['wasm memory after 10 cycles (MB)', 'wasmCyc', 1],
  ['JS heap + wasm after 10 cycles (MB)', 'memCyc', 1],
  ['row elements in the DOM', 'rows', 0],
  ['DOM nodes (whole page, after load)', 'nodes', 0],
];
const fmt = (v, d) => (v == null ? '–' : v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
let md = `# Grid benchmark: ours vs AG Grid Community vs a TanStack floor\n\n`;
md += `Generated by \`bash scripts/bench-grid.sh\` (bench/compare.mjs) — printed figures, not a test. `;
md += `100,000 supportRequest records (demo backend \`--bench\`, entitlement \`bench-100k\`), 9 columns, 41 px rows, `;
md += `a 560 px scroll area, 1280×900 window. Medians of ${ITER} iteration(s) per page, interleaved, a fresh browser context each; `;
md += `filter figures pool every keystroke of every iteration (the query "${query}" typed one key at a time).\n\n`;
md += `- date: ${new Date().toISOString()}\n`;
md += `- machine: nproc ${execSync('nproc').toString().trim()}, ${os.cpus()[0]?.model?.trim() || 'cpu ?'}; free -h: \`${execSync('free -h | sed -n 2p').toString().trim().replace(/\s+/g, ' ')}\`\n`;
md += `- browser: headless Chromium ${version} (/usr/bin/chromium, --no-sandbox --disable-gpu), Playwright ${require('@playwright/test/package.json').version}\n`;
md += `- pages: ours = dist/ (release build) at ${PAGES.ours.path}; AG Grid Community ${JSON.parse(fs.readFileSync(path.join(here, 'node_modules/ag-grid-community/package.json'))).version} `;
md += `(ClientSideRowModelModule, QuickFilterModule, RowApiModule; animateRows off, cacheQuickFilter on); floor = @tanstack/table-core ${JSON.parse(fs.readFileSync(path.join(here, 'node_modules/@tanstack/table-core/package.json'))).version} + `;
md += `@tanstack/virtual-core ${JSON.parse(fs.readFileSync(path.join(here, 'node_modules/@tanstack/virtual-core/package.json'))).version}, bundled by esbuild (minified)\n\n`;
md += `| metric | ours | AG Grid | floor | ours / AG | floor / AG |\n|---|--:|--:|--:|--:|--:|\n`;
for (const [label, key, d] of rows) {
  const [o, a, f] = ORDER.map((k) => S[k][key]);
  md += `| ${label} | ${fmt(o, d)} | ${fmt(a, d)} | ${fmt(f, d)} | ${ratio(o, a)} | ${ratio(f, a)} |\n`;
}
md += `\nSamples: ${ORDER.map((k) => `${k} ${S[k].n} run(s), ${S[k].filterN} keystrokes${S[k].missed ? `, ${S[k].missed} not measured` : ''}`).join('; ')}.\n`;
md += `Files counted: ${ORDER.map((k) => `${k}: ${size[k].files.map((x) => `${path.basename(x.url)} ${(x.br / 1024).toFixed(1)} KB br`).join(', ')}`).join('; ')}.\n`;

const o = S.ours, a = S.aggrid, f = S.floor;
const t = (ok) => (ok == null ? 'n/a' : ok ? '**meets**' : '**misses**');
const lt = (x, y) => (x == null || y == null ? null : x <= y);
md += `\n## Targets (ours)\n\n| target | figure | |\n|---|---|---|\n`;
md += `| initial JS+wasm ≤ 200 KB brotli | ${fmt(o.codeBr, 0)} KB | ${t(lt(o.codeBr, 200))} |\n`;
md += `| load ≤ 0.5× AG Grid | ${ratio(o.load, a.load)} (${fmt(o.load, 0)} vs ${fmt(a.load, 0)} ms) | ${t(lt(o.load, 0.5 * a.load))} |\n`;
md += `| (every record ready ≤ 0.5× AG Grid, for reference) | ${ratio(o.ready, a.ready)} (${fmt(o.ready, 0)} vs ${fmt(a.ready, 0)} ms) | ${t(lt(o.ready, 0.5 * a.ready))} |\n`;
md += `| (ready after the data arrived ≤ 0.5× AG Grid, for reference) | ${ratio(o.afterData, a.afterData)} (${fmt(o.afterData, 0)} vs ${fmt(a.afterData, 0)} ms) | ${t(lt(o.afterData, 0.5 * a.afterData))} |\n`;
md += `| filter p95 ≤ 50 ms | ${fmt(o.filterP95, 1)} ms | ${t(lt(o.filterP95, 50))} |\n`;
md += `| filter p95 ≤ 1.0× floor | ${ratio(o.filterP95, f.filterP95)} (floor ${fmt(f.filterP95, 1)} ms) | ${t(lt(o.filterP95, f.filterP95))} |\n`;
md += `| sort by number ≤ 0.5× AG Grid | ${ratio(o.sortNum, a.sortNum)} | ${t(lt(o.sortNum, 0.5 * a.sortNum))} |\n`;
md += `| sort by text ≤ 0.5× AG Grid | ${ratio(o.sortText, a.sortText)} | ${t(lt(o.sortText, 0.5 * a.sortText))} |\n`;
md += `| scroll frame p95 ≤ 18 ms | ${fmt(o.frameP95, 1)} ms | ${t(lt(o.frameP95, 18))} |\n`;
md += `| memory after load ≤ 1.0× AG Grid | ${ratio(o.memLoad, a.memLoad)} | ${t(lt(o.memLoad, a.memLoad))} |\n`;
md += `\nNotes: our page is the whole drilldown (header, totals, chart, grid), the others a bare grid; its grid sits below the fold, and the sweep first scrolls it into view. `;
md += `The ↳ rows are medians of their own (they need not add up to the load median). Memory is the page's (all of it), V8 heap after forced GC plus wasm linear memory, which never shrinks. The machine is shared (2 cores, other work running): figures are noisy. Where our time goes: bench/profile-ours.md (bench/profile.mjs).\n`;
md += `
## Method

- **Bytes**: the bodies of every JS, wasm and CSS response of one load of each page (Playwright \`response.body()\`), compressed here with gzip -9 and brotli q11 (the servers send them uncompressed on loopback). Ours includes the loader, the wasm-bindgen glue and all its stylesheets; AG Grid's CSS is injected by its JS (theming API).
- **Times** are taken inside the page with \`performance.now()\`: a MutationObserver watches the grid, and once per frame a \`requestAnimationFrame → setTimeout(0)\` check (it runs after that frame is painted) tests the expected state: rows present (load); the query taken in (\`data-q\`, which each page sets once the filter is applied: ours on the grid, the others on \`<html>\`; ours writes the URL's \`q\` a frame later); the header's \`aria-sort\` (sort). The figure is the first such check after the last DOM change, confirmed by 3 quiet frames. Starts: navigation start (load), the \`keydown\` event's \`timeStamp\` (filter: the query typed one key at a time with \`keyboard.press\`), the \`click\` event's \`timeStamp\` (sort: a click on the header, Hours then Title).
- **Load split**: "first rows painted" is the first frame with a row; "every record ready" the first frame with rows and the grid's record count (ours shows the first 30 rows of a body over 4 MB while the rest streams in, and its count only once every record is in; AG Grid and the floor show both at once). The Resource Timing \`responseEnd\` of the 100,000-record request; "response complete → every record ready" is what is left of decoding, building the model and rendering once the last byte is in (ours decodes while the body downloads, so its responseEnd already includes most of its decoding). "Load: longest task" is the longest \`longtask\` entry (main-thread work of 50 ms or more, which delays input) from navigation to a second after every record was ready, the wasm's compilation included; the total sums them.
- **Scroll sweep**: the grid's scroll element (ours \`.grid-scroll\`, AG \`.ag-grid-viewport\`, floor \`#grid\`) is scrolled into view, then \`scrollTop\` moves top → bottom in proportion to elapsed time over 2 s, once per animation frame (~120 steps of ~34,000 px: every frame shows new rows); frame time = interval between rAF callbacks; long tasks from \`PerformanceObserver({type: 'longtask'})\`. Per-run p95 and max, median over runs.
- **Memory**: CDP \`HeapProfiler.collectGarbage\` (twice), then \`Runtime.getHeapUsage\` \`usedSize\` (the page's V8 heap); wasm = the \`byteLength\` of every \`WebAssembly.Memory\` exported by the page's wasm instances, found by an init script that wraps \`WebAssembly.instantiate\`/\`instantiateStreaming\` (the pages are not changed). \`performance.measureUserAgentSpecificMemory\` needs cross-origin isolation and reports late, so it is not used. "After 10 cycles": 10 × (a 3–5-letter query filled, cleared, a header clicked). DOM nodes: CDP \`Memory.getDOMCounters\`.
- **Rows**: elements matching each grid's row selector (ours/floor \`tbody tr:not(.spacer)\`, AG \`.ag-row\`) after load.
- Same data on all three: one request to \`/api/v1/entitlements/bench-100k/activity\` (36 MB of JSON, served by the demo backend through bench/serve.mjs); our page also loads \`/api/v1/me\` and \`/api/v1/customer-activity\` as it always does.
`;
fs.writeFileSync(path.join(here, 'results.md'), md);
fs.writeFileSync(path.join(here, 'out', 'runs.json'), JSON.stringify({ size, runs, S }, null, 1));
console.log(md);
