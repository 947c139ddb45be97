import type { APIRequestContext, Page, Route } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';
import { AdditionalCasesPage, DrilldownPage } from '../pages/drilldown';
import {
  type CustomerActivity,
  type EntitlementActivity,
  type Me,
  activeContracts,
  apiGet,
  loadData,
  partFiles,
  todayIn,
} from '../support/data';

// The browser logs every non-2xx response and every aborted request as "Failed to load resource".
test.use({ allowedConsoleErrors: [/Failed to load resource/] });

const ACTIVITY = '**/api/v1/customer-activity';
const RECORDS = '**/api/v1/entitlements/*/activity';

type Fault = { name: string; handle: (route: Route) => Promise<void> };

const problem = (status: number, title: string, detail: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: 'about:blank', title, status, detail }),
});

/** Faults that make the whole document unusable: each must end in an alert with Retry. */
const FAULTS: Fault[] = [
  { name: '500 with problem+json', handle: (r) => r.fulfill(problem(500, 'Internal Server Error', 'The source systems did not answer.')) },
  { name: '502 Bad Gateway', handle: (r) => r.fulfill(problem(502, 'Bad Gateway', 'The upstream source did not answer.')) },
  { name: '401 after /me succeeded', handle: (r) => r.fulfill(problem(401, 'Unauthorized', 'The session expired.')) },
  { name: '403 on the data', handle: (r) => r.fulfill(problem(403, 'Forbidden', 'Not allowed.')) },
  { name: '503 with Retry-After', handle: (r) => r.fulfill(problem(503, 'Service Unavailable', 'Maintenance in progress.', { 'retry-after': '120' })) },
  {
    name: 'an HTML page with 200',
    handle: (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body><h1>Sign in</h1></body></html>' }),
  },
  {
    name: 'truncated JSON',
    handle: async (r) => {
      const res = await r.fetch();
      const body = await res.text();
      await r.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) });
    },
  },
  { name: 'a network failure', handle: (r) => r.abort('failed') },
  { name: 'an empty {} body', handle: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{}' }) },
  {
    name: 'wrong types at the top level',
    handle: (r) =>
      r.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ generatedAt: 42, workspaces: 'all', contracts: {}, entitlements: 7, packages: null, entitlementId: 3, records: 'none' }),
      }),
  },
];

async function expectWorkspaceUsable(page: Page, me: Me) {
  const ca = new CustomerActivityPage(page);
  const other = me.workspaces.find((w) => w.id !== me.currentWorkspaceId)!;
  await expect(ca.workspace).toBeEnabled();
  await ca.workspace.selectOption({ label: other.name });
  await expect(page).toHaveURL(new RegExp(`[?&]workspace=${other.id}(&|$)`));
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
  return other;
}

test.describe('GET /customer-activity fails', () => {
  for (const fault of FAULTS) {
    test(`${fault.name}: an alert says what failed, Retry loads, Workspace stays usable`, async ({ page, request, persona }) => {
      const { me, doc } = await loadData(request, persona);
      await page.route(ACTIVITY, fault.handle);
      const ca = new CustomerActivityPage(page);
      await page.goto('/customer-activity');
      await expect(ca.heading).toBeVisible();
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await expect(alert).toHaveCount(1);
      await expect(alert).toContainText(/customer activity/i);
      expect((await alert.innerText()).length, 'the alert says what failed in words').toBeGreaterThan(25);
      if (fault.name.startsWith('500')) await expect(alert).toContainText('500');
      if (fault.name.startsWith('503')) await expect(alert).toContainText('503');

      const other = await expectWorkspaceUsable(page, me);
      await expect(alert).toBeVisible();

      await page.unroute(ACTIVITY);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      const active = activeContracts(doc, [other.id], todayIn());
      await expect(ca.activeContracts.locator('tbody tr')).toHaveCount(active.length);
      await expect(ca.addons.getByRole('article').first()).toBeVisible();
    });
  }

  test('no answer within the timeout: an alert, and Retry loads', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    await page.clock.install();
    await page.route(ACTIVITY, () => {
      // Never answers.
    });
    const ca = new CustomerActivityPage(page);
    await page.goto('/customer-activity');
    await expect(ca.heading).toBeVisible();
    await expect(ca.enterprise).toHaveAttribute('aria-busy', 'true');
    await page.clock.runFor(65_000);
    const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/customer activity/i);
    await page.unroute(ACTIVITY);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(ca.activeContracts.locator('tbody tr')).toHaveCount(activeContracts(doc, [me.currentWorkspaceId], todayIn()).length);
  });

  test('a slow answer keeps the regions busy until it arrives', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(ACTIVITY, async (route) => {
      await gate;
      await route.continue();
    });
    const ca = new CustomerActivityPage(page);
    await page.goto('/customer-activity');
    await expect(ca.heading).toBeVisible();
    await expect(ca.enterprise).toHaveAttribute('aria-busy', 'true');
    await expect(ca.addons).toHaveAttribute('aria-busy', 'true');
    release();
    await expect(ca.enterprise).not.toHaveAttribute('aria-busy', 'true');
    await expect(ca.activeContracts).toBeVisible();
  });
});

/** The first enterprise entitlement of an active contract of the current workspace, with a tile. */
function enterpriseEntitlement(doc: CustomerActivity, me: Me) {
  const active = activeContracts(doc, [me.currentWorkspaceId], todayIn()).map((c) => c.id);
  return doc.entitlements.find((e) => !e.packageId && e.kind === 'consumptionService' && active.includes(e.contractId) && e.service !== 'other')!;
}

async function dataIssues(page: Page) {
  const details = page.locator('details').filter({ hasText: 'Some data could not be shown as sent' });
  await expect(details).toHaveCount(1);
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
  return details;
}

test.describe('bad items in /customer-activity are reported, not dropped, and never crash the page', () => {
  test('items of the wrong type are listed in "Some data could not be shown as sent"', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const badEntitlement = enterpriseEntitlement(doc, me);
    const badContract = doc.contracts.find((c) => c.workspaceIds.includes(me.currentWorkspaceId) && c.id !== badEntitlement.contractId)!;
    const badPackage = doc.packages[0];
    await page.route(ACTIVITY, async (route) => {
      const body = (await (await route.fetch()).json()) as CustomerActivity;
      const e = body.entitlements.find((x) => x.id === badEntitlement.id)!;
      (e as unknown as Record<string, unknown>).purchased = 'lots';
      const c = body.contracts.find((x) => x.id === badContract.id)!;
      (c as unknown as Record<string, unknown>).workspaceIds = 'everywhere';
      const p = body.packages.find((x) => x.id === badPackage.id)!;
      (p as unknown as Record<string, unknown>).endDate = 20270131;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    const ca = new CustomerActivityPage(page);
    await ca.goto();
    await expect(ca.heading).toBeVisible();
    await expect(ca.enterprise).toBeVisible();
    await expect(ca.addons).toBeVisible();
    await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })).toHaveCount(0);
    const details = await dataIssues(page);
    await expect(details).toContainText(badEntitlement.id);
    await expect(details).toContainText(badContract.id);
    await expect(details).toContainText(badPackage.id);
    // The rest still works.
    await expect(ca.activeContracts.locator('tbody tr').first()).toBeVisible();
    await expectWorkspaceUsable(page, me);
  });

  /** Serves /customer-activity with `change` applied to the real body. */
  async function patch(page: Page, change: (body: CustomerActivity) => void) {
    await page.route(ACTIVITY, async (route) => {
      const body = (await (await route.fetch()).json()) as CustomerActivity;
      change(body);
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
  }

  const issuesText = async (page: Page) => {
    const details = page.locator('details').filter({ hasText: 'Some data could not be shown as sent' });
    return (await details.count()) ? ((await details.textContent()) ?? '') : '';
  };

  test('unknown enum values in a package and a contract: the page renders and the package is still shown', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const pkg = doc.packages.find((p) => doc.contracts.some((c) => c.id === p.contractId && c.workspaceIds.includes(me.currentWorkspaceId)))!;
    await patch(page, (body) => {
      body.packages.find((x) => x.id === pkg.id)!.status = 'paused';
      (body.contracts[0] as unknown as Record<string, unknown>).type = 'platinum';
    });
    const ca = new CustomerActivityPage(page);
    await ca.goto(`?addonContract=${pkg.contractId}&status=all`);
    await expect(ca.activeContracts.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })).toHaveCount(0);
    // With status All, the package with the unknown status is shown (or at least reported).
    await expect(ca.addons.getByRole('article').first()).toBeVisible();
    const shown = await ca.packageCard(pkg.name).count();
    expect(shown > 0 || (await issuesText(page)).includes(pkg.id), `package ${pkg.id} with status "paused" is shown or reported`).toBe(true);
  });

  test('an unknown service and unit on an enterprise entitlement: the page renders and the entitlement is reported', async ({
    page,
    request,
    persona,
  }) => {
    const { me, doc } = await loadData(request, persona);
    const target = enterpriseEntitlement(doc, me);
    await patch(page, (body) => {
      const e = body.entitlements.find((x) => x.id === target.id)!;
      e.service = 'quantumSupport';
      e.unit = 'furlongs';
    });
    const ca = new CustomerActivityPage(page);
    await ca.goto();
    await expect(ca.activeContracts.locator('tbody tr').first()).toBeVisible();
    await expect(ca.enterprise.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })).toHaveCount(0);
    // It belongs to no tile, so it is not shown: it must be reported, not dropped silently.
    expect(await issuesText(page), `entitlement ${target.id} with service "quantumSupport" in "Some data could not be shown as sent"`).toContain(target.id);
  });
});

test('data is shown as text, never run as HTML', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  const target = enterpriseEntitlement(doc, me);
  const contract = doc.contracts.find((c) => c.id === target.contractId)!;
  const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  await page.route(ACTIVITY, async (route) => {
    const body = (await (await route.fetch()).json()) as CustomerActivity;
    body.contracts.find((c) => c.id === contract.id)!.name = evil;
    body.entitlements.find((e) => e.id === target.id)!.name = evil;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  await expect(ca.activeContracts).toContainText(evil);
  await page.goto(`/customer-activity/entitlements/${target.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(evil);
  await expect(page.locator('main img, main b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test.describe('GET /entitlements/{id}/activity fails', () => {
  // A 403 here has its own view (the last test), not an alert.
  for (const fault of FAULTS.filter((f) => !f.name.startsWith('403'))) {
    test(`${fault.name}: an alert says what failed, Retry loads the records`, async ({ page, request, persona }) => {
      const { me, doc } = await loadData(request, persona);
      const e = enterpriseEntitlement(doc, me);
      const { records } = await apiGet<EntitlementActivity>(request, `/entitlements/${e.id}/activity`, persona);
      await page.route(RECORDS, fault.handle);
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await expect(d.heading).toHaveText(e.name);
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await expect(alert).toHaveCount(1);
      await expect(alert).toContainText(/consumption details|records|activity/i);
      expect((await alert.innerText()).length).toBeGreaterThan(25);
      // What did load stays: the heading and the total.
      await expect(d.total).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to Customer Activity' })).toBeVisible();

      await page.unroute(RECORDS);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await d.loaded();
      expect(await d.grid.countNumbers()).toEqual([records.length]);

      // And the page behind it still works.
      await page.getByRole('link', { name: 'Back to Customer Activity' }).click();
      await expectWorkspaceUsable(page, me);
    });
  }

  test.describe('a wasm part', () => {
    /** Fails every fetch of the wasm parts `part` matches; counts them. */
    async function failParts(page: Page, part: RegExp) {
      const asked = { n: 0 };
      await page.route(part, (r) => {
        asked.n++;
        return r.abort('failed');
      });
      return asked;
    }

    /** A pattern for the files of the wasm part `name`, less those the parts
     *  in `but` need too: failing them fails `name` and nothing else. */
    async function onlyPart(request: APIRequestContext, name: string, but: string[] = []): Promise<RegExp> {
      const others = new Set((await Promise.all(but.map((p) => partFiles(request, p)))).flat());
      const files = (await partFiles(request, name)).filter((f) => !others.has(f));
      expect(files.length, `part ${name} has files of its own`).toBeGreaterThan(0);
      return new RegExp(`/(${files.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`);
    }

    // The parts' loader logs why a part failed to load.
    test.use({ allowedConsoleErrors: [/Failed to load resource|Failed to fetch/] });
    test("the records' code (a wasm part) cannot be fetched: what loaded stays, an alert says so, Retry loads it", async ({ page, request, persona }) => {
      const { me, doc } = await loadData(request, persona);
      const e = enterpriseEntitlement(doc, me);
      const { records } = await apiGet<EntitlementActivity>(request, `/entitlements/${e.id}/activity`, persona);
      // The release is cut into parts (scripts/build-wasm.sh): the records' part and the code it shares.
      const PART = /customer-activity-(records|shared)-[0-9a-f]{16}\.wasm$/;
      const asked = await failParts(page, PART);
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await expect(d.heading).toHaveText(e.name);
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await expect(alert).toHaveCount(1);
      await expect(alert).toContainText('this part of the page');
      expect(asked.n).toBeGreaterThan(0);
      await expect(d.total).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to Customer Activity' })).toBeVisible();

      await page.unroute(PART);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await d.loaded();
      expect(await d.grid.countNumbers()).toEqual([records.length]);
      await expect(d.chart).toBeVisible();
    });

    test("a 404 on the records is shown while their code cannot be fetched: their request leaves at once, its status needs no code", async ({ page, request, persona }) => {
      const { me, doc } = await loadData(request, persona);
      const e = enterpriseEntitlement(doc, me);
      await page.route(/customer-activity-(records|shared)-[0-9a-f]{16}\.wasm$/, (r) => r.abort('failed'));
      await page.route(RECORDS, (r) => r.fulfill(problem(404, 'Entitlement not found', `No entitlement ${e.id}.`)));
      await page.goto(`/customer-activity/entitlements/${e.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entitlement not found');
      await expect(page.getByRole('link', { name: 'Back to Customer Activity' })).toBeVisible();
    });

    test("the additional cases' code (a wasm part) cannot be fetched: the page stays, an alert says so, Retry shows the cases", async ({ page, request, persona }) => {
      const { cases } = await apiGet<{ cases: unknown[] }>(request, '/additional-cases', persona);
      // The cases' grid and decoder, not the page around them (the part `pages`).
      const PART = await onlyPart(request, 'cases', ['pages']);
      const asked = await failParts(page, PART);
      const v = new AdditionalCasesPage(page);
      await page.goto('/customer-activity/additional-cases');
      await expect(v.heading).toBeVisible();
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await expect(alert).toHaveCount(1);
      await expect(alert).toContainText('this part of the page');
      expect(asked.n).toBeGreaterThan(0);
      // What it says is not busy: assistive technology reads it.
      await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0);
      await expect(v.workspace).toBeEnabled();

      await page.unroute(PART);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await v.service.waitFor();
      expect(cases.length).toBeGreaterThan(0);
      await expect(v.grid.rows.first()).toBeVisible();
    });

    test("a tile's list, whose code (the part `pages`) cannot be fetched: the way back stays, an alert says so, Retry shows the list", async ({ page, request }) => {
      const PART = await onlyPart(request, 'pages');
      const asked = await failParts(page, PART);
      await page.goto('/customer-activity/tiles/support-as-needed?workspace=all');
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await expect(alert).toHaveCount(1);
      await expect(alert).toContainText('this part of the page');
      expect(asked.n).toBeGreaterThan(0);
      const back = page.getByRole('link', { name: 'Back to Customer Activity' });
      await expect(back).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

      await page.unroute(PART);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support As Needed');
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByRole('table', { name: 'Entitlements' })).toBeVisible();

      // And the way back works.
      await back.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity' })).toBeVisible();
    });
  });

  test('bad records are reported, the others shown', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const e = enterpriseEntitlement(doc, me);
    const { records } = await apiGet<EntitlementActivity>(request, `/entitlements/${e.id}/activity`, persona);
    expect(records.length).toBeGreaterThan(3);
    const [wrong, unknown] = [records[1], records[2]];
    await page.route(RECORDS, async (route) => {
      const body = (await (await route.fetch()).json()) as EntitlementActivity;
      body.records[1].quantity = 'three' as unknown as number;
      body.records[2].status = 'teleported';
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    const d = new DrilldownPage(page);
    await d.goto(e.id);
    await d.loaded();
    await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })).toHaveCount(0);
    const details = await dataIssues(page);
    await expect(details).toContainText(wrong.id);
    const [shown] = await d.grid.countNumbers();
    // The record with an unknown status is still shown (or reported); the unreadable one is reported.
    const unknownShown = shown === records.length || shown === records.length - 1;
    expect(unknownShown, 'every record but the unreadable one is in the grid').toBe(true);
    if (shown < records.length - 1) await expect(details).toContainText(unknown.id);
  });

  test('a 404 shows "Entitlement not found"', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const e = enterpriseEntitlement(doc, me);
    await page.route(RECORDS, (r) => r.fulfill(problem(404, 'Entitlement not found', `No entitlement ${e.id}.`)));
    await page.goto(`/customer-activity/entitlements/${e.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entitlement not found');
  });

  test('a 403 shows "You don\'t have access to this entitlement"', async ({ page, request, persona }) => {
    const { me, doc } = await loadData(request, persona);
    const e = enterpriseEntitlement(doc, me);
    await page.route(RECORDS, (r) => r.fulfill(problem(403, 'Forbidden', 'Not allowed.')));
    await page.goto(`/customer-activity/entitlements/${e.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("You don't have access to this entitlement");
  });
});

// ------------------------------------------------------------------ budgets
// A hostile or broken server cannot take the page down (SECURITY.md,
// "Budgets"): each fault ends with the good records shown or an alert with
// Retry, the page usable, and the page's wasm memory under a ceiling.

/** The page's WebAssembly memories, found as bench/compare.mjs finds them: an init script wraps `WebAssembly.instantiate*`. */
async function watchWasmMemory(page: Page) {
  await page.addInitScript(() => {
    const memories: WebAssembly.Memory[] = [];
    const w = window as unknown as { __wasmBytes: () => number };
    w.__wasmBytes = () => [...new Set(memories)].reduce((s, m) => s + m.buffer.byteLength, 0);
    for (const name of ['instantiate', 'instantiateStreaming'] as const) {
      const orig = WebAssembly[name] as (...a: unknown[]) => Promise<unknown>;
      if (typeof orig !== 'function') continue;
      (WebAssembly as unknown as Record<string, unknown>)[name] = async function (this: unknown, ...args: unknown[]) {
        const r = await orig.apply(this, args);
        const inst = r instanceof WebAssembly.Instance ? r : (r as { instance?: WebAssembly.Instance })?.instance;
        if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) memories.push(v);
        return r;
      };
    }
  });
}

const MB = 1 << 20;
async function expectWasmMemoryBelow(page: Page, ceilingMB: number) {
  const bytes = await page.evaluate(() => (window as unknown as { __wasmBytes: () => number }).__wasmBytes());
  expect(bytes, 'a wasm memory was found').toBeGreaterThan(0);
  test.info().annotations.push({ type: 'wasm memory (MB)', description: (bytes / MB).toFixed(1) });
  expect(bytes / MB, `wasm memory (MB) under ${ceilingMB} MB`).toBeLessThan(ceilingMB);
}

/** A readable support request. */
const goodRecord = (i: number, title = `Support request ${i}`) =>
  JSON.stringify({ type: 'supportRequest', id: `good-${i}`, caseNumber: `CN-${i}`, title, status: 'open', createdAt: '2026-10-01T08:00:00Z', quantity: 1 });
const FIVE_GOOD = [0, 1, 2, 3, 4].map((i) => goodRecord(i)).join(',');
const activityBody = (id: string, items: string) => `{"entitlementId":${JSON.stringify(id)},"records":[${items}]}`;
const json = (body: string) => ({ status: 200, contentType: 'application/json', body });
const retryAlert = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });

/** The drilldown of an entitlement whose records the test serves; the backend's records for Retry. */
async function drilldownSetup(page: Page, request: Parameters<typeof loadData>[0], persona: string) {
  const { me, doc } = await loadData(request, persona);
  const e = enterpriseEntitlement(doc, me);
  const { records } = await apiGet<EntitlementActivity>(request, `/entitlements/${e.id}/activity`, persona);
  await watchWasmMemory(page);
  return { me, e, records, d: new DrilldownPage(page) };
}

/** Retry after the fault is gone loads the backend's records, and the page behind still works. */
async function retryLoads(page: Page, d: DrilldownPage, me: Me, count: number) {
  await page.unroute(RECORDS);
  await retryAlert(page).getByRole('button', { name: 'Retry' }).click();
  await d.loaded();
  expect(await d.grid.countNumbers()).toEqual([count]);
  await page.getByRole('link', { name: 'Back to Customer Activity' }).click();
  await expectWorkspaceUsable(page, me);
}

test.describe('a hostile or broken server: bounded memory and time', () => {
  test('200,000 unreadable records beside five good ones: the five are shown, the rest counted', async ({ page, request, persona }) => {
    const { e, d } = await drilldownSetup(page, request, persona);
    const bad = Array.from({ length: 200_000 }, (_, i) => `{"type":"supportRequest","id":"bad-${i}","quantity":"many"}`).join(',');
    const body = activityBody(e.id, `${bad},${FIVE_GOOD}`);
    await page.route(RECORDS, (r) => r.fulfill(json(body)));
    await d.goto(e.id);
    await d.loaded();
    expect(await d.grid.countNumbers()).toEqual([5]);
    await expect(retryAlert(page)).toHaveCount(0);
    const details = await dataIssues(page);
    await expect(details.locator('summary')).toContainText('(200,000)');
    await expect(details).toContainText('bad-0');
    // The first 50 listed, then how many more.
    await expect(details.locator('li')).toHaveCount(51);
    await expect(details.locator('li').last()).toHaveText('and 199,950 more');
    // Usable: Filter rows works on the five.
    await d.grid.search.fill('request 3');
    await expect.poll(() => d.grid.countNumbers()).toEqual([1, 5]);
    await expectWasmMemoryBelow(page, 24);
  });

  test('a lying Content-Length (4,000,000,000) and a short body: "the answer was too large", Retry loads', async ({ page, request, persona }) => {
    const { me, e, records, d } = await drilldownSetup(page, request, persona);
    await page.route(RECORDS, (r) =>
      r.fulfill({ status: 200, headers: { 'content-type': 'application/json', 'content-length': '4000000000' }, body: activityBody(e.id, FIVE_GOOD) }),
    );
    await d.goto(e.id);
    await expect(retryAlert(page)).toContainText('the answer was too large');
    await expect(d.total).toBeVisible();
    await expectWasmMemoryBelow(page, 8);
    await retryLoads(page, d, me, records.length);
  });

  test('a body that never ends: the request times out with an alert, Retry loads', async ({ page, request, persona }) => {
    const { me, e, records, d } = await drilldownSetup(page, request, persona);
    // A server that sends the start of a document, then a space every 100 ms, forever.
    let asked = 0;
    const server = http.createServer((req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.write(`{"entitlementId":${JSON.stringify(e.id)},"records":[${FIVE_GOOD},`);
      const drip = setInterval(() => res.write(' '), 100);
      req.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      await page.route(RECORDS, (r) => r.continue({ url: `http://127.0.0.1:${port}/drip` }));
      await page.clock.install();
      await d.goto(e.id);
      await expect.poll(() => asked).toBe(1);
      await page.waitForTimeout(500); // a few drops arrive
      await expect(retryAlert(page)).toHaveCount(0);
      await page.clock.runFor(21_000);
      await expect(retryAlert(page)).toContainText('did not answer within 20 seconds');
      await expectWasmMemoryBelow(page, 8);
      await retryLoads(page, d, me, records.length);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('1 MB strings: the records are shown, each cell clipped, the export keeps them whole', async ({ page, request, persona }) => {
    const { e, d } = await drilldownSetup(page, request, persona);
    const long = (c: string) => c.repeat(MB);
    const items = [0, 1, 2, 3, 4].map((i) => goodRecord(i, `T${i} ${long('x')}`)).join(',');
    const badLongId = JSON.stringify({ type: 'supportRequest', id: `bad-${long('i')}`, quantity: long('q') });
    await page.route(RECORDS, (r) => r.fulfill(json(activityBody(e.id, `${items},${badLongId}`))));
    await d.goto(e.id);
    await d.loaded();
    expect(await d.grid.countNumbers()).toEqual([5]);
    await expect(retryAlert(page)).toHaveCount(0);
    const titles = await d.grid.columnTexts('Title');
    expect(titles.length).toBe(5);
    for (const t of titles) expect(t.length, 'a cell shows at most 1,000 characters').toBeLessThanOrEqual(1000);
    expect(titles[0].startsWith('T0 xxx')).toBe(true);
    const details = await dataIssues(page);
    expect((await details.innerText()).length, 'the flagged item is named briefly').toBeLessThan(2000);
    await d.grid.search.fill('t3 xxxx');
    await expect.poll(() => d.grid.countNumbers()).toEqual([1, 5]);
    await expectWasmMemoryBelow(page, 40);
  });

  test('one item nested 300 levels deep: it alone is reported, the others shown', async ({ page, request, persona }) => {
    const { e, d } = await drilldownSetup(page, request, persona);
    const arrays = `${'['.repeat(300)}${']'.repeat(300)}`;
    const objects = `{"type":"supportRequest","id":"deep","title":${'{"title":'.repeat(300)}0${'}'.repeat(300)}}`;
    await page.route(RECORDS, (r) => r.fulfill(json(activityBody(e.id, `${goodRecord(0)},${arrays},${objects},${[1, 2, 3, 4].map((i) => goodRecord(i)).join(',')}`))));
    await d.goto(e.id);
    await d.loaded();
    expect(await d.grid.countNumbers()).toEqual([5]);
    await expect(retryAlert(page)).toHaveCount(0);
    const details = await dataIssues(page);
    await expect(details.locator('summary')).toContainText('(2)');
    await expect(details).toContainText('deep');
    await expect(details).toContainText('#2');
    await expectWasmMemoryBelow(page, 8);
  });

  test('a q of 5,000 terms on 100,000 rows: the grid answers, and Filter rows stays usable', async ({ page, request, persona }) => {
    const { e, d } = await drilldownSetup(page, request, persona);
    // Titles where a term's rarest byte ("p") comes often before the term
    // does: each term costs a row many comparisons.
    const filler = 'supporx '.repeat(30);
    const rows = Array.from({ length: 100_000 }, (_, i) => goodRecord(i, `${filler}support request ${i}`)).join(',');
    const body = activityBody(e.id, rows);
    await page.route(RECORDS, (r) => r.fulfill(json(body)));
    // Words every row holds ("support request"), over and over: before the
    // budget each was searched on every row.
    const words = ['support', 'request', 'port', 'quest', 'sup', 'req', 'ort', 'est', 'upp', 'ques'];
    const q = Array.from({ length: 5000 }, (_, i) => words[i % words.length]).join(' ');
    await d.goto(e.id, `?q=${encodeURIComponent(q)}`);
    await expect.poll(() => d.grid.countNumbers(), { timeout: 15_000 }).toEqual([100_000, 100_000]);
    await expect(retryAlert(page)).toHaveCount(0);
    await d.grid.search.fill('request 99999');
    await expect.poll(() => d.grid.countNumbers()).toEqual([1, 100_000]);
    await d.grid.search.fill('');
    await expect.poll(() => d.grid.countNumbers()).toEqual([100_000]);
    await expectWasmMemoryBelow(page, 112);
  });
});

test('the early /me times out at 20 s where AbortSignal.timeout is missing: an alert, and Retry loads', async ({ page }) => {
  // The fake clock first: it brings an AbortSignal.timeout of its own.
  await page.clock.install();
  await page.addInitScript(() => {
    // As in Safari < 16.
    delete (AbortSignal as unknown as { timeout?: unknown }).timeout;
  });
  const ME = '**/api/v1/me';
  await page.route(ME, () => {
    // Never answers.
  });
  await page.goto('/customer-activity');
  expect(await page.evaluate(() => typeof AbortSignal.timeout), 'no AbortSignal.timeout').toBe('undefined');
  await page.waitForTimeout(500);
  await expect(retryAlert(page)).toHaveCount(0);
  await page.clock.runFor(21_000);
  const alert = retryAlert(page);
  await expect(alert).toContainText('did not answer within 20 seconds');
  await page.unroute(ME);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(new CustomerActivityPage(page).activeContracts.locator('tbody tr').first()).toBeVisible();
});
