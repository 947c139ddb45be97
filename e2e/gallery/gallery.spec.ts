import { test as base, expect } from '@playwright/test';

// The designers' gallery, screenshotted state by state (see
// playwright.gallery.config.ts for the projects).

export type GalleryOptions = {
  /** The gallery's query string: `locale=…&theme=…`. */
  galleryQuery: string;
  /** Screenshot each `[data-state]`, or each `[data-section]` (all its states). */
  shotEach: 'data-state' | 'data-section';
};

const test = base.extend<GalleryOptions>({
  galleryQuery: ['locale=en-US&theme=light', { option: true }],
  shotEach: ['data-state', { option: true }],
});

/** Every state the gallery must show (src/gallery/). */
const STATES = [
  'tile-capped', 'tile-as-needed', 'tile-mixed-units', 'tile-over-consumed', 'tile-zero',
  'card-active', 'card-expiring-30-days', 'card-ends-today', 'card-expired', 'card-no-services', 'card-with-benefits',
  'bar-0', 'bar-50', 'bar-95', 'bar-over',
  'grid-empty', 'grid-1-row', 'grid-40-rows', 'grid-100000-rows',
  'chart-cap-and-forecast', 'chart-no-data',
  'error-network', 'error-500', 'error-decode', 'error-timeout', 'data-issues', 'loading',
  'access-denied', 'signed-out',
  'attention-loading', 'attention-none', 'attention-one', 'attention-many', 'attention-long-names',
];

test('every state looks as approved, without console errors', async ({ page, galleryQuery, shotEach }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });

  await page.goto(`/?${galleryQuery}`);
  const params = new URLSearchParams(galleryQuery);
  const root = page.locator('.ca-app.gallery');
  await expect(root).toHaveAttribute('lang', params.get('locale')!);
  await expect(root).toHaveAttribute('data-theme', params.get('theme')!);
  await expect(page.locator('[data-state]')).toHaveCount(STATES.length);
  expect(await page.locator('[data-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(STATES);
  await expect(page.locator('[data-state="grid-100000-rows"] .grid-count')).toContainText(/100[,.]000/);
  await page.evaluate(() => document.fonts.ready);

  const names = await page.locator(`[${shotEach}]`).evaluateAll((els, attr) => els.map((e) => e.getAttribute(attr)!), shotEach);
  for (const name of names) {
    const target = page.locator(`[${shotEach}="${name}"]`);
    await expect.soft(target, name).toHaveScreenshot(`${name}.png`, { animations: 'disabled' });
  }

  expect(problems, 'page errors and console errors').toEqual([]);
});

// Run by the en-US-light project only (the others grepInvert /switchers/).
test('the switchers: your own values redraw the tile, the bar and the card', async ({ page }) => {
  await page.goto('/?locale=en-US&theme=light');
  const play = page.locator('#gallery-playground');
  const tile = play.locator('.tile');
  const card = play.locator('.card');
  await expect(tile).toContainText('Designated Support Engineering');
  await play.getByLabel('Consumed', { exact: true }).fill('0');
  await play.getByLabel('Purchased (empty: As needed)', { exact: true }).fill('0');
  await expect(tile).toContainText('0 hours');
  await expect(play.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', '0');
  // As needed: nothing is purchased as a cap.
  await play.getByLabel('Purchased (empty: As needed)', { exact: true }).fill('');
  await expect(tile).toContainText('As needed');
  await play.getByLabel('Unit', { exact: true }).selectOption({ label: 'credits' });
  await expect(tile).toContainText('credits');
  await play.getByRole('button', { name: 'A 200-character name' }).click();
  const long = await play.getByLabel('Name', { exact: true }).inputValue();
  expect(long).toHaveLength(200);
  await expect(tile).toContainText(long.trim());
  await play.getByRole('button', { name: 'Ends today, over the cap' }).click();
  await expect(card).toContainText('Ends today');
  await expect(card.locator('.over')).toBeVisible();
  await play.getByLabel('State', { exact: true }).selectOption('failed');
  await expect(play.getByRole('alert')).toContainText('network');
  await play.getByRole('button', { name: 'Retry' }).click();
  await expect(tile).toBeVisible();
  // The switchers reach it too.
  await page.getByLabel('Language', { exact: true }).selectOption('it-IT');
  await expect(card).toContainText('Scade oggi');
});

test('the switchers change the language and theme through the query string', async ({ page }) => {
  await page.goto('/?locale=en-US&theme=light');
  const root = page.locator('.ca-app.gallery');
  await page.getByLabel('Language').selectOption('it-IT');
  await expect(root).toHaveAttribute('lang', 'it-IT');
  await expect(page).toHaveURL(/locale=it-IT/);
  await expect(page.locator('[data-state="error-timeout"] button')).toHaveText('Riprova');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(page).toHaveURL(/theme=dark/);
  await page.goBack();
  await expect(root).toHaveAttribute('data-theme', 'light');
});
