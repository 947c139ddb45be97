import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { CustomerActivityPage, EN, IT } from '../pages/customer-activity';
import { DRILLDOWN_IT, DrilldownPage } from '../pages/drilldown';
import { activeContracts, fmtDate, loadData, todayIn } from '../support/data';

test.use({ locale: 'it-IT' });

/** English UI strings that must not be left on an Italian page. */
const ENGLISH_UI = [
  'Customer Activity',
  'Consumed',
  'Purchased',
  'Remaining',
  'Expires',
  'Expired',
  'days? left',
  'Ends today',
  'Workspace',
  'All workspaces',
  'Contract',
  'All active contracts',
  'Package',
  'All packages',
  'Package status',
  'Active contracts',
  'Additional benefits',
  'Additional cases',
  'Total consumption',
  'Consumption details',
  'Consumption over time',
  'Consumption services?',
  'Filter rows',
  'records', // Italian says "record" in both numbers
  'As needed',
  'Delivered hours',
  'Start date',
  'End date',
  'Number',
  'Name',
  'Status',
  'Description',
  'Forecast',
  'Loading',
  'Retry',
  'Back to Customer Activity',
  'Integrated Proactive Services',
  'Support As Needed',
  'On-demand Education',
  'Support Contacts',
  'On-demand Assessments',
  'Advisory support',
  'Problem resolution support',
  'hours?',
  'credits?',
  'seats?',
  'contacts?',
  'assessments?',
  'Active',
  'Inactive',
  'Open',
  'Closed',
  'Manage',
  'Language',
];
const ENGLISH_RE = new RegExp(`\\b(${ENGLISH_UI.join('|')})\\b`);

/**
 * The page's own words (not the data's): labels, headers, terms, badges,
 * headings other than a drilldown's h1, statuses, figures and the filters'
 * fixed options, plus the ARIA texts the page writes.
 */
async function uiTexts(page: Page, { dataHeading = false } = {}): Promise<string[]> {
  return page.evaluate((dataHeading) => {
    const sel = [
      'label',
      'th',
      'dt',
      'caption',
      '.badge',
      'h2',
      'h4',
      '.tile__title',
      '.tile__figures dd',
      '.tile__delivered',
      '.card__expiry',
      '.svc__figures',
      '.summary__label',
      '.summary__value',
      '.forecast',
      '.as-of',
      '.note',
      '.crumbs',
      'summary',
      'button',
      '[role=status]',
      '[role=alert]',
      'td.num',
      'option[value=all]',
      'option[value=active]',
      'option[value=inactive]',
      'option[value=advisory]',
      'option[value=problemResolution]',
      'p.empty',
      'p.muted',
      ...(dataHeading ? [] : ['h1']),
    ].join(',');
    const out = Array.from(document.querySelectorAll(sel)).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    for (const el of Array.from(document.querySelectorAll('[aria-valuetext],[aria-label]'))) {
      if (el.closest('.svc__name')) continue;
      if (el.getAttribute('role') === 'progressbar') {
        out.push(el.getAttribute('aria-valuetext') ?? '');
        continue; // its aria-label is the entitlement's name (data)
      }
      out.push(el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-label') ?? '');
    }
    return out.filter(Boolean);
  }, dataHeading);
}

function englishLeft(texts: string[]) {
  return texts.filter((t) => ENGLISH_RE.test(t));
}

test('the page speaks Italian with the seed\'s names', async ({ page, request, persona }) => {
  const { me, doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page, IT);
  await ca.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it-IT');
  await expect(ca.heading).toHaveText(IT.title);
  await expect(ca.workspace).toBeVisible();
  await expect(ca.enterprise).toBeVisible();
  await expect(ca.addons).toBeVisible();
  await expect(ca.activeContracts).toBeVisible();
  await expect(ca.enterpriseContract).toBeVisible();
  await expect(ca.addonContract).toBeVisible();
  await expect(ca.addonPackage).toBeVisible();
  await expect(ca.addonStatus).toBeVisible();
  await expect(ca.additionalCases).toBeVisible();
  await expect(ca.workspace.getByRole('option', { name: 'Tutte le aree di lavoro' })).toHaveCount(1);
  await expect(ca.addons.getByRole('heading', { name: 'Vantaggi aggiuntivi' }).first()).toBeVisible();
  // Dates in Italian.
  const active = activeContracts(doc, [me.currentWorkspaceId], todayIn());
  await expect(ca.activeContracts.locator('tbody tr').first()).toContainText(fmtDate(active[0].startDate, 'it-IT'));
  // The shell too.
  await page.getByRole('button', { name: 'Gestione' }).click();
  await expect(page.getByRole('menuitem', { name: IT.title })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lingua' })).toBeVisible();
});

test('no English UI word is left on the page, the tile list, the drilldowns and Additional cases', async ({ page, request, persona }) => {
  const { doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page, IT);
  const views: [string, boolean][] = [
    ['/customer-activity?workspace=all&status=all', false],
    ['/customer-activity?workspace=ws-contoso-italia&status=all', false],
    ['/customer-activity/tiles/support-as-needed?workspace=all', false],
    ['/customer-activity/tiles/integrated-proactive-services?workspace=all', false],
    ['/customer-activity/additional-cases?workspace=all', false],
    ['/customer-activity/additional-cases?workspace=all&service=problemResolution', false],
  ];
  for (const id of ['e-cu-reactive', 'e-cu-proactive', 'e-cu-education', 'e-cu-contacts', 'e-cu-assessments', 'e-pkg-sec-reactive', 'e-cu-advisory']) {
    if (doc.entitlements.some((e) => e.id === id)) views.push([`/customer-activity/entitlements/${id}`, true]);
  }
  for (const [url, isDrilldown] of views) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    if (isDrilldown) await new DrilldownPage(page, DRILLDOWN_IT).loaded();
    if (url.startsWith('/customer-activity?')) await expect(ca.addons.getByRole('article').first()).toBeVisible();
    if (url.includes('/tiles/')) await expect(page.getByRole('table').first()).toBeVisible();
    const texts = await uiTexts(page, { dataHeading: isDrilldown });
    expect(texts.length, `${url}: UI texts found`).toBeGreaterThan(10);
    expect(englishLeft(texts), `${url}: English UI strings`).toEqual([]);
  }
});

test.describe('on a failure', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });
  test('the alert is Italian with a Riprova button', async ({ page }) => {
    await page.route('**/api/v1/customer-activity', (r) =>
      r.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) }),
    );
    const ca = new CustomerActivityPage(page, IT);
    await page.goto('/customer-activity');
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Riprova' })).toBeVisible();
    expect(englishLeft(await uiTexts(page)), 'English UI strings').toEqual([]);
    await page.unroute('**/api/v1/customer-activity');
    await alert.getByRole('button', { name: 'Riprova' }).click();
    await expect(ca.activeContracts).toBeVisible();
  });
});

test.describe('for a learning manager', () => {
  test.use({ persona: 'learning-manager' });
  test('the export button reads "Esporta il report di formazione"', async ({ page, request, persona }) => {
    const { doc } = await loadData(request, persona);
    const e = doc.entitlements.find((x) => x.service === 'onDemandEducation' && x.kind === 'consumptionService')!;
    const d = new DrilldownPage(page, DRILLDOWN_IT);
    await d.goto(e.id);
    await d.loaded();
    await expect(page.getByRole('button', { name: 'Esporta il report di formazione' })).toBeVisible();
    expect(englishLeft(await uiTexts(page, { dataHeading: true })), 'English UI strings').toEqual([]);
  });
});

test('the language switch turns the page English, and the choice survives a reload', async ({ page }) => {
  const ca = new CustomerActivityPage(page, IT);
  await ca.goto();
  await expect(ca.heading).toHaveText(IT.title);
  await page.getByRole('combobox', { name: 'Lingua' }).selectOption({ label: 'English' });
  const en = new CustomerActivityPage(page, EN);
  await expect(en.heading).toHaveText(EN.title);
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(en.workspace).toBeVisible();
  await expect(en.activeContracts).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  await page.reload();
  await expect(en.heading).toHaveText(EN.title);
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(en.activeContracts).toBeVisible();

  // And back to Italian, which persists too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Italiano' });
  await expect(ca.heading).toHaveText(IT.title);
  await page.reload();
  await expect(ca.heading).toHaveText(IT.title);
  await expect(ca.activeContracts).toBeVisible();
});

test.describe('the English-word check itself', () => {
  test.use({ locale: 'en-US' });
  test('finds the English UI strings on an English page (so the checks above are not vacuous)', async ({ page }) => {
    await page.goto('/customer-activity?status=all');
    await expect(new CustomerActivityPage(page, EN).addons.getByRole('article').first()).toBeVisible();
    const found = englishLeft(await uiTexts(page)).join(' | ');
    for (const w of ['Consumed', 'Purchased', 'Remaining', 'Expires', 'Workspace', 'Contract', 'Package', 'Active contracts', 'Additional benefits']) {
      expect(found).toContain(w);
    }
    await page.goto('/customer-activity/entitlements/e-cu-contacts');
    await new DrilldownPage(page).loaded();
    const drill = englishLeft(await uiTexts(page, { dataHeading: true })).join(' | ');
    for (const w of ['Total consumption', 'Filter rows', 'records', 'Consumption details']) expect(drill).toContain(w);
  });
});
