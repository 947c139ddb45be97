import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';

// The page paints its frame and skeletons before the document arrives; when
// it comes, nothing in view may move (Lighthouse's Cumulative Layout Shift,
// target 0.02). The document is held until the loading state is painted, as
// a slow network would, then let through.

const ACTIVITY = '**/api/v1/customer-activity';

/** Records every layout shift of the page from its first paint. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
        if (e.hadRecentInput) continue;
        const sources = (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName)));
        w.__shifts.push({ value: e.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function shifts(page: Page) {
  // Two frames: the last layout is measured.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

for (const [name, viewport] of [
  ['a phone', { width: 412, height: 823 }],
  ['a desktop', { width: 1350, height: 940 }],
] as const) {
  test(`on ${name}, nothing in view moves when the document arrives`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await recordShifts(page);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(ACTIVITY, async (route) => {
      await held;
      await route.continue();
    });
    const ca = new CustomerActivityPage(page);
    await page.goto('/customer-activity');
    await expect(ca.heading).toBeVisible();
    await expect(ca.enterprise).toHaveAttribute('aria-busy', 'true');
    await expect(ca.addons).toHaveAttribute('aria-busy', 'true');
    await expect(ca.enterprise.locator('.skeleton .bone').first()).toBeVisible();
    // The skeletons have painted.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    release();
    await expect(ca.enterprise).toHaveAttribute('aria-busy', 'false');
    await expect(ca.addons).toHaveAttribute('aria-busy', 'false');
    await expect(ca.addons.getByRole('article').first()).toBeAttached();
    await expect(ca.enterprise.locator('.skeleton')).toHaveCount(0);
    const all = await shifts(page);
    const cls = all.reduce((s, e) => s + e.value, 0);
    expect(cls, `layout shifts: ${JSON.stringify(all)}`).toBeLessThanOrEqual(0.02);
  });
}

test('while loading, the regions are busy, say Loading, and hide their skeletons from assistive technology', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(ACTIVITY, async (route) => {
    await held;
    await route.continue();
  });
  const ca = new CustomerActivityPage(page);
  await page.goto('/customer-activity');
  for (const region of [ca.enterprise, ca.addons]) {
    await expect(region).toHaveAttribute('aria-busy', 'true');
    await expect(region.locator('.skeleton__shapes')).toHaveAttribute('aria-hidden', 'true');
    await expect(region.locator('.skeleton__shapes .bone').first()).toBeVisible();
    await expect(region.getByText('Loading…')).toBeAttached();
    // Nothing in a skeleton is a control, a link or a table.
    await expect(region.locator('.skeleton :is(select, input, button, a, table)')).toHaveCount(0);
  }
  await expect(page.locator('.as-of')).toHaveAttribute('aria-hidden', 'true');
  await expectNoAxeViolations(page);
  release();
  await expect(ca.enterprise).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await expect(page.locator('.as-of')).not.toHaveAttribute('aria-hidden', 'true');
});
