import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { CustomerActivityPage, IT } from '../pages/customer-activity';
import {
  type Contract,
  type CustomerActivity,
  type Entitlement,
  activeContracts,
  browserToday,
  daysBetween,
  fmtDate,
  loadData,
  quantity,
  selectedWorkspaces,
} from '../support/data';

// The region "Needs attention" (contract/ui.md), its items computed here
// from the API's document by the rule of README "Needs attention":
// over-consumed; else forecast to run out before the end (the package
// cards' rule: pace = consumed ÷ days since the period began, none in its
// first 14 days); else ending within 90 days with something left. Over
// first, then by days left (to the run-out date, else to the end).

type Kind = 'over' | 'runsOut' | 'unused';
type Expected = { e: Entitlement; kind: Kind; amount: number; days: number; date?: string };

const round2 = (x: number) => Math.round(x * 100) / 100;

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The items for the contracts in view (active, the Contract choice applied). */
function expectedItems(doc: CustomerActivity, contracts: Contract[], today: string): Expected[] {
  const out: Expected[] = [];
  const seen = new Set<string>();
  for (const e of doc.entitlements) {
    if (e.kind !== 'consumptionService' || seen.has(e.id)) continue;
    seen.add(e.id);
    const c = contracts.find((x) => x.id === e.contractId);
    if (!c) continue;
    let start = c.startDate;
    let end = c.endDate;
    if (e.packageId) {
      const p = doc.packages.find((x) => x.id === e.packageId && x.contractId === c.id);
      if (!p || p.status !== 'active' || p.endDate < today) continue;
      [start, end] = [p.startDate, p.endDate];
    }
    if (e.purchased === null) continue;
    const toEnd = daysBetween(today, end);
    if (e.consumed > e.purchased && round2(e.consumed - e.purchased) > 0) {
      out.push({ e, kind: 'over', amount: round2(e.consumed - e.purchased), days: toEnd });
      continue;
    }
    if (e.consumed < e.purchased && start <= today && today <= end && daysBetween(start, today) >= 14) {
      const perDay = e.consumed / (daysBetween(start, today) + 1);
      const remaining = e.purchased - e.consumed;
      if (perDay > 0 && remaining / perDay < toEnd) {
        const n = Math.ceil(remaining / perDay);
        out.push({ e, kind: 'runsOut', amount: 0, days: n, date: addDays(today, n) });
        continue;
      }
    }
    const left = round2(e.purchased - e.consumed);
    if (toEnd >= 0 && toEnd <= 90 && left > 0) out.push({ e, kind: 'unused', amount: left, days: toEnd });
  }
  // Stable: ties keep API order.
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => Number(a.x.kind !== 'over') - Number(b.x.kind !== 'over') || a.x.days - b.x.days || a.i - b.i)
    .map(({ x }) => x);
}

/** Why, in en-US words, as the item says it. */
function reasonEn(x: Expected): string {
  const unit = x.e.unit;
  switch (x.kind) {
    case 'over':
      return `${quantity(x.amount, unit)} over`;
    case 'runsOut':
      return `runs out on ${fmtDate(x.date!)}`;
    case 'unused':
      return `${quantity(x.amount, unit)} unused, ${x.days === 0 ? 'ends today' : `${x.days} day${x.days === 1 ? '' : 's'} left`}`;
  }
}

function region(page: Page, name: RegExp = /^Needs attention/): Locator {
  return page.getByRole('region', { name });
}

async function expectItems(page: Page, items: Expected[], workspace: string) {
  const r = region(page);
  await expect(r).toHaveAttribute('aria-busy', 'false');
  await expect(r.getByRole('heading', { level: 2 })).toHaveText(`Needs attention (${items.length})`);
  const links = r.getByRole('link');
  await expect(links).toHaveCount(items.length);
  if (items.length === 0) await expect(r).toContainText('Nothing needs attention');
  for (const [i, x] of items.entries()) {
    const link = links.nth(i);
    await expect(link, `item ${i}: ${x.e.id}`).toHaveAttribute(
      'href',
      new RegExp(`/customer-activity/entitlements/${encodeURIComponent(x.e.id)}\\?workspace=${workspace}$`),
    );
    await expect(link).toContainText(x.e.name);
    await expect(link).toContainText(reasonEn(x));
    await expect(link).toContainText(x.kind === 'over' ? 'Urgent' : 'Warning');
  }
}

async function setup(page: Page, request: Parameters<typeof loadData>[0], persona: string) {
  const { me, doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  const today = await browserToday(page);
  const inView = (sel: string, contract?: string) => {
    const active = activeContracts(doc, selectedWorkspaces(me, sel), today);
    const chosen = contract ? active.filter((c) => c.id === contract) : active;
    return expectedItems(doc, chosen.length ? chosen : active, today);
  };
  return { me, doc, ca, today, inView };
}

test.describe('Needs attention', () => {
  test('lists what to act on in the default workspace, in order, before the package regions', async ({ page, request, persona }) => {
    const { me, ca, inView } = await setup(page, request, persona);
    const items = inView(me.currentWorkspaceId);
    await expectItems(page, items, me.currentWorkspaceId);
    // The demo data shows each kind, so a user sees all three.
    for (const kind of ['over', 'runsOut', 'unused'] as const) {
      expect(items.filter((x) => x.kind === kind).length, `a ${kind} item`).toBeGreaterThan(0);
    }
    // Never an uncapped entitlement.
    expect(items.filter((x) => x.e.purchased === null)).toEqual([]);
    // Above the two package regions.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('section[aria-labelledby]')].map((s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent ?? ''),
    );
    const at = order.findIndex((t) => t.startsWith('Needs attention'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(order.indexOf('Enterprise-level packages'));
    expect(at).toBeLessThan(order.indexOf('Add-on packages'));
    await expect(ca.enterprise).toBeVisible();
  });

  test('follows the Workspace combobox, a shared contract once', async ({ page, request, persona }) => {
    const { me, ca, inView } = await setup(page, request, persona);
    await ca.workspace.selectOption('all');
    await expect(page).toHaveURL(/workspace=all/);
    const all = inView('all');
    await expectItems(page, all, 'all');
    for (const kind of ['over', 'runsOut', 'unused'] as const) {
      expect(all.filter((x) => x.kind === kind).length, `a ${kind} item under All workspaces`).toBeGreaterThan(0);
    }
    expect(new Set(all.map((x) => x.e.id)).size).toBe(all.length);
    for (const w of me.workspaces) {
      await ca.workspace.selectOption(w.id);
      await expectItems(page, inView(w.id), w.id);
    }
  });

  test('follows the enterprise Contract combobox', async ({ page, request, persona }) => {
    const { me, ca, inView, doc, today } = await setup(page, request, persona);
    const ws = me.currentWorkspaceId;
    const active = activeContracts(doc, selectedWorkspaces(me, ws), today);
    expect(active.length).toBeGreaterThan(1);
    for (const c of active) {
      await ca.enterpriseContract.selectOption(c.id);
      await expect(page).toHaveURL(new RegExp(`contract=${c.id}`));
      const items = inView(ws, c.id);
      expect(items.every((x) => x.e.contractId === c.id)).toBe(true);
      await expectItems(page, items, ws);
    }
    await ca.enterpriseContract.selectOption('all');
    await expectItems(page, inView(ws), ws);
  });

  test('is reachable by keyboard, and an item leads to its drilldown', async ({ page, request, persona }) => {
    const { me, inView } = await setup(page, request, persona);
    const items = inView(me.currentWorkspaceId);
    const links = region(page).getByRole('link');
    await expect(links).toHaveCount(items.length);
    await page.getByRole('combobox', { name: 'Workspace', exact: true }).focus();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await links.first().evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab from the Workspace combobox reaches the first item').toBe(true);
    await page.keyboard.press('Tab');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/customer-activity/entitlements/${encodeURIComponent(items[1].e.id)}\\?workspace=`));
    await expect(page.getByRole('heading', { level: 1, name: items[1].e.name })).toBeVisible();
  });

  test('keeps its place and is busy while the document loads', async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/customer-activity', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/customer-activity');
    const r = region(page);
    await expect(r).toHaveAttribute('aria-busy', 'true');
    await expect(r.getByRole('heading', { level: 2 })).toHaveText('Needs attention');
    const box = await r.boundingBox();
    expect(box!.height, 'space kept for the items').toBeGreaterThan(100);
    release();
    await expect(r).toHaveAttribute('aria-busy', 'false');
    await expect(r.getByRole('heading', { level: 2 })).toHaveText(/^Needs attention \(\d+\)$/);
  });

  test('is axe clean, wide and at 390 px', async ({ page }) => {
    const ca = new CustomerActivityPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await ca.goto('?workspace=all');
    await expect(region(page)).toHaveAttribute('aria-busy', 'false');
    await expectNoAxeViolations(page, 'section.attention');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'section.attention');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test.describe('Richiede attenzione (it-IT)', () => {
  test.use({ locale: 'it-IT' });

  test('says the same in Italian, plurals right', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const ca = new CustomerActivityPage(page, IT);
    await ca.goto();
    const today = await browserToday(page);
    const items = expectedItems(doc, activeContracts(doc, selectedWorkspaces(me, me.currentWorkspaceId), today), today);
    const r = region(page, /^Richiede attenzione/);
    await expect(r.getByRole('heading', { level: 2 })).toHaveText(`Richiede attenzione (${items.length})`);
    const links = r.getByRole('link');
    await expect(links).toHaveCount(items.length);
    const it = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
    for (const [i, x] of items.entries()) {
      const link = links.nth(i);
      await expect(link).toContainText(x.e.name);
      if (x.kind === 'over') {
        await expect(link).toContainText('Urgente');
        await expect(link).toContainText(`${it.format(x.amount)} `);
        await expect(link).toContainText('in eccesso');
      } else if (x.kind === 'runsOut') {
        await expect(link).toContainText('Avviso');
        await expect(link).toContainText(`si esaurisce il ${fmtDate(x.date!, 'it-IT')}`);
      } else {
        await expect(link).toContainText('Avviso');
        await expect(link).toContainText(/inutilizzat[aeio]/);
        await expect(link).toContainText(
          x.days === 0 ? 'scade oggi' : x.days === 1 ? '1 giorno rimanente' : `${x.days} giorni rimanenti`,
        );
      }
      await expect(link).not.toContainText(/\b(over|unused|left|runs out|Urgent|Warning)\b/);
    }
    await expectNoAxeViolations(page, 'section.attention');
  });
});

