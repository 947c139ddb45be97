import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';
import { DRILLDOWN_EN, DRILLDOWN_IT, DrilldownPage } from '../pages/drilldown';
import { RECORD_TYPES, type RecordType, TILE_GROUPS, activeContracts, entitlementPerRecordType, groupEntitlements, loadData, selectedWorkspaces, todayIn } from '../support/data';

/** Waits until nothing is busy any more (the regions load). */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

for (const locale of ['en-US', 'it-IT']) {
  const D = locale === 'it-IT' ? DRILLDOWN_IT : DRILLDOWN_EN;

  test.describe(`axe in ${locale}`, () => {
    test.use({ locale });

    test('the shell, with the Manage menu closed and open', async ({ page }) => {
      await page.goto('/');
      await settled(page);
      await expect(page.getByRole('navigation').first().getByRole('button')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('navigation').first().getByRole('button').first().click();
      await expect(page.getByRole('menuitem').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('Customer Activity, wide', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/customer-activity?status=all');
      await settled(page);
      await expect(page.getByRole('article').first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/customer-activity?workspace=all');
      await settled(page);
      await expectNoAxeViolations(page);
    });

    test('Customer Activity, 390 px narrow', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/customer-activity?status=all');
      await settled(page);
      await expect(page.getByRole('article').first()).toBeVisible();
      await expectNoAxeViolations(page);
      // Nothing but the wide tables may scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page does not scroll sideways at 390 px').toBeLessThanOrEqual(1);
    });

    test('every tile list', async ({ page, request, persona }) => {
      const { me, doc } = await loadData(request, persona);
      const active = activeContracts(doc, selectedWorkspaces(me, 'all'), todayIn());
      for (const g of TILE_GROUPS.filter((g) => groupEntitlements(doc, active, g).length)) {
        await page.goto(`/customer-activity/tiles/${g.slug}?workspace=all`);
        await settled(page);
        await expect(page.locator('main a[href*="/entitlements/"]').first()).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });

    test.describe('drilldowns', () => {
      let samples: Awaited<ReturnType<typeof entitlementPerRecordType>>;
      test.beforeAll(async ({ playwright, baseURL }) => {
        const request = await playwright.request.newContext({ baseURL });
        const { doc } = await loadData(request, 'customer-admin');
        samples = await entitlementPerRecordType(request, 'customer-admin', doc);
        await request.dispose();
      });

      for (const type of Object.keys(RECORD_TYPES) as RecordType[]) {
        test(`a drilldown of ${type} records`, async ({ page }) => {
          const d = new DrilldownPage(page, D);
          await d.goto(samples[type].entitlement.id);
          await d.loaded();
          await settled(page);
          await expect.poll(() => d.paintedPixels()).toBeGreaterThan(0);
          await expectNoAxeViolations(page);
        });
      }

      test('a sorted grid filtered to nothing', async ({ page }) => {
        const d = new DrilldownPage(page, D);
        await d.goto(samples.supportRequest.entitlement.id);
        await d.loaded();
        await d.grid.headers.first().getByRole('button').click();
        await expect(d.grid.headers.first()).toHaveAttribute('aria-sort', 'ascending');
        await d.grid.search.fill('zzqx-nothing');
        await expect(d.grid.rows).toHaveCount(0);
        await expectNoAxeViolations(page);
      });
    });

    test('Additional cases, both services', async ({ page }) => {
      await page.goto('/customer-activity/additional-cases?workspace=all');
      await settled(page);
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/customer-activity/additional-cases?workspace=all&service=problemResolution');
      await settled(page);
      await expectNoAxeViolations(page);
    });

    test.describe('failures', () => {
      test.use({ allowedConsoleErrors: [/Failed to load resource/] });

      test('an error state (500 injected) on the page and on a drilldown', async ({ page }) => {
        await page.route('**/api/v1/customer-activity', (r) =>
          r.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) }),
        );
        await page.goto('/customer-activity');
        await expect(page.getByRole('alert')).toBeVisible();
        await expectNoAxeViolations(page);
        await page.unroute('**/api/v1/customer-activity');
        await page.route('**/api/v1/entitlements/*/activity', (r) =>
          r.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) }),
        );
        await page.goto('/customer-activity/entitlements/e-cu-reactive');
        await expect(page.getByRole('alert')).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test('an unknown entitlement', async ({ page }) => {
        await page.goto('/customer-activity/entitlements/no-such-entitlement');
        await settled(page);
        await expectNoAxeViolations(page);
      });

      test.describe('signed out', () => {
        test.use({ persona: 'signed-out' });
        test('the signed-out view', async ({ page }) => {
          await page.goto('/customer-activity');
          await settled(page);
          await expectNoAxeViolations(page);
        });
      });
    });

    test.describe('without access', () => {
      test.use({ persona: 'no-access' });
      test('the access-denied view', async ({ page }) => {
        await page.goto('/customer-activity');
        await settled(page);
        await expectNoAxeViolations(page);
      });
    });
  });
}

/** Presses Tab until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 120) {
  await target.first().waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.first().evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/**
 * History back from the keyboard: Alt+Left. Headless Chromium leaves browser
 * accelerators to the (absent) browser UI, so when the key does not move the
 * history, the same browser action is taken directly.
 */
async function altLeft(page: Page) {
  const before = page.url();
  await page.keyboard.press('Alt+ArrowLeft');
  const moved = await expect
    .poll(() => page.url(), { timeout: 1500 })
    .not.toBe(before)
    .then(() => true, () => false);
  if (!moved) await page.goBack();
}

test('a keyboard-only walk: menu, page, tile, entitlement, sort, and back', async ({ page }) => {
  await page.goto('/');
  const manage = page.getByRole('navigation').first().getByRole('button', { name: 'Manage' });
  await expect(page.getByRole('banner')).toContainText('Giulia');
  await tabTo(page, manage);
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Customer Activity', exact: true });
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/customer-activity(\?|$)/);
  const ca = new CustomerActivityPage(page);
  await expect(ca.heading).toBeVisible();

  // To the first tile.
  const tile = ca.enterprise.locator('a[href*="/customer-activity/tiles/"]').first();
  await tabTo(page, tile);
  const tileTitle = (await tile.locator('h3').textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/customer-activity\/tiles\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tileTitle);

  // To the first entitlement.
  const link = page.locator('main a[href*="/customer-activity/entitlements/"]').first();
  await tabTo(page, link);
  const name = (await link.textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/customer-activity\/entitlements\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  // Sort a column with the keyboard.
  const d = new DrilldownPage(page);
  await d.loaded();
  const header = d.grid.headers.first();
  await tabTo(page, header.getByRole('button').or(header.and(page.locator('[tabindex]'))));
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');

  // History back with Alt+Left: first the sorts, then the tile list.
  await altLeft(page);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await altLeft(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(d.grid.headers.first()).toHaveAttribute('aria-sort', 'none');
  await altLeft(page);
  await expect(page).toHaveURL(/\/customer-activity\/tiles\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tileTitle);
});
