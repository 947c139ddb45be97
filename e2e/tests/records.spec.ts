import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { DrilldownPage, DRILLDOWN_EN, DRILLDOWN_IT, AdditionalCasesPage, Grid, GRID_IT } from '../pages/drilldown';
import {
  type ActivityRecord,
  type AdditionalCase,
  type Me,
  apiGet,
  loadData,
  num,
  parseCsv,
  quantity,
} from '../support/data';

// Entitlements of the demo data: a contract mapped to two workspaces
// (support requests of both), proactive deliveries, support requests.
const SHARED_SR = 'e-sh-reactive';
const PROACTIVE = 'e-cu-proactive';
const REACTIVE = 'e-cu-reactive';

let me: Me;
const records: Record<string, ActivityRecord[]> = {};
let cases: AdditionalCase[];

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  me = (await loadData(request, 'customer-admin')).me;
  for (const id of [SHARED_SR, PROACTIVE, REACTIVE]) {
    records[id] = (await apiGet<{ records: ActivityRecord[] }>(request, `/entitlements/${id}/activity`, 'customer-admin')).records;
  }
  cases = (await apiGet<{ cases: AdditionalCase[] }>(request, '/additional-cases', 'customer-admin')).cases;
  await request.dispose();
});

async function text(d: Download): Promise<string> {
  return (await (await d.createReadStream()).toArray()).map((b) => b.toString('utf8')).join('');
}

async function workbook(d: Download): Promise<ExcelJS.Workbook> {
  const chunks = await (await d.createReadStream()).toArray();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks));
  return wb;
}

async function download(page: Page, group: string, button: string): Promise<Download> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: group }).getByRole('button', { name: button }).click(),
  ]);
  return d;
}

const dayOf = (s: string) => s.slice(0, 10);

test('a drilldown follows the Workspace selection, with a Workspace column under All workspaces', async ({ page }) => {
  const all = records[SHARED_SR];
  const mine = all.filter((r) => r.workspaceId === me.currentWorkspaceId);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThan(all.length);
  const d = new DrilldownPage(page);
  await d.goto(SHARED_SR);
  await d.loaded();
  expect(await d.grid.countNumbers()).toEqual([mine.length]);
  await expect(page.getByRole('note').filter({ hasText: 'other workspaces are not shown' })).toContainText(
    num(all.length - mine.length),
  );
  await expect(d.grid.header('Workspace')).toHaveCount(0);

  await d.goto(SHARED_SR, '?workspace=all');
  await d.loaded();
  expect(await d.grid.countNumbers()).toEqual([all.length]);
  await expect(d.grid.header('Workspace')).toHaveCount(1);
  const names = new Set(await d.grid.columnTexts('Workspace'));
  const expected = new Set(all.map((r) => me.workspaces.find((w) => w.id === r.workspaceId)!.name));
  expect(names).toEqual(expected);
  // Total consumption stays the entitlement's.
  await expect(d.total).toContainText('Total consumption');
});

test('From and To keep the records dated in the range, both ends included, with the In range sum', async ({ page }) => {
  const all = records[PROACTIVE];
  const days = [...new Set(all.map((r) => r.startDate as string))].sort();
  expect(days.length).toBeGreaterThan(4);
  const from = days[1];
  const to = days[days.length - 2];
  const kept = all.filter((r) => (r.startDate as string) >= from && (r.startDate as string) <= to);
  const d = new DrilldownPage(page);
  await d.goto(PROACTIVE);
  await d.loaded();
  await page.getByLabel('From', { exact: true }).fill(from);
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  await page.getByLabel('To', { exact: true }).fill(to);
  await expect(page).toHaveURL(new RegExp(`to=${to}`));
  await expect.poll(() => d.grid.countNumbers()).toEqual([kept.length]);
  const sum = Math.round(kept.reduce((s, r) => s + r.quantity, 0) * 100) / 100;
  const unit = (await apiGet<{ entitlements: { id: string; unit: string }[] }>(page.request, '/customer-activity', 'customer-admin'))
    .entitlements.find((e) => e.id === PROACTIVE)!.unit;
  await expect(page.getByRole('status').filter({ hasText: 'In range' })).toHaveText(`In range: ${quantity(sum, unit)}`);
  // A bookmark restores it; a reversed range says why nothing matches.
  await d.goto(PROACTIVE, `?from=${to}&to=${from}`);
  await d.loaded();
  await expect(page.getByRole('alert')).toContainText('From is after To');
  expect(await d.grid.countNumbers()).toEqual([0]);
  await page.getByRole('button', { name: 'Clear dates' }).click();
  await expect.poll(() => d.grid.countNumbers()).toEqual([all.length]);
  await expectNoAxeViolations(page);
});

test('proactive deliveries show the Engagement ID, Filter rows finds it, and only http(s) URLs are links', async ({ page }) => {
  const all = records[PROACTIVE];
  const withEng = all.find((r) => typeof r.engagementId === 'string')!;
  const d = new DrilldownPage(page);
  await d.goto(PROACTIVE);
  await d.loaded();
  await expect(d.grid.header('Engagement ID')).toHaveCount(1);
  await d.grid.search.fill(withEng.engagementId as string);
  await expect.poll(() => d.grid.countNumbers()).toEqual([1, all.length]);
  const link = d.grid.table.getByRole('link', { name: withEng.engagementId as string });
  await expect(link).toHaveAttribute('href', withEng.url as string);
  await expect(link).toHaveAttribute('rel', /noopener/);

  // A support request whose URL is not http(s): its case number is text.
  const bad = records[REACTIVE].find((r) => typeof r.url === 'string' && !/^https?:/.test(r.url as string))!;
  const good = records[REACTIVE].find((r) => typeof r.url === 'string' && /^https:/.test(r.url as string))!;
  await d.goto(REACTIVE);
  await d.loaded();
  await d.grid.search.fill(bad.caseNumber as string);
  await expect.poll(() => d.grid.countNumbers()).toEqual([1, records[REACTIVE].length]);
  await expect(d.grid.rows.first()).toContainText(bad.caseNumber as string);
  await expect(d.grid.table.getByRole('link')).toHaveCount(0);
  await d.grid.search.fill(good.caseNumber as string);
  await expect(d.grid.table.getByRole('link', { name: good.caseNumber as string })).toHaveAttribute('href', good.url as string);
});

test('Export: CSV and Excel hold the rows shown, in the order shown, then the other fields', async ({ page }) => {
  const d = new DrilldownPage(page);
  // A filter that keeps a few rows (all drawn), sorted by quantity.
  const words = [...new Set(records[REACTIVE].flatMap((r) => String(r.title).split(/\s+/)))].filter((w) => w.length > 3);
  let shown = 0;
  for (const w of words) {
    await d.goto(REACTIVE, `?sort=quantity&dir=desc&q=${encodeURIComponent(w)}`);
    await d.loaded();
    [shown] = await d.grid.countNumbers();
    if (shown > 1 && shown <= 30) break;
  }
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThanOrEqual(30);
  const headers = (await d.grid.headers.allInnerTexts()).map((t) => t.trim());
  const caseNumbers = await d.grid.columnTexts('Case number');

  const csv = await download(page, 'Export', 'Download CSV');
  expect(csv.suggestedFilename()).toMatch(/^problem-resolution-support-\d{4}-\d{2}-\d{2}\.csv$|^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const body = await text(csv);
  expect(body.charCodeAt(0), 'UTF-8 BOM').toBe(0xfeff);
  expect(body).toContain('\r\n');
  const rows = parseCsv(body.slice(1).trimEnd());
  expect(rows[0].slice(0, headers.length)).toEqual(headers);
  expect(rows[0].slice(headers.length)).toEqual(['ID', 'Workspace', 'Link']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(caseNumbers);
  const created = headers.indexOf('Created');
  for (const r of rows.slice(1)) {
    expect(r[created]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const cell of r) for (const piece of cell.split(';')) expect(piece).not.toMatch(/^[=+\-@\t\r]/);
  }

  const xlsx = await download(page, 'Export', 'Download Excel');
  expect(xlsx.suggestedFilename()).toMatch(/-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = await workbook(xlsx);
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0];
  expect(ws.rowCount).toBe(shown + 1);
  expect((ws.getRow(1).values as unknown[]).slice(1, headers.length + 1)).toEqual(headers);
  expect(ws.getRow(1).font?.bold ?? ws.getCell(1, 1).font?.bold).toBe(true);
  expect(ws.views[0]?.state).toBe('frozen');
  expect(ws.autoFilter).toBeTruthy();
  for (let i = 0; i < shown; i++) {
    const row = ws.getRow(i + 2);
    expect(String(row.getCell(1).value)).toBe(caseNumbers[i]);
    expect(row.getCell(created + 1).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(headers.length).type).toBe(ExcelJS.ValueType.Number);
    row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula));
  }
});

test('Additional cases: the cases of no workspace under All workspaces, a note under one', async ({ page }) => {
  const none = cases.filter((c) => !c.workspaceId);
  expect(none.length).toBeGreaterThan(0);
  const ac = new AdditionalCasesPage(page);
  await ac.goto('?workspace=all');
  const adv = cases.filter((c) => c.service === 'advisorySupport').length;
  const pr = cases.filter((c) => c.service === 'reactiveSupport').length;
  await expect(ac.service.locator('option')).toHaveText([`Advisory support (${adv})`, `Problem resolution support (${pr})`]);
  await expect(ac.grid.header('Workspace')).toHaveCount(1);
  const noneAdv = none.filter((c) => c.service === 'advisorySupport');
  const ws = await ac.grid.columnTexts('Workspace');
  expect(ws.filter((w) => w === 'None')).toHaveLength(noneAdv.length);

  await ac.goto(`?workspace=${me.currentWorkspaceId}`);
  await expect(page.getByRole('note')).toContainText(`${none.length} case`);
  await expect(page.getByRole('note')).toContainText('All workspaces');
  await expect(ac.grid.header('Workspace')).toHaveCount(0);

  // Exports of the cases, named as the contract says.
  const csv = await download(page, 'Export', 'Download CSV');
  expect(csv.suggestedFilename()).toMatch(/^additional-cases-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv((await text(csv)).slice(1).trimEnd());
  const [n] = await ac.grid.countNumbers();
  expect(rows).toHaveLength(n + 1);
  const xlsx = await download(page, 'Export', 'Download Excel');
  expect(xlsx.suggestedFilename()).toMatch(/^additional-cases-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect((await workbook(xlsx)).worksheets[0].rowCount).toBe(n + 1);
  await expectNoAxeViolations(page);
});

test.describe('the proof-of-delivery workbook', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('progress, a failed fetch with Retry that resumes, then a Summary and one sheet per entitlement', async ({ page }) => {
    const fetched: string[] = [];
    let failOnce = true;
    await page.route('**/api/v1/entitlements/*/activity', async (route) => {
      const id = decodeURIComponent(route.request().url().split('/entitlements/')[1].split('/')[0]);
      fetched.push(id);
      if (failOnce && fetched.length === 2) {
        failOnce = false;
        await route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'Try again.' }),
        });
        return;
      }
      await route.continue();
    });
    await page.goto('/customer-activity');
    const pod = page.getByRole('group', { name: 'Proof of delivery' });
    await pod.getByRole('button', { name: 'Download Excel' }).click();
    const bar = page.getByRole('progressbar', { name: 'Preparing proof of delivery' });
    await expect(bar).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'proof of delivery' });
    await expect(alert).toBeVisible();
    const before = fetched.length;
    const [d] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Retry' }).click()]);
    expect(d.suggestedFilename()).toMatch(/^proof-of-delivery-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(bar).toBeHidden();
    const wb = await workbook(d);
    const summary = wb.worksheets[0];
    expect(summary.name).toBe('Summary');
    const lines = summary.getSheetValues().filter((r, i) => i > 1 && Array.isArray(r) && r.length > 3).length;
    expect(wb.worksheets).toHaveLength(lines + 1);
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    // Retry resumed: only the failed fetch and those not yet done were sent again.
    expect(fetched.length - before).toBeLessThan(lines);
    expect(new Set(fetched).size).toBe(lines);
  });

  test('Cancel stops it and saves nothing', async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/entitlements/*/activity', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.goto('/customer-activity');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('group', { name: 'Proof of delivery' }).getByRole('button', { name: 'Download Excel' }).click();
    const bar = page.getByRole('progressbar', { name: 'Preparing proof of delivery' });
    await expect(bar).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toBeHidden();
    release();
    await page.waitForTimeout(1000);
    expect(downloaded).toBe(false);
    await expect(page.getByRole('group', { name: 'Proof of delivery' }).getByRole('button', { name: 'Download Excel' })).toBeEnabled();
  });
});

test.describe('in Italian', () => {
  test.use({ locale: 'it-IT' });

  test('the date range, the Export group and the cases options follow the seed', async ({ page }) => {
    const d = new DrilldownPage(page, DRILLDOWN_IT);
    await d.goto(PROACTIVE);
    await d.loaded();
    await expect(page.getByLabel('Dal', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Al', { exact: true })).toBeVisible();
    const g = page.getByRole('group', { name: 'Esporta' });
    await expect(g.getByRole('button', { name: 'Scarica CSV' })).toBeVisible();
    await expect(g.getByRole('button', { name: 'Scarica Excel' })).toBeVisible();
    await expect(d.grid.header('ID engagement')).toHaveCount(1);
    await page.goto('/customer-activity/additional-cases?workspace=all');
    await expect(page.getByRole('combobox', { name: 'Servizio a consumo' }).locator('option').nth(1)).toHaveText(
      /^Risoluzione dei problemi \(\d+\)$/,
    );
    await page.goto('/customer-activity');
    await expect(page.getByRole('group', { name: 'Prova di consegna (CPOD)' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test('a hostile generatedAt and hostile names reach the proof-of-delivery CSV as text, never as a formula or a forged row', async ({ page }) => {
  await page.route('**/api/v1/customer-activity', async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.generatedAt = '=HYPERLINK("http://evil.test","x")\r\nForged,row';
    const e = doc.entitlements.find((x: { kind: string; packageId?: string | null }) => x.kind === 'consumptionService' && !x.packageId);
    e.name = 'x;=1+1';
    await route.fulfill({ response: res, json: doc });
  });
  await page.goto('/customer-activity');
  const d = await download(page, 'Proof of delivery', 'Download CSV');
  const body = await text(d);
  const rows = parseCsv(body.slice(1).trimEnd());
  expect(rows.some((r) => r[0] === 'Forged'), 'no forged row').toBe(false);
  expect(rows.at(-1)![0]).toBe('Data as of');
  expect(rows.at(-1)![1]).toBe('\'=HYPERLINK("http://evil.test","x")\r\nForged,row');
  expect(rows.some((r) => r.includes("x;'=1+1")), 'the name neutralised after ;').toBe(true);
  for (const r of rows) for (const cell of r) for (const piece of cell.split(';')) expect(piece).not.toMatch(/^[=+\-@\t\r]/);
});

test('columns resize with the keyboard and the mouse, the cells follow, and the widths are remembered', async ({ page }) => {
  const d = new DrilldownPage(page);
  await d.goto(REACTIVE);
  await d.loaded();
  const th = d.grid.header('Title');
  const width = async () => (await th.boundingBox())!.width;
  const cellWidth = async () => (await d.grid.rows.first().locator('td').nth(await d.grid.columnIndex('Title')).boundingBox())!.width;
  const handle = d.grid.table.getByRole('separator', { name: 'Resize column Title' });
  const w0 = await width();
  await handle.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(width).toBeGreaterThan(w0 + 20);
  const w1 = await width();
  expect(Math.abs((await cellWidth()) - w1)).toBeLessThan(2);
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(width).toBeGreaterThan(w1 + 60);
  const w2 = await width();
  expect(Math.abs((await cellWidth()) - w2)).toBeLessThan(2);
  await page.reload();
  await d.loaded();
  await expect.poll(width).toBeGreaterThan(w2 - 2);
  expect(await width()).toBeLessThan(w2 + 2);
  // Home goes back to the default width.
  await d.grid.table.getByRole('separator', { name: 'Resize column Title' }).focus();
  await page.keyboard.press('Home');
  await expect.poll(width).toBeLessThan(w0 + 2);
  await expectNoAxeViolations(page);
});

test.describe('for a user without access', () => {
  test.use({ persona: 'no-access' });

  for (const [given, linked] of [
    ['/hub/manage/users', true],
    ['javascript:alert(1)', false],
  ] as const) {
    test(`the access-denied view links to the host's Manage Users page (${given}: ${linked ? 'a link' : 'no link'})`, async ({ page }) => {
      await page.route('**/customer-activity', async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const res = await route.fetch();
        const html = (await res.text()).replace(
          '<meta name="customer-activity:demo"',
          `<meta name="customer-activity:manage-users-url" content="${given}" />\n    <meta name="customer-activity:demo"`,
        );
        await route.fulfill({ response: res, body: html });
      });
      await page.goto('/customer-activity');
      await expect(page.getByRole('heading', { level: 1, name: "You don't have access to Customer Activity" })).toBeVisible();
      await expect(page.getByText('Manage Users page')).toBeVisible();
      const link = page.getByRole('link', { name: 'Open Manage Users' });
      if (linked) await expect(link).toHaveAttribute('href', given);
      else await expect(link).toHaveCount(0);
    });
  }
});

// A windowed grid (over 30 rows) keeps each row on one line: a cell whose
// text its column cuts off shows the whole text on hover (title) and on
// keyboard focus (a tooltip under it); Escape hides it.
for (const [locale, title, names, resize] of [
  ['en-US', 'Title', DRILLDOWN_EN, 'Resize column Title'],
  ['it-IT', 'Titolo', DRILLDOWN_IT, 'Ridimensiona la colonna Titolo'],
] as const) {
  test.describe(`cut-off cells (${locale})`, () => {
    test.use({ locale });

    test('a cut-off cell shows its whole text on hover and on keyboard focus', async ({ page }) => {
      expect(records[REACTIVE].length).toBeGreaterThan(30);
      const d = new DrilldownPage(page, names);
      await d.goto(REACTIVE);
      await d.loaded();
      const i = await d.grid.columnIndex(title);
      // The Title column at its narrowest: long titles are cut off.
      const handle = d.grid.table.getByRole('separator', { name: resize, exact: true });
      await handle.focus();
      for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowLeft');
      const cells = d.grid.rows.locator(`td:nth-child(${i + 1})`);
      const cut = cells.and(page.locator('[tabindex]')).first();
      await expect(cut).toBeVisible();
      const whole = (await cut.textContent())!;
      expect(await cut.evaluate((td) => td.scrollWidth > td.clientWidth), 'the text is cut off').toBe(true);
      const full = records[REACTIVE].map((r) => r.title as string);
      expect(full).toContain(whole);

      await cut.hover();
      await expect(cut).toHaveAttribute('title', whole);

      // From the last header, Tab reaches a cut-off cell.
      const tip = page.locator('.grid-tip');
      await expect(tip).toBeHidden();
      await d.grid.table.getByRole('separator').last().focus();
      let reached = false;
      for (let k = 0; k < 40 && !reached; k++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => {
          const a = document.activeElement;
          return !!a && a.matches('tbody td[tabindex]') && a.scrollWidth > a.clientWidth;
        });
      }
      expect(reached, 'Tab reaches a cut-off cell').toBe(true);
      const focused = page.locator('tbody td:focus');
      const text = (await focused.textContent())!;
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(text);
      await cut.focus();
      await expect(tip).toHaveText(whole);
      const [tb, cb] = [(await tip.boundingBox())!, (await cut.boundingBox())!];
      expect(tb.y).toBeGreaterThanOrEqual(cb.y + cb.height - 1);
      expect(Math.abs(tb.x - cb.x)).toBeLessThan(2);
      await page.keyboard.press('Escape');
      await expect(tip).toBeHidden();
      await expectNoAxeViolations(page);
    });
  });
}

// The words a Services Hub user knows, and the explanations a keyboard
// reaches (toggletips: Enter opens, Escape closes), in both languages.
for (const [locale, w] of [
  [
    'en-US',
    {
      subtitle: '(Advisory and Reactive Support)',
      more: 'More information',
      delivered: 'Delivered hours',
      deliveredHelp: /Risk Management guidance \(Gestione dei rischi\)/,
      asNeeded: 'As needed',
      asNeededHelp: /no cap on this service/,
      pod: 'Proof of delivery (CPOD)',
      podHelp: /Customer Proof of Delivery \(CPOD\)/,
      details: DRILLDOWN_EN,
    },
  ],
  [
    'it-IT',
    {
      subtitle: '(Supporto Consultivo e Reattivo)',
      more: 'Altre informazioni',
      delivered: 'Ore consegnate',
      deliveredHelp: /Gestione dei rischi/,
      asNeeded: 'Se necessario',
      asNeededHelp: /non prevede un limite/,
      pod: 'Prova di consegna (CPOD)',
      podHelp: /Customer Proof of Delivery \(CPOD\)/,
      details: DRILLDOWN_IT,
    },
  ],
] as const) {
  test.describe(`words and explanations (${locale})`, () => {
    test.use({ locale });

    test('the Support As Needed subtitle, and toggletips for delivered hours, As needed and the CPOD', async ({ page }) => {
      const open = async (topic: string, help: RegExp) => {
        const b = page.getByRole('button', { name: `${w.more}: ${topic}` });
        await b.focus();
        await expect(b).toHaveAttribute('aria-expanded', 'false');
        await page.keyboard.press('Enter');
        await expect(b).toHaveAttribute('aria-expanded', 'true');
        // Announced: the text is inside a live region.
        await expect(page.getByRole('status').filter({ hasText: help })).toHaveCount(1);
        await expect(page.getByText(help)).toBeVisible();
        await expectNoAxeViolations(page);
        await page.keyboard.press('Escape');
        await expect(b).toHaveAttribute('aria-expanded', 'false');
        await expect(page.getByRole('status').filter({ hasText: help })).toHaveCount(0);
      };
      await page.goto('/customer-activity');
      await expect(page.getByText(w.subtitle, { exact: true })).toBeVisible();
      await expect(page.getByRole('group', { name: w.pod })).toBeVisible();
      await open(w.pod, w.podHelp);

      const d = new DrilldownPage(page, w.details);
      await d.goto(PROACTIVE);
      await d.loaded();
      await open(w.delivered, w.deliveredHelp);
      await d.goto('e-cu-advisory');
      await d.loaded();
      await open(w.asNeeded, w.asNeededHelp);
      // The tile's list of entitlements carries the subtitle under its heading.
      await page.goto('/customer-activity/tiles/support-as-needed');
      await expect(page.getByRole('heading', { level: 1 }).locator('xpath=following-sibling::p[1]')).toHaveText(w.subtitle);
    });
  });
}

test.describe('workspaces and dates in Italian', () => {
  test.use({ locale: 'it-IT' });

  test('cases of no workspace ("Nessuna"), the notes, and Dal/Al with Nell\'intervallo', async ({ page }) => {
    const none = cases.filter((c) => !c.workspaceId);
    await page.goto('/customer-activity/additional-cases?workspace=all');
    const grid = new Grid(page, 'Casi', GRID_IT);
    await expect(page.getByRole('heading', { level: 1, name: 'Casi aggiuntivi' })).toBeVisible();
    await expect(grid.header('Area di lavoro')).toHaveCount(1);
    const noneAdv = none.filter((c) => c.service === 'advisorySupport');
    await expect.poll(async () => (await grid.columnTexts('Area di lavoro')).filter((w) => w === 'Nessuna').length).toBe(noneAdv.length);
    await page.goto(`/customer-activity/additional-cases?workspace=${me.currentWorkspaceId}`);
    await expect(page.getByRole('note')).toContainText(`${none.length} cas`);
    await expect(page.getByRole('note')).toContainText('Tutte le aree di lavoro');
    await expect(grid.header('Area di lavoro')).toHaveCount(0);

    // A drilldown under one workspace says what it leaves out.
    const d = new DrilldownPage(page, DRILLDOWN_IT);
    const all = records[SHARED_SR];
    const hidden = all.filter((r) => r.workspaceId !== me.currentWorkspaceId).length;
    await d.goto(SHARED_SR);
    await d.loaded();
    await expect(page.getByRole('note').filter({ hasText: 'altre aree di lavoro non sono mostrati' })).toContainText(`${hidden} record`);

    // Dal/Al and the In range sum in Italian words and numbers.
    const days = [...new Set(records[PROACTIVE].map((r) => r.startDate as string))].sort();
    const [from, to] = [days[0], days[days.length - 1]];
    await d.goto(PROACTIVE, `?from=${from}&to=${to}`);
    await d.loaded();
    await expect(page.getByLabel('Dal', { exact: true })).toHaveValue(from);
    await expect(page.getByLabel('Al', { exact: true })).toHaveValue(to);
    await expect(page.getByRole('status').filter({ hasText: "Nell'intervallo" })).toHaveText(/^Nell'intervallo: \d/);
    await page.getByLabel('Dal', { exact: true }).fill(to);
    await page.getByLabel('Al', { exact: true }).fill(from);
    await expect(page.getByRole('alert')).toContainText('La data Dal è successiva alla data Al');
    await expectNoAxeViolations(page);
  });
});
