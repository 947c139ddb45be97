import { test, expect } from '../fixtures';
import { CustomerActivityPage, openWithData } from '../pages/customer-activity';
import {
  TILE_GROUPS,
  activeContracts,
  browserToday,
  fmtDate,
  groupEntitlements,
  loadData,
  num,
  quantity,
  selectedWorkspaces,
  unitTotals,
} from '../support/data';

/** Every value the Workspace combobox can take for a user. */
function selections(me: { workspaces: { id: string }[] }) {
  return [...(me.workspaces.length > 1 ? ['all'] : []), ...me.workspaces.map((w) => w.id)];
}

test.describe('Workspace combobox', () => {
  test('lists the workspaces and All workspaces, defaulting to the current one', async ({ page, request, persona }) => {
    const { me } = await loadData(request, persona);
    expect(me.workspaces.length).toBeGreaterThan(1);
    const ca = new CustomerActivityPage(page);
    await ca.goto();
    const options = ca.workspace.getByRole('option');
    await expect(options).toHaveText(['All workspaces', ...me.workspaces.map((w) => w.name)]);
    const current = me.workspaces.find((w) => w.id === me.currentWorkspaceId)!;
    await expect(ca.workspace.locator('option:checked')).toHaveText(current.name);
  });

  test.describe('with a single workspace', () => {
    test.use({ persona: 'workspace-admin' });
    test('has no All workspaces option', async ({ page, request, persona }) => {
      const { me } = await loadData(request, persona);
      expect(me.workspaces).toHaveLength(1);
      const ca = new CustomerActivityPage(page);
      await ca.goto();
      await expect(ca.workspace.getByRole('option')).toHaveText([me.workspaces[0].name]);
      await expect(ca.workspace.getByRole('option', { name: 'All workspaces' })).toHaveCount(0);
      // Even when the URL asks for all workspaces.
      await ca.goto('?workspace=all');
      await expect(ca.workspace.getByRole('option', { name: 'All workspaces' })).toHaveCount(0);
      await expect(ca.workspace.locator('option:checked')).toHaveText(me.workspaces[0].name);
    });
  });
});

// The invariants hold for any user; these have different workspaces and see different support requests.
for (const who of ['customer-admin', 'activity-user', 'learning-manager']) {
test.describe(`as ${who}`, () => {
  test.use({ persona: who });

  test('Contract combobox: All active contracts and each active contract (number and name), per workspace', async ({
    page,
    request,
    persona,
  }) => {
    const { me, doc, ca, today } = await openWithData(page, request, persona);
    for (const sel of selections(me)) {
      await ca.goto(`?workspace=${sel}`);
      const active = activeContracts(doc, selectedWorkspaces(me, sel), today);
      const options = ca.enterpriseContract.getByRole('option');
      await expect(options).toHaveCount(1 + active.length);
      await expect(options.first()).toHaveText('All active contracts');
      await expect(ca.enterpriseContract.locator('option:checked')).toHaveText('All active contracts');
      const texts = (await options.allInnerTexts()).slice(1);
      for (const c of active) {
        expect(
          texts.filter((t) => t.includes(c.number) && t.includes(c.name)),
          `workspace=${sel}: one option for ${c.number} ${c.name} in ${JSON.stringify(texts)}`,
        ).toHaveLength(1);
      }
    }
  });

  test('Active contracts table: one row per active contract of the selection, a shared contract once', async ({
    page,
    request,
    persona,
  }) => {
    const { me, doc, ca, today } = await openWithData(page, request, persona);
    // The data must hold a contract mapped to two of the user's workspaces for this to mean anything.
    const shared = doc.contracts.filter((c) => c.workspaceIds.filter((w) => me.workspaces.some((x) => x.id === w)).length > 1);
    if (persona === 'customer-admin') expect(shared.length, 'a contract mapped to two workspaces').toBeGreaterThan(0);
    for (const sel of selections(me)) {
      await ca.goto(`?workspace=${sel}`);
      const active = activeContracts(doc, selectedWorkspaces(me, sel), today);
      const rows = ca.activeContracts.locator('tbody tr');
      await expect(rows, `workspace=${sel}`).toHaveCount(active.length);
      for (const [i, c] of active.entries()) {
        const row = rows.nth(i);
        await expect(row).toContainText(c.number);
        await expect(row).toContainText(c.name);
        await expect(row).toContainText(fmtDate(c.startDate));
        await expect(row).toContainText(fmtDate(c.endDate));
      }
      const numbers = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
      for (const c of shared) {
        if (!active.includes(c)) continue;
        expect(numbers.filter((t) => t.includes(c.number)), `${c.number} counted once`).toHaveLength(1);
      }
    }
  });

  test('tiles: in order, links named by their title, per-unit sums, As needed, delivered hours', async ({ page, request, persona }) => {
    const { me, doc, ca, today } = await openWithData(page, request, persona);
    for (const sel of selections(me)) {
      await ca.goto(`?workspace=${sel}`);
      const active = activeContracts(doc, selectedWorkspaces(me, sel), today);
      const expected = TILE_GROUPS.filter((g) => groupEntitlements(doc, active, g).length > 0);
      const tileLinks = ca.enterprise.getByRole('link', {
        name: new RegExp(`^(${TILE_GROUPS.map((g) => g.title).join('|')})`),
      });
      await expect(tileLinks, `workspace=${sel}: one tile per group in view, in order`).toHaveCount(expected.length);
      for (const [i, g] of expected.entries()) {
        const tile = tileLinks.nth(i);
        await expect(tile).toHaveAccessibleName(new RegExp(`^${g.title}`));
        await expect(tile).toHaveAttribute('href', new RegExp(`/customer-activity/tiles/${g.slug}(\\?|$)`));
        const parts = groupEntitlements(doc, active, g);
        const text = (await tile.innerText()).replace(/\s+/g, ' ');
        for (const t of unitTotals(parts)) {
          expect(text, `${g.title}: consumed ${t.unit}`).toContain(quantity(t.consumed, t.unit));
          if (t.purchased === null) {
            expect(text, `${g.title}: ${t.unit} is uncapped`).toContain('As needed');
          } else {
            expect(text, `${g.title}: purchased ${t.unit}`).toContain(quantity(t.purchased, t.unit));
            const left = t.purchased - t.consumed;
            if (left >= 0) expect(text).toContain(quantity(left, t.unit));
            else expect(text).toContain(`${quantity(-left, t.unit)} over`);
          }
        }
        if (unitTotals(parts).every((t) => t.purchased !== null)) {
          expect(text, `${g.title}: nothing uncapped`).not.toContain('As needed');
        }
        expect(text, 'never a negative remaining').not.toMatch(/(^|[\s:(])[-−]\s?\d/);
        if (g.slug === 'integrated-proactive-services') {
          const delivered = parts.reduce((s, e) => s + (e.deliveredHours ?? 0), 0);
          expect(text).toMatch(/Delivered hours/);
          expect(text).toContain(num(Math.round(delivered * 100) / 100));
        } else {
          expect(text).not.toMatch(/Delivered hours/);
        }
      }
    }
  });
});
}

test('a contract chosen in the Contract combobox only narrows the tiles', async ({ page, request, persona }) => {
  const { me, doc, ca, today } = await openWithData(page, request, persona);
  const active = activeContracts(doc, selectedWorkspaces(me, me.currentWorkspaceId), today);
  const tileLinks = ca.enterprise.getByRole('link', { name: new RegExp(`^(${TILE_GROUPS.map((g) => g.title).join('|')})`) });
  const allTitles = await tileLinks.evaluateAll((as) => as.map((a) => a.querySelector('h3')?.textContent ?? ''));
  for (const c of active) {
    const option = (await ca.enterpriseContract.getByRole('option').allInnerTexts()).find((t) => t.includes(c.number))!;
    await ca.enterpriseContract.selectOption({ label: option });
    await expect(page).toHaveURL(new RegExp(`[?&]contract=${c.id}(&|$)`));
    const expected = TILE_GROUPS.filter((g) => groupEntitlements(doc, [c], g).length > 0).map((g) => g.title);
    await expect(tileLinks).toHaveCount(expected.length);
    const titles = await tileLinks.evaluateAll((as) => as.map((a) => a.querySelector('h3')?.textContent ?? ''));
    expect(titles).toEqual(expected);
    expect(titles.every((t) => allTitles.includes(t)), 'a subset of the tiles of all active contracts').toBe(true);
    // The Active contracts table still lists every active contract of the workspace.
    await expect(ca.activeContracts.locator('tbody tr')).toHaveCount(active.length);
  }
  await ca.enterpriseContract.selectOption({ label: 'All active contracts' });
  await expect(page).not.toHaveURL(/[?&]contract=/);
  await expect(tileLinks).toHaveCount(allTitles.length);

  // The tile list follows the chosen contract too.
  const c = active.find((x) => TILE_GROUPS.some((g) => groupEntitlements(doc, [x], g).length > 0))!;
  const g = TILE_GROUPS.find((g) => groupEntitlements(doc, [c], g).length > 0)!;
  const option = (await ca.enterpriseContract.getByRole('option').allInnerTexts()).find((t) => t.includes(c.number))!;
  await ca.enterpriseContract.selectOption({ label: option });
  await ca.tile(g.title).click();
  await expect(page).toHaveURL(new RegExp(`/customer-activity/tiles/${g.slug}\\?.*contract=${c.id}`));
  await expect(page.locator('main a[href*="/customer-activity/entitlements/"]')).toHaveCount(groupEntitlements(doc, [c], g).length);
});

test('every tile list honours the Workspace selection', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  await page.goto('/');
  const today = await browserToday(page);
  for (const sel of selections(me)) {
    const active = activeContracts(doc, selectedWorkspaces(me, sel), today);
    for (const g of TILE_GROUPS) {
      const parts = groupEntitlements(doc, active, g);
      await page.goto(`/customer-activity/tiles/${g.slug}?workspace=${sel}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.title);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      if (parts.length) await expect(page.locator('main a[href*="/customer-activity/entitlements/"]').first()).toBeVisible();
      await expect(page.locator('main a[href*="/customer-activity/entitlements/"]'), `${g.slug}, workspace=${sel}`).toHaveCount(parts.length);
    }
  }
});

test('each tile leads to its list of entitlements, each leading to its drilldown', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page);
  await ca.goto('?workspace=all');
  const today = await browserToday(page);
  const active = activeContracts(doc, selectedWorkspaces(me, 'all'), today);
  const groups = TILE_GROUPS.filter((g) => groupEntitlements(doc, active, g).length > 0);
  expect(groups.length).toBeGreaterThan(0);
  for (const g of groups) {
    await ca.goto('?workspace=all');
    await ca.tile(g.title).click();
    await expect(page).toHaveURL(new RegExp(`/customer-activity/tiles/${g.slug}\\?(.*&)?workspace=all`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.title);
    const parts = groupEntitlements(doc, active, g);
    const entitlementLinks = page.locator('main a[href*="/customer-activity/entitlements/"]');
    await expect(entitlementLinks).toHaveCount(parts.length);
    const hrefs = await entitlementLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const e of parts) {
      expect(hrefs.some((h) => h.includes(`/customer-activity/entitlements/${encodeURIComponent(e.id)}`)), `${g.title} lists ${e.id}`).toBe(
        true,
      );
    }
    // Follow the first entitlement to its drilldown.
    const first = parts[0];
    await page.locator(`main a[href*="/customer-activity/entitlements/${encodeURIComponent(first.id)}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/customer-activity/entitlements/${encodeURIComponent(first.id)}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
    await expect(page.getByRole('region', { name: 'Total consumption' })).toContainText(quantity(first.consumed, first.unit));
  }
});

test('the workspace selection is in the URL and Back restores it', async ({ page, request, persona }) => {
  const { me, doc, ca, today } = await openWithData(page, request, persona);
  const rows = ca.activeContracts.locator('tbody tr');
  const first = me.workspaces.find((w) => w.id === me.currentWorkspaceId)!;
  const other = me.workspaces.find((w) => w.id !== me.currentWorkspaceId)!;
  await expect(rows).toHaveCount(activeContracts(doc, [first.id], today).length);

  await ca.workspace.selectOption({ label: other.name });
  await expect(page).toHaveURL(new RegExp(`[?&]workspace=${other.id}(&|$)`));
  await expect(rows).toHaveCount(activeContracts(doc, [other.id], today).length);

  await ca.workspace.selectOption({ label: 'All workspaces' });
  await expect(page).toHaveURL(/[?&]workspace=all(&|$)/);
  await expect(rows).toHaveCount(activeContracts(doc, selectedWorkspaces(me, 'all'), today).length);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]workspace=${other.id}(&|$)`));
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
  await expect(rows).toHaveCount(activeContracts(doc, [other.id], today).length);

  await page.goForward();
  await expect(ca.workspace.locator('option:checked')).toHaveText('All workspaces');

  // The selection travels to the tile list and comes back with Back.
  await page.goBack();
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
  const tile = ca.enterprise.getByRole('link', { name: new RegExp(`^(${TILE_GROUPS.map((g) => g.title).join('|')})`) }).first();
  await expect(tile).toHaveAttribute('href', new RegExp(`workspace=${other.id}`));
  await tile.click();
  await expect(page).toHaveURL(new RegExp(`/customer-activity/tiles/.*workspace=${other.id}`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/customer-activity\\?(.*&)?workspace=${other.id}`));
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
  await expect(rows).toHaveCount(activeContracts(doc, [other.id], today).length);

  // A bookmarked URL opens with its selection.
  await ca.goto(`?workspace=${other.id}`);
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
});
