import { test, expect } from '../fixtures';
import { CustomerActivityPage, openWithData } from '../pages/customer-activity';
import type { Locator } from '@playwright/test';
import {
  type CustomerActivity,
  type Package,
  browserToday,
  contractsInView,
  daysBetween,
  fmtDate,
  isActive,
  loadData,
  quantity,
} from '../support/data';

/** Checks one package card against the API: expiry, services, bars, benefits. */
async function checkCard(card: Locator, p: Package, doc: CustomerActivity, today: string) {
  await expect(card).toBeVisible();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  const n = daysBetween(today, p.endDate);
  if (n >= 0) {
    expect(text, `${p.name}: expiry`).toContain(`Expires ${fmtDate(p.endDate)}`);
    expect(text).not.toContain('Expired');
  } else {
    expect(text, `${p.name}: expiry`).toContain(`Expired ${fmtDate(p.endDate)}`);
  }
  if (n === 0) expect(text, `${p.name}: ends today`).toContain('Ends today');
  else expect(text).not.toContain('Ends today');
  if (n >= 1 && n <= 90) expect(text, `${p.name}: days left`).toContain(n === 1 ? '1 day left' : `${n} days left`);
  else expect(text, `${p.name}: no days-left warning (N=${n})`).not.toMatch(/\bdays? left\b/);

  const mine = doc.entitlements.filter((e) => e.packageId === p.id);
  const services = mine.filter((e) => e.kind !== 'additionalBenefit');
  const benefits = mine.filter((e) => e.kind === 'additionalBenefit');
  for (const e of services) {
    const link = card.locator(`a[href*="/customer-activity/entitlements/${encodeURIComponent(e.id)}"]`);
    await expect(link, `${e.name} is a link to its drilldown`).toHaveCount(1);
    await expect(link).toHaveAccessibleName(new RegExp(`^${escape(e.name)}`));
    const bar = card.getByRole('progressbar', { name: e.name, exact: true });
    if (e.purchased === null) {
      await expect(bar, `${e.name} is as needed: no bar`).toHaveCount(0);
      await expect(link).toContainText('As needed');
    } else {
      await expect(bar).toHaveCount(1);
      await expect(link.getByRole('progressbar')).toHaveCount(1);
      expect(Number(await bar.getAttribute('aria-valuemax')), `${e.name} aria-valuemax`).toBe(e.purchased);
      expect(Number(await bar.getAttribute('aria-valuenow')), `${e.name} aria-valuenow`).toBe(Math.min(e.consumed, e.purchased));
      expect(Number(await bar.getAttribute('aria-valuemin') ?? '0')).toBe(0);
      const valuetext = (await bar.getAttribute('aria-valuetext')) ?? '';
      expect(valuetext, `${e.name} aria-valuetext in words`).toMatch(/[a-z]{3,}/i);
      const linkText = (await link.innerText()).replace(/\s+/g, ' ');
      expect(linkText).toContain(quantity(e.consumed, e.unit));
      expect(linkText).toContain(quantity(e.purchased, e.unit));
      if (e.consumed > e.purchased) {
        expect(linkText, `${e.name}: over-consumption`).toContain(`${quantity(e.consumed - e.purchased, e.unit)} over`);
      } else {
        expect(linkText, `${e.name}: remaining`).toContain(quantity(e.purchased - e.consumed, e.unit));
        expect(linkText).not.toMatch(/\bover\b/);
      }
    }
  }
  expect(text, `${p.name}: never a negative remaining`).not.toMatch(/(^|[\s:(])[-−]\s?\d/);

  const benefitsHeading = card.getByRole('heading', { name: 'Additional benefits' });
  if (benefits.length) {
    await expect(benefitsHeading).toHaveCount(1);
    for (const b of benefits) {
      await expect(card).toContainText(b.name);
      await expect(card.getByRole('progressbar', { name: b.name, exact: true })).toHaveCount(0);
      await expect(card.locator(`a[href*="/entitlements/${encodeURIComponent(b.id)}"]`)).toHaveCount(0);
    }
  } else {
    await expect(benefitsHeading).toHaveCount(0);
  }
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the three comboboxes by name, with their options and defaults', async ({ page, request, persona }) => {
  const { me, doc, ca, today } = await openWithData(page, request, persona);
  const view = contractsInView(doc, [me.currentWorkspaceId]);
  const first = view.find((c) => isActive(c, today))!;

  await expect(ca.addonContract).toBeVisible();
  await expect(ca.addonPackage).toBeVisible();
  await expect(ca.addonStatus).toBeVisible();

  // Contract: one at a time, number and name; default the first active contract, in API order.
  const contractOptions = await ca.addonContract.getByRole('option').allInnerTexts();
  for (const c of view.filter((c) => isActive(c, today))) {
    expect(contractOptions.filter((t) => t.includes(c.number) && t.includes(c.name)), `${c.number}`).toHaveLength(1);
  }
  for (const t of contractOptions) {
    expect(view.some((c) => t.includes(c.number) && t.includes(c.name)), `option "${t}" is a contract of the view`).toBe(true);
  }
  await expect(ca.addonContract.locator('option:checked')).toContainText(first.number);
  await expect(ca.addonContract.locator('option:checked')).toContainText(first.name);

  // Package: All packages and each package of that contract.
  const pkgs = doc.packages.filter((p) => p.contractId === first.id);
  await expect(ca.addonPackage.getByRole('option')).toHaveText(['All packages', ...pkgs.map((p) => p.name)]);
  await expect(ca.addonPackage.locator('option:checked')).toHaveText('All packages');

  // Package status: All, Active, Inactive; default Active.
  await expect(ca.addonStatus.getByRole('option')).toHaveText(['All', 'Active', 'Inactive']);
  await expect(ca.addonStatus.locator('option:checked')).toHaveText('Active');
});

test('one article per package in view, by status, with expiry, bars, over-consumption and benefits', async ({
  page,
  request,
  persona,
}) => {
  const { me, doc, ca, today } = await openWithData(page, request, persona);
  const articles = ca.addons.getByRole('article');
  const seen = new Set<string>();
  // Every contract of every workspace; all three statuses in the current workspace.
  const order = [me.currentWorkspaceId, ...me.workspaces.map((w) => w.id).filter((w) => w !== me.currentWorkspaceId)];
  for (const ws of order) for (const c of contractsInView(doc, [ws])) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const pkgs = doc.packages.filter((p) => p.contractId === c.id);
    const statuses = ws === me.currentWorkspaceId ? (['active', 'all', 'inactive'] as const) : (['all'] as const);
    for (const status of statuses) {
      await ca.goto(`?workspace=${ws}&addonContract=${c.id}&status=${status}`);
      await expect(ca.addonContract.locator('option:checked')).toContainText(c.number);
      const shown = pkgs.filter((p) => status === 'all' || p.status === status);
      await expect(articles, `${c.number}, status ${status}`).toHaveCount(shown.length);
      for (const p of shown) await checkCard(ca.packageCard(p.name), p, doc, today);
    }
  }
});

test('the demo data covers the cases the cards must show', async ({ page, request, persona }) => {
  // Guards the test above: the data exercises each branch (so a pass means something).
  const { doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  const today = await browserToday(page);
  const ns = doc.packages.map((p) => daysBetween(today, p.endDate));
  expect(ns.some((n) => n === 0), 'a package ending today').toBe(true);
  expect(ns.some((n) => n > 0 && n <= 90), 'a package ending within 90 days').toBe(true);
  expect(ns.some((n) => n < 0), 'an expired package').toBe(true);
  const addons = doc.entitlements.filter((e) => e.packageId && e.kind === 'consumptionService');
  expect(addons.some((e) => e.purchased === null), 'an as-needed add-on').toBe(true);
  expect(addons.some((e) => e.purchased !== null && e.consumed > e.purchased), 'an over-consumed add-on').toBe(true);
});

test('over-consumption reads "… over" on the card of an over-consumed entitlement', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  const over = doc.entitlements.find(
    (e) => e.packageId && e.kind === 'consumptionService' && e.purchased !== null && e.consumed > e.purchased,
  )!;
  const pkg = doc.packages.find((p) => p.id === over.packageId)!;
  const ws = doc.contracts.find((c) => c.id === pkg.contractId)!.workspaceIds.find((w) => me.workspaces.some((x) => x.id === w))!;
  const ca = new CustomerActivityPage(page);
  await ca.goto(`?workspace=${ws}&addonContract=${pkg.contractId}&package=${pkg.id}&status=all`);
  const card = ca.packageCard(pkg.name);
  const bar = card.getByRole('progressbar', { name: over.name, exact: true });
  await expect(bar).toHaveAttribute('aria-valuenow', String(over.purchased));
  await expect(bar).toHaveAttribute('aria-valuemax', String(over.purchased));
  await expect(card).toContainText(`${quantity(over.consumed - over.purchased!, over.unit)} over`);
});

test('filters change the URL, only narrow, and Back restores them', async ({ page, request, persona }) => {
  const { me, doc, ca, today } = await openWithData(page, request, persona);
  const view = contractsInView(doc, [me.currentWorkspaceId]);
  const first = view.find((c) => isActive(c, today))!;
  const pkgs = doc.packages.filter((p) => p.contractId === first.id);
  const articles = ca.addons.getByRole('article');
  const active = pkgs.filter((p) => p.status === 'active');
  await expect(articles).toHaveCount(active.length);

  await ca.addonStatus.selectOption({ label: 'All' });
  await expect(page).toHaveURL(/[?&]status=all(&|$)/);
  await expect(articles).toHaveCount(pkgs.length);

  await ca.addonStatus.selectOption({ label: 'Inactive' });
  await expect(page).toHaveURL(/[?&]status=inactive(&|$)/);
  await expect(articles).toHaveCount(pkgs.length - active.length);

  await ca.addonStatus.selectOption({ label: 'All' });
  const chosen = pkgs[pkgs.length - 1];
  await ca.addonPackage.selectOption({ label: chosen.name });
  await expect(page).toHaveURL(new RegExp(`[?&]package=${chosen.id}(&|$)`));
  await expect(articles).toHaveCount(1);
  await expect(ca.packageCard(chosen.name)).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]package=/);
  await expect(ca.addonPackage.locator('option:checked')).toHaveText('All packages');
  await expect(ca.addonStatus.locator('option:checked')).toHaveText('All');
  await expect(articles).toHaveCount(pkgs.length);

  await page.goBack();
  await expect(page).toHaveURL(/[?&]status=inactive(&|$)/);
  await expect(ca.addonStatus.locator('option:checked')).toHaveText('Inactive');
  await expect(articles).toHaveCount(pkgs.length - active.length);

  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]status=/);
  await expect(ca.addonStatus.locator('option:checked')).toHaveText('Active');
  await expect(articles).toHaveCount(active.length);

  // Another contract: its packages, in the URL, and Back returns to the first.
  const other = view.find((c) => c.id !== first.id && doc.packages.some((p) => p.contractId === c.id));
  if (other) {
    await ca.addonContract.selectOption({ label: (await ca.addonContract.getByRole('option').allInnerTexts()).find((t) => t.includes(other.number))! });
    await expect(page).toHaveURL(new RegExp(`[?&]addonContract=${other.id}(&|$)`));
    const otherPkgs = doc.packages.filter((p) => p.contractId === other.id);
    await expect(ca.addonPackage.getByRole('option')).toHaveText(['All packages', ...otherPkgs.map((p) => p.name)]);
    await expect(articles).toHaveCount(otherPkgs.filter((p) => p.status === 'active').length);
    await page.goBack();
    await expect(ca.addonContract.locator('option:checked')).toContainText(first.number);
    await expect(articles).toHaveCount(active.length);
  }
});

test('expiry boundaries: 1 day left, 90 days left, none at 91, Ends today, Expired yesterday', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  await page.goto('/');
  const today = await browserToday(page);
  const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const contract = contractsInView(doc, [me.currentWorkspaceId]).find((c) => doc.packages.filter((p) => p.contractId === c.id).length >= 5)!;
  const pkgs = doc.packages.filter((p) => p.contractId === contract.id).slice(0, 5);
  const offsets = [1, 90, 91, 0, -1];
  await page.route('**/api/v1/customer-activity', async (route) => {
    const body = (await (await route.fetch()).json()) as CustomerActivity;
    pkgs.forEach((p, i) => {
      const x = body.packages.find((y) => y.id === p.id)!;
      x.startDate = shift(-200);
      x.endDate = shift(offsets[i]);
    });
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
  const ca = new CustomerActivityPage(page);
  await ca.goto(`?workspace=${me.currentWorkspaceId}&addonContract=${contract.id}&status=all`);
  const expected = [
    [`Expires ${fmtDate(shift(1))}`, '1 day left'],
    [`Expires ${fmtDate(shift(90))}`, '90 days left'],
    [`Expires ${fmtDate(shift(91))}`, null],
    [`Expires ${fmtDate(today)}`, 'Ends today'],
    [`Expired ${fmtDate(shift(-1))}`, null],
  ] as const;
  for (const [i, p] of pkgs.entries()) {
    const card = ca.packageCard(p.name);
    await expect(card).toContainText(expected[i][0]);
    if (expected[i][1]) await expect(card).toContainText(expected[i][1]!);
    else {
      await expect(card).not.toContainText(/days? left/);
      await expect(card).not.toContainText('Ends today');
    }
  }
});
