// What the single-page bench commands (profile.mjs, trace-scroll.mjs) share:
// the pages' URLs and row selectors, bench/serve.mjs started on a free port
// (killed on exit), and Debian's Chromium launched the way the e2e suite
// does.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'e2e/package.json'));
const { chromium } = require('@playwright/test');

export const PAGES = {
  ours: { url: '/customer-activity/entitlements/bench-100k', rows: 'table[aria-label="Consumption details"] tbody tr:not(.spacer)', scroller: '.grid-scroll' },
  aggrid: { url: '/bench/aggrid.html', rows: '#grid .ag-row', scroller: '#grid .ag-grid-viewport' },
  floor: { url: '/bench/floor.html', rows: 'table[aria-label="Consumption details"] tbody tr:not(.spacer)', scroller: '#grid' },
};

/** Starts bench/serve.mjs (env DIST, DEMO_SERVER as there); resolves to { child, base }. */
export async function startServer() {
  const server = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let buf = '';
    child.on('exit', (c) => reject(new Error(`serve.mjs exited (${c})`)));
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) resolve({ child, base: m[1] });
    });
  });
  process.on('exit', () => server.child.kill());
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  return server;
}

/** Headless Chromium, and a 1280×900 en-US page in a fresh context. */
export async function openPage() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  return { browser, context, page };
}

/**
 * The scroll sweep of bench/compare.mjs: the grid's scroller scrolled into
 * view, then moved top to bottom over 2 s, once per animation frame.
 * Resolves to the intervals between frames (ms).
 */
export function sweep(page, scroller) {
  return page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        const el = document.querySelector(sel);
        el.scrollIntoView({ block: 'nearest' });
        el.scrollTop = 0;
        const max = el.scrollHeight - el.clientHeight;
        const frames = [];
        let start = null;
        let last = null;
        const step = (now) => {
          start ??= now;
          if (last !== null) frames.push(now - last);
          last = now;
          const f = Math.min(1, (now - start) / 2000);
          el.scrollTop = f * max;
          if (f < 1) requestAnimationFrame(step);
          else setTimeout(() => resolve(frames), 300);
        };
        requestAnimationFrame(() => requestAnimationFrame(step));
      }),
    scroller,
  );
}
