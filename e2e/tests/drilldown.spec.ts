import { test, expect } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';
import { DrilldownPage } from '../pages/drilldown';
import {
  type ActivityRecord,
  type CustomerActivity,
  type Entitlement,
  RECORD_TYPES,
  type RecordType,
  anyDateMs,
  entitlementPerRecordType,
  fmtAnyDate,
  fold,
  loadData,
  num,
  quantity,
  unitHeader,
} from '../support/data';

type Sample = { entitlement: Entitlement; records: ActivityRecord[] };
let doc: CustomerActivity;
let samples: Record<RecordType, Sample>;

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  doc = (await loadData(request, 'customer-admin')).doc;
  samples = await entitlementPerRecordType(request, 'customer-admin', doc);
  await request.dispose();
});

/** Rows are all in the DOM when there are at most this many (the grid draws at least a page). */
const ALL_DRAWN = 30;
const K = 5;

function byFolded(a: string, b: string) {
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

for (const type of Object.keys(RECORD_TYPES) as RecordType[]) {
  test.describe(`drilldown of a ${type} entitlement`, () => {
    test('heading, Total consumption, description, contract and the grid headers', async ({ page }) => {
      const { entitlement: e, records } = samples[type];
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await expect(d.heading).toHaveText(e.name);
      await expect(d.total).toContainText('Total consumption');
      await expect(d.total).toContainText(quantity(e.consumed, e.unit));
      if (e.purchased !== null) await expect(d.total).toContainText(quantity(e.purchased, e.unit));
      if (e.description) await expect(page.getByRole('main')).toContainText(e.description);
      const contract = doc.contracts.find((c) => c.id === e.contractId)!;
      await expect(page.getByRole('main')).toContainText(contract.number);
      if (e.packageId) {
        const p = doc.packages.find((x) => x.id === e.packageId)!;
        await expect(page.getByRole('main')).toContainText(p.name);
      }
      await d.loaded();
      await expect(d.grid.table).toBeVisible();
      const headers = d.grid.headers;
      const n = await headers.count();
      expect(n).toBeGreaterThan(2);
      for (let i = 0; i < n; i++) await expect(headers.nth(i)).toHaveAttribute('aria-sort', 'none');
      // The quantity column is headed by the unit.
      await expect(d.grid.header(unitHeader(e.unit))).toHaveCount(1);
      await expect(d.grid.header(RECORD_TYPES[type].text.header)).toHaveCount(1);
      await expect(d.grid.header(RECORD_TYPES[type].date.header)).toHaveCount(1);
      // The count and the rows.
      expect(await d.grid.countNumbers()).toEqual([records.length]);
      await expect(d.grid.count).toHaveText(new RegExp(`^${num(records.length)} records?$`));
      if (records.length <= ALL_DRAWN) await expect(d.grid.rows).toHaveCount(records.length);
      else expect(await d.grid.rows.count()).toBeLessThanOrEqual(records.length);
    });

    test('sorting by a number, a date and a text column orders the rows and toggles aria-sort', async ({ page }) => {
      const { entitlement: e, records } = samples[type];
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await d.loaded();
      const g = d.grid;
      const cols = [
        {
          header: unitHeader(e.unit),
          values: records.map((r) => r.quantity),
          cmp: (a: number, b: number) => a - b,
          show: (v: number) => num(v),
        },
        {
          header: RECORD_TYPES[type].date.header,
          values: records.map((r) => r[RECORD_TYPES[type].date.field] as string | undefined | null).filter((v): v is string => !!v),
          cmp: (a: string, b: string) => anyDateMs(a) - anyDateMs(b),
          show: (v: string) => fmtAnyDate(v),
        },
        {
          header: RECORD_TYPES[type].text.header,
          values: records.map((r) => r[RECORD_TYPES[type].text.field] as string),
          cmp: byFolded,
          show: (v: string) => v,
        },
      ] as const;
      for (const col of cols) {
        const values = [...(col.values as unknown[])];
        const show = col.show as (v: unknown) => string;
        const cmp = col.cmp as (a: unknown, b: unknown) => number;
        // Empty values sort last in either direction.
        const empty = Array(records.length - values.length).fill('');
        const asc = [...[...values].sort(cmp).map(show), ...empty];
        const desc = [...[...values].sort((a, b) => cmp(b, a)).map(show), ...empty];

        await g.sortBy(col.header);
        await expect(g.header(col.header)).toHaveAttribute('aria-sort', 'ascending');
        await expect(page).toHaveURL(/[?&]sort=[^&]+&dir=asc|[?&]dir=asc/);
        const sorts = await g.headers.evaluateAll((hs) => hs.map((h) => [(h.textContent ?? '').trim(), h.getAttribute('aria-sort')]));
        for (const [name, sort] of sorts) if (name !== col.header) expect(sort, `${name} while sorting ${col.header}`).toBe('none');
        await expect
          .poll(() => g.columnTexts(col.header, K), { message: `${col.header} ascending` })
          .toEqual(asc.slice(0, K));

        await g.sortBy(col.header);
        await expect(g.header(col.header)).toHaveAttribute('aria-sort', 'descending');
        await expect
          .poll(() => g.columnTexts(col.header, K), { message: `${col.header} descending` })
          .toEqual(desc.slice(0, K));
        // Sorting never changes how many rows there are.
        expect(await g.countNumbers()).toEqual([records.length]);
      }
    });

    test('Filter rows narrows, only narrows, and the count matches the rows', async ({ page }) => {
      const { entitlement: e, records } = samples[type];
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await d.loaded();
      const g = d.grid;
      const field = RECORD_TYPES[type].text.field;
      // A query that some record matches: two words of a record's text column.
      const source = records.map((r) => String(r[field])).find((t) => t.split(/\s+/).filter((w) => w.length >= 3).length >= 2) ??
        String(records[0][field]);
      const words = source.split(/\s+/).filter((w) => w.length >= 3);
      const query = words.slice(0, 2).join(' ');
      let previous = records.length;
      for (let i = 1; i <= query.length; i++) {
        const q = query.slice(0, i);
        await g.search.fill(q);
        await expect(page).toHaveURL(/[?&]q=/);
        await expect.poll(async () => (await g.countNumbers())[1], { message: `total for "${q}"` }).toBe(records.length);
        const [shown] = await g.countNumbers();
        expect(shown, `"${q}" only narrows`).toBeLessThanOrEqual(previous);
        expect(shown, `"${q}" matches the record it came from`).toBeGreaterThanOrEqual(1);
        if (shown <= ALL_DRAWN) await expect(g.rows, `"${q}": count text = rows`).toHaveCount(shown);
        previous = shown;
      }
      await expect(g.count).toHaveText(new RegExp(`^${num(previous)} of ${num(records.length)} records match$`));
      // Every row shown holds each word of the query (case and accents aside).
      const texts = await g.rows.allInnerTexts();
      for (const t of texts) for (const w of query.split(/\s+/)) expect(fold(t)).toContain(fold(w));
      // The source row is among them.
      expect(texts.some((t) => t.includes(source))).toBe(true);

      await g.search.fill('zzqx-no-such-thing');
      await expect(g.rows).toHaveCount(0);
      expect(await g.countNumbers()).toEqual([0, records.length]);

      await g.search.fill('');
      await expect.poll(() => g.countNumbers()).toEqual([records.length]);
      if (records.length <= ALL_DRAWN) await expect(g.rows).toHaveCount(records.length);
    });

    test('the chart canvas is painted and has a text alternative', async ({ page }) => {
      const { entitlement: e } = samples[type];
      const d = new DrilldownPage(page);
      await d.goto(e.id);
      await d.loaded();
      await expect(d.chart).toHaveCount(1);
      await expect(d.chart).toHaveAttribute('role', 'img');
      await expect(d.chart).toHaveAttribute('aria-label', /\w{3,}/);
      await expect.poll(() => d.paintedPixels(), { message: 'painted pixels' }).toBeGreaterThan(500);
    });
  });
}

test('a status cell with no value shows no badge, also in rows drawn again after sorts', async ({ page }) => {
  const { entitlement: e, records } = samples.supportRequest;
  const without = records.filter((r) => !(r as { severity?: string }).severity).length;
  test.skip(without === 0 || without === records.length, 'needs records with and without a severity');
  const d = new DrilldownPage(page);
  await d.goto(e.id);
  await d.loaded();
  const g = d.grid;
  const i = await g.columnIndex('Severity');
  // Per drawn row: the cell's text, and how many elements in it are shown.
  const mismatches = () =>
    g.rows.evaluateAll(
      (trs, i) =>
        trs
          .map((tr) => tr.children[i as number])
          .map((td) => {
            const text = (td.textContent ?? '').trim();
            const shown = [...td.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0).length;
            return shown === (text ? 1 : 0) ? null : `"${text}" with ${shown} shown element(s)`;
          })
          .filter((m) => m !== null),
      i,
    );
  for (const step of ['load', 'Severity', 'Severity', 'Title', 'Severity']) {
    if (step !== 'load') await g.sortBy(step);
    await expect.poll(mismatches, { message: `after ${step}` }).toEqual([]);
  }
});

test('the URL\'s q follows what is typed, and a q from history (Back, Forward) fills the box and filters', async ({ page }) => {
  const { entitlement: e, records } = samples.supportRequest;
  const titles = records.map((r) => String(r.title));
  // Two queries that keep different rows: the first word of two titles.
  const a = titles[0].split(/\s+/)[0];
  const b = titles.map((t) => t.split(/\s+/)[0]).find((w) => fold(w) !== fold(a) && !fold(w).includes(fold(a)) && !fold(a).includes(fold(w)))!;
  const matching = (q: string) => records.filter((r) => fold(String(r.title)).includes(fold(q))).length;
  const d = new DrilldownPage(page);
  await d.goto(e.id);
  await d.loaded();
  const g = d.grid;
  const qOf = () => new URL(page.url()).searchParams.get('q');

  // Typed one key at a time: the URL ends with exactly what was typed.
  await g.search.pressSequentially(a);
  await expect.poll(qOf).toBe(a);
  await expect.poll(async () => (await g.countNumbers())[0]).toBeGreaterThanOrEqual(matching(a));

  // A new history entry with another q (as a link or Back would bring).
  await page.evaluate((q) => {
    const u = new URL(location.href);
    u.searchParams.set('q', q);
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, b);
  await expect(g.search).toHaveValue(b);
  await expect.poll(async () => (await g.countNumbers())[0]).toBeGreaterThanOrEqual(matching(b));
  const withB = (await g.countNumbers())[0];

  await page.goBack();
  await expect(g.search).toHaveValue(a);
  await expect.poll(qOf).toBe(a);
  await page.goForward();
  await expect(g.search).toHaveValue(b);
  await expect.poll(async () => (await g.countNumbers())[0]).toBe(withB);

  // Cleared: no q left in the URL, every record back.
  await g.search.fill('');
  await expect.poll(qOf).toBe(null);
  await expect.poll(() => g.countNumbers()).toEqual([records.length]);
});

test('a javascript: action is not a link; an http(s) action is', async ({ page }) => {
  const bad = doc.entitlements.find((e) => e.action && !/^https?:/i.test(e.action.url.trim()));
  expect(bad, 'an entitlement whose action URL is not http(s)').toBeTruthy();
  const d = new DrilldownPage(page);
  await d.goto(bad!.id);
  await expect(d.heading).toHaveText(bad!.name);
  await d.loaded();
  await expect(page.getByRole('link', { name: bad!.action!.label })).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], a[href*="javascript:" i]')).toHaveCount(0);

  const good = doc.entitlements.find((e) => e.action && /^https?:\/\//i.test(e.action.url))!;
  await d.goto(good.id);
  await expect(d.heading).toHaveText(good.name);
  const link = page.getByRole('main').getByRole('link', { name: good.action!.label });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', good.action!.url);
});

test('an add-on drilldown names its package and contract', async ({ page }) => {
  const e = doc.entitlements.find((x) => x.packageId && x.kind === 'consumptionService')!;
  const p = doc.packages.find((x) => x.id === e.packageId)!;
  const c = doc.contracts.find((x) => x.id === e.contractId)!;
  const d = new DrilldownPage(page);
  await d.goto(e.id);
  await expect(d.heading).toHaveText(e.name);
  await expect(page.getByRole('main')).toContainText(p.name);
  await expect(page.getByRole('main')).toContainText(c.number);
  await d.loaded();
});

test('a large set keeps the DOM small and still reaches its last row', async ({ page }) => {
  const { entitlement: e, records } = samples.supportRequest;
  const N = 5000;
  await page.route('**/api/v1/entitlements/*/activity', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        entitlementId: e.id,
        records: Array.from({ length: N }, (_, i) => ({
          ...records[i % records.length],
          id: `bulk-${i}`,
          caseNumber: `BULK${String(i).padStart(6, '0')}`,
          title: `Bulk record ${i}`,
          quantity: 1,
        })),
      }),
    }),
  );
  const d = new DrilldownPage(page);
  await d.goto(e.id);
  await d.loaded();
  expect(await d.grid.countNumbers()).toEqual([N]);
  const drawn = await d.grid.rows.count();
  expect(drawn, 'rows in the DOM').toBeGreaterThan(0);
  expect(drawn, 'only what is visible or one page').toBeLessThanOrEqual(200);
  // Scroll the grid (or the page) to the end: the last record comes into the DOM.
  await d.grid.table.evaluate((t) => {
    let el: HTMLElement | null = t.parentElement;
    while (el && !(el.scrollHeight > el.clientHeight && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    const target = el ?? (document.scrollingElement as HTMLElement);
    target.scrollTop = target.scrollHeight;
    target.dispatchEvent(new Event('scroll'));
  });
  await expect(d.grid.table.getByText(`Bulk record ${N - 1}`, { exact: true })).toBeVisible();
  expect(await d.grid.rows.count()).toBeLessThanOrEqual(200);
  // Filtering the large set is exact too.
  await d.grid.search.fill('Bulk record 4999');
  await expect.poll(() => d.grid.countNumbers()).toEqual([1, N]);
  await expect(d.grid.rows).toHaveCount(1);
});

test.describe('a long list (a body over 4 MB)', () => {
  const N = 14000;
  const bulk = () => {
    const { entitlement: e, records } = samples.supportRequest;
    return JSON.stringify({
      entitlementId: e.id,
      records: Array.from({ length: N }, (_, i) => ({
        ...records[i % records.length],
        id: `bulk-${i}`,
        caseNumber: `BULK${String(i).padStart(6, '0')}`,
        title: `Bulk record ${i} ${'x'.repeat(200)}`,
        quantity: 1,
      })),
    });
  };
  // Records what the page showed while the body was still loading.
  const watchPreview = (page: import('@playwright/test').Page) =>
    page.addInitScript(() => {
      const seen: { rows: number; first: string; text: string }[] = [];
      (window as unknown as { __preview: typeof seen }).__preview = seen;
      new MutationObserver(() => {
        const p = document.querySelector('.grid--preview');
        if (p && !seen.length) {
          const rows = p.querySelectorAll('tbody tr');
          seen.push({
            rows: rows.length,
            first: rows[0]?.querySelector('td')?.textContent ?? '',
            text: p.querySelector('.loading')?.textContent ?? '',
          });
        }
      }).observe(document, { subtree: true, childList: true });
    });

  test('shows its first rows while the rest loads, then the whole grid', async ({ page }) => {
    const body = bulk();
    expect(body.length).toBeGreaterThan(4 << 20);
    await watchPreview(page);
    await page.route('**/api/v1/entitlements/*/activity', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const d = new DrilldownPage(page);
    await d.goto(samples.supportRequest.entitlement.id);
    await d.loaded();
    expect(await d.grid.countNumbers()).toEqual([N]);
    const seen = await page.evaluate(() => (window as unknown as { __preview: unknown[] }).__preview);
    expect(seen).toEqual([{ rows: 30, first: 'BULK000000', text: 'Showing the first records while the rest load…' }]);
    await expect(page.locator('.grid--preview')).toHaveCount(0);
    await expect(d.grid.table).toHaveCount(1);
  });

  test('a sorted or filtered view waits for every record instead', async ({ page }) => {
    const body = bulk();
    await watchPreview(page);
    await page.route('**/api/v1/entitlements/*/activity', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    const d = new DrilldownPage(page);
    await d.goto(samples.supportRequest.entitlement.id, '?sort=quantity&dir=desc');
    await d.loaded();
    expect(await d.grid.countNumbers()).toEqual([N]);
    expect(await page.evaluate(() => (window as unknown as { __preview: unknown[] }).__preview)).toEqual([]);
  });
});

test.describe('an unknown entitlement', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });
  test('shows "Entitlement not found"', async ({ page }) => {
    await page.goto('/customer-activity/entitlements/no-such-entitlement-4711');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entitlement not found');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test("pointing at a drilldown's link fetches its records' code (a wasm part) before the click", async ({ page }) => {
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  const PART = /customer-activity-records-[0-9a-f]{16}\.wasm$/;
  // A link of the add-on region leads to a drilldown.
  const link = ca.addons.locator('a[href*="/customer-activity/entitlements/"]').first();
  await link.scrollIntoViewIfNeeded();
  // Asked on the hover alone (it times out otherwise).
  const asked = page.waitForRequest(PART, { timeout: 5000 });
  await link.hover();
  await asked;
  await link.click();
  const d = new DrilldownPage(page);
  await d.loaded();
  await expect(d.grid.table).toBeVisible();
});

test('the records arriving leave the summary as it was drawn: nothing in it is drawn again', async ({ page }) => {
  const { entitlement } = Object.values(samples)[0];
  // The records wait until the summary is on screen.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/entitlements/*/activity', async (route) => {
    await held;
    await route.continue();
  });
  const d = new DrilldownPage(page);
  await d.goto(entitlement.id);
  await expect(d.total).toBeVisible();
  // Every node the summary gains or loses from here on.
  await d.total.evaluate((section) => {
    const w = window as unknown as { __changed: number; __value: Element | null };
    w.__changed = 0;
    w.__value = section.querySelector('.summary__value');
    new MutationObserver((list) => {
      for (const m of list) w.__changed += m.addedNodes.length + m.removedNodes.length;
    }).observe(section, { childList: true, subtree: true });
  });
  release();
  await d.loaded();
  await expect(d.grid.table).toBeVisible();
  const { changed, same } = await page.evaluate(() => {
    const w = window as unknown as { __changed: number; __value: Element | null };
    return { changed: w.__changed, same: !!w.__value?.isConnected };
  });
  expect(same, 'the summary value is the element first drawn').toBe(true);
  expect(changed, 'nodes added to or removed from the summary').toBe(0);
});
