import { test, expect } from '../fixtures';
import { DrilldownPage } from '../pages/drilldown';
import { partFiles } from '../support/data';

// public/boot.js asks for /me at once and, once it says the user may open
// the page, for the document and a drilldown's records, while the
// WebAssembly downloads: the page then takes those responses instead of
// asking again (src/platform.rs take_early). Each is asked exactly once.

const ID = 'e-cu-reactive';

test('the document and the records are asked while the wasm downloads, each once', async ({ page, apiCalls }) => {
  let wasmHeld = 0;
  const asked: Record<string, number> = {};
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) asked[path] ??= Date.now();
  });
  await page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    wasmHeld = Date.now();
    await route.continue();
  });
  const d = new DrilldownPage(page);
  await d.goto(ID);
  await d.loaded();
  expect(wasmHeld).toBeGreaterThan(0);
  for (const path of ['/api/v1/me', '/api/v1/customer-activity', `/api/v1/entitlements/${ID}/activity`]) {
    expect(asked[path], `${path} asked before the wasm arrived`).toBeLessThan(wasmHeld);
    expect(apiCalls.filter((p) => p === path), `${path} asked once`).toHaveLength(1);
  }
});

// A tile's list and the additional cases are a wasm part (`pages`): on their
// address boot.js preloads it beside the main module, and the parts' loader
// takes the preloaded responses; the landing page never needs it.
test("a tile's list: its part downloads while the main module does, each file once; the landing page never asks for it", async ({ page, request }) => {
  const files = await partFiles(request, 'pages');
  expect(files.length).toBeGreaterThan(0);
  const asked: Record<string, number[]> = {};
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.slice(1);
    if (file.endsWith('.wasm')) (asked[file] ??= []).push(Date.now());
  });
  let mainHeld = 0;
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    mainHeld = Date.now();
    await route.continue();
  });
  await page.goto('/customer-activity/tiles/support-as-needed?workspace=all');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support As Needed');
  await expect(page.getByRole('table', { name: 'Entitlements' })).toBeVisible();
  expect(mainHeld).toBeGreaterThan(0);
  for (const f of files) {
    expect(asked[f], `${f} asked`).toBeDefined();
    expect(asked[f], `${f} asked once`).toHaveLength(1);
    expect(asked[f][0], `${f} asked before the main module arrived`).toBeLessThan(mainHeld);
  }

  // The landing page, in a new tab: none of them.
  const landing = await page.context().newPage();
  const seen: string[] = [];
  landing.on('request', (r) => seen.push(new URL(r.url()).pathname.slice(1)));
  await landing.goto('/customer-activity');
  await expect(landing.getByRole('heading', { level: 1, name: 'Customer Activity' })).toBeVisible();
  await expect(landing.locator('[aria-busy="true"]')).toHaveCount(0);
  await landing.waitForTimeout(300);
  expect(seen.some((f) => f.endsWith('_bg.wasm')), 'the main module was fetched').toBe(true);
  expect(seen.filter((f) => files.includes(f) && !f.includes('-shared-'))).toEqual([]);
  expect(await landing.locator('link[rel="preload"][href*="-pages-"]').count()).toBe(0);
});

test.describe('a failed early request', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('Retry asks again, never reusing an early response', async ({ page, apiCalls }) => {
    let fail = true;
    await page.route('**/api/v1/customer-activity', (route) =>
      fail ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"title":"Internal Server Error","status":500}' }) : route.continue(),
    );
    await page.goto('/customer-activity');
    const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
    await expect(alert).toHaveCount(1);
    fail = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(apiCalls.filter((p) => p === '/api/v1/customer-activity')).toHaveLength(2);
  });
});

test.describe('for a user without access', () => {
  test.use({ persona: 'no-access' });

  test('nothing but /me is asked', async ({ page, apiCalls }) => {
    await page.goto(`/customer-activity/entitlements/${ID}`);
    await expect(page.getByRole('heading', { level: 1, name: "You don't have access to Customer Activity" })).toBeVisible();
    await page.waitForTimeout(300);
    expect(apiCalls.filter((p) => p !== '/api/v1/me' && !p.startsWith('/api/v1/demo'))).toEqual([]);
  });
});

// The views below /customer-activity share one gate: moving between them,
// by links and by Back and Forward, never asks for the user or the document
// again, and a view that is going away never loads with the next one's
// parameter (a drilldown left for a tile's list asks for no other records).
test('moving between views and back asks for /me and the document once, and only the records of the drilldown shown', async ({ page, apiCalls }) => {
  await page.goto('/customer-activity?workspace=all');
  const tile = page.locator('a[href*="/customer-activity/tiles/"]').first();
  const title = (await tile.locator('h3').textContent())!.trim();
  await tile.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const link = page.locator('main a[href*="/customer-activity/entitlements/"]').first();
  const name = (await link.textContent())!.trim();
  const id = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname.split('/').pop()!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await new DrilldownPage(page).loaded();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Activity');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('table', { name: 'Entitlements' })).toBeVisible();
  expect(apiCalls.filter((p) => p === '/api/v1/me'), '/me asked once').toHaveLength(1);
  expect(apiCalls.filter((p) => p === '/api/v1/customer-activity'), 'the document asked once').toHaveLength(1);
  expect(apiCalls.filter((p) => p.startsWith('/api/v1/entitlements/'))).toEqual([`/api/v1/entitlements/${id}/activity`]);
});
