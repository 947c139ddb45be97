import { expect } from '@playwright/test';
import { test } from '../fixtures';

// The demo backend serving the real release build (dist/) to a real browser:
// what a host must get right for cacheable assets (demo-server/ has the
// unit and socket tests).

// Trunk's content hash in a file name: name-<16+ hex>.ext or name-<hex>_bg.wasm.
const HASHED = /-[0-9a-f]{16,}[._]/i;

test('the page loads compressed, with the wasm as application/wasm and caching by kind of file', async ({ page, baseURL }) => {
  const seen: { path: string; type: string; encoding: string; cache: string }[] = [];
  page.on('response', async (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(baseURL!).origin || u.pathname.startsWith('/api/')) return;
    const h = await r.allHeaders();
    seen.push({ path: u.pathname, type: h['content-type'] ?? '', encoding: h['content-encoding'] ?? '', cache: h['cache-control'] ?? '' });
  });
  await page.goto('/customer-activity');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity' })).toBeVisible();
  const wasm = seen.find((s) => s.path.endsWith('.wasm'));
  expect(wasm, 'the wasm was downloaded').toBeTruthy();
  expect(wasm!.type).toBe('application/wasm');
  expect(wasm!.encoding).toBe('br');
  for (const s of seen) {
    const name = s.path.split('/').pop() || 'index.html';
    const entry = ['index.html', 'boot.js', 'embed.js'].includes(name) || name.startsWith('favicon') || s.path === '/customer-activity';
    const want = !entry && HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
    expect(s.cache, s.path).toBe(want);
  }
});

test('index.html revalidates: its ETag answers 304', async ({ request }) => {
  const first = await request.get('/customer-activity/tiles/support-as-needed');
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toBe('no-cache');
  const etag = first.headers()['etag'];
  expect(etag).toBeTruthy();
  const again = await request.get('/', { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
});

test('an unknown persona is a 400 listing the known ones', async ({ request }) => {
  const res = await request.get('/api/v1/me', { headers: { 'x-demo-persona': 'nobody' } });
  expect(res.status()).toBe(400);
  expect(res.headers()['content-type']).toBe('application/problem+json');
  const body = (await res.json()) as { personas: string[] };
  expect(body.personas).toContain('customer-admin');
});
