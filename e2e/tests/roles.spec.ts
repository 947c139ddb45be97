import { readFile } from 'node:fs/promises';
import { test, expect } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';
import { DrilldownPage } from '../pages/drilldown';
import { type EntitlementActivity, type Me, apiGet, browserToday, loadData, parseCsv } from '../support/data';

const NOTE = 'Support request figures include only the support requests you have access to.';

test.describe('a user without access (no-access)', () => {
  test.use({ persona: 'no-access' });

  test('sees "You don\'t have access to Customer Activity" and how to get it, and only /me is requested', async ({ page, apiCalls }) => {
    await page.goto('/customer-activity');
    await expect(page.getByRole('heading', { name: "You don't have access to Customer Activity" })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Manage Users');
    await expect(page.getByRole('main')).toContainText('Customer Activity role');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity', exact: true })).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(apiCalls.length).toBeGreaterThan(0);
    expect([...new Set(apiCalls)]).toEqual(['/api/v1/me']);
  });

  test('every view under /customer-activity is denied without requesting data', async ({ page, apiCalls }) => {
    for (const path of ['/customer-activity/tiles/support-as-needed', '/customer-activity/entitlements/e-cu-reactive', '/customer-activity/additional-cases']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: "You don't have access to Customer Activity" })).toBeVisible();
    }
    await page.waitForLoadState('networkidle');
    expect([...new Set(apiCalls)]).toEqual(['/api/v1/me']);
  });

  test('the Manage menu has no Customer Activity item', async ({ page }) => {
    await page.goto('/');
    const manage = page.getByRole('navigation').first().getByRole('button', { name: 'Manage' });
    await expect(manage).toBeVisible();
    // Wait until the user is known, so a late item would show up.
    await expect(page.getByRole('banner')).toContainText('Francesca');
    await manage.click();
    await expect(manage).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('menuitem', { name: 'Customer Activity', exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Customer Activity', exact: true })).toHaveCount(0);
  });
});

test('a user with access finds the Customer Activity menu item', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Manage' }).click();
  await expect(page.getByRole('menuitem', { name: 'Customer Activity', exact: true })).toBeVisible();
});

for (const who of ['customer-admin', 'workspace-admin', 'activity-user', 'learning-manager', 'support-contact', 'view-all']) {
  test.describe(`as ${who}`, () => {
    test.use({ persona: who });
    test('the non-admin note shows exactly for non-administrators', async ({ page, request, persona }) => {
      const me = await apiGet<Me>(request, '/me', persona);
      const admin = ['customerAdmin', 'workspaceAdmin', 'viewAllSupportRequests'].some((r) => me.roles.includes(r));
      const ca = new CustomerActivityPage(page);
      await ca.goto();
      await expect(ca.activeContracts.or(ca.enterprise.getByText(/no active contracts/i))).toBeVisible();
      await expect(page.getByText(NOTE)).toHaveCount(admin ? 0 : 1);
      if (!admin) await expect(page.getByText(NOTE)).toBeVisible();
    });
  });
}

/** An education entitlement the persona can open, with its records. */
async function educationEntitlement(request: Parameters<typeof loadData>[0], persona: string) {
  const { doc } = await loadData(request, persona);
  const e = doc.entitlements.find((x) => x.service === 'onDemandEducation' && x.kind === 'consumptionService' && x.id === 'e-cu-education') ??
    doc.entitlements.find((x) => x.service === 'onDemandEducation' && x.kind === 'consumptionService')!;
  const { records } = await apiGet<EntitlementActivity>(request, `/entitlements/${encodeURIComponent(e.id)}/activity`, persona);
  return { doc, e, records };
}

test.describe('Export training report', () => {
  test.describe('for a learning manager', () => {
    test.use({ persona: 'learning-manager' });

    test('is offered on an education drilldown, not on others', async ({ page, request, persona }) => {
      const { doc, e } = await educationEntitlement(request, persona);
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await d.loaded();
      await expect(d.exportButton).toBeVisible();
      const other = doc.entitlements.find((x) => x.service !== 'onDemandEducation' && x.kind === 'consumptionService')!;
      await d.goto(other.id);
      await d.loaded();
      await expect(d.exportButton).toHaveCount(0);
    });

    test('downloads training-report-YYYY-MM-DD.csv, one row per shown record, honouring Filter rows', async ({ page, request, persona }) => {
      const { e, records } = await educationEntitlement(request, persona);
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await d.loaded();
      const today = await browserToday(page);

      const download = async () => {
        const [dl] = await Promise.all([page.waitForEvent('download'), d.exportButton.click()]);
        expect(dl.suggestedFilename()).toBe(`training-report-${today}.csv`);
        expect(dl.suggestedFilename()).toMatch(/^training-report-\d{4}-\d{2}-\d{2}\.csv$/);
        const bytes = await readFile((await dl.path())!);
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
        const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
        return rows;
      };

      // All records.
      let rows = await download();
      const [header, ...body] = rows;
      expect(header, 'header row').toHaveLength(9);
      expect(header.join(' ')).toMatch(/learner/i);
      expect(header.join(' ')).toMatch(/email/i);
      expect(body).toHaveLength(records.length);
      expect(body.every((r) => r.length === 9)).toBe(true);
      expect(body.map((r) => r[0]).sort()).toEqual(records.map((r) => String(r.learnerName)).sort());
      for (const r of body) {
        expect(r[5], 'started is an ISO date').toMatch(/^\d{4}-\d{2}-\d{2}/);
        if (r[6]) expect(r[6], 'completed is an ISO date').toMatch(/^\d{4}-\d{2}-\d{2}/);
        for (const cell of r) expect(cell, 'no formula-like cell').not.toMatch(/^[=+\-@\t\r]/);
      }
      // Learner e-mails and activities round-trip.
      for (const rec of records) {
        expect(body.some((r) => r[0] === rec.learnerName && r[2] === rec.activityTitle && (!rec.learnerEmail || r[1] === rec.learnerEmail))).toBe(true);
      }

      // Only what the filter shows.
      const name = String(records[0].learnerName);
      await d.grid.search.fill(name);
      await expect.poll(async () => (await d.grid.countNumbers()).length).toBe(2);
      const [shown] = await d.grid.countNumbers();
      expect(shown).toBeLessThan(records.length);
      rows = await download();
      expect(rows.slice(1), 'one row per shown record').toHaveLength(shown);
      for (const r of rows.slice(1)) expect(r.join(' ')).toContain(name.split(' ')[0]);
    });
  });

  test('is not offered to a customer admin', async ({ page, request, persona }) => {
    const { e } = await educationEntitlement(request, persona);
    const d = new DrilldownPage(page);
    await d.goto(e.id);
    await d.loaded();
    await expect(d.heading).toHaveText(e.name);
    await expect(d.exportButton).toHaveCount(0);
  });
});

test.describe('a signed-out visitor', () => {
  test.use({ persona: 'signed-out', allowedConsoleErrors: [/Failed to load resource/] });
  test('sees "You are signed out" and no other error', async ({ page }) => {
    await page.goto('/customer-activity');
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity', exact: true })).toHaveCount(0);
  });
});
