import { test, expect } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';

test('Proof of delivery: the CSV lists every consumption service of the view with the data date', async ({ page }) => {
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  const pod = page.getByRole('group', { name: 'Proof of delivery' });
  const [download] = await Promise.all([page.waitForEvent('download'), pod.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^proof-of-delivery-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).map((b) => b.toString('utf8')).join('');
  expect(text.charCodeAt(0), 'UTF-8 BOM').toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Contract,Package,Entitlement,Unit,Purchased,Consumed,Remaining,Delivered hours,Ends');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.at(-1)).toMatch(/^Data as of,\d{4}-\d{2}-\d{2}T/);
  // Every active contract of the view has its lines.
  const numbers = await ca.activeContracts.locator('tbody tr td:first-child').allTextContents();
  for (const n of numbers) expect(lines.some((l) => l.includes(n.trim()))).toBe(true);
});

test('the print view shows the content without the app chrome', async ({ page }) => {
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.shell-header')).toBeHidden();
  await expect(page.getByRole('group', { name: 'Proof of delivery' })).toBeHidden();
  await expect(ca.heading).toBeVisible();
  await expect(ca.activeContracts).toBeVisible();
  await expect(ca.addons.getByRole('article').first()).toBeVisible();
});

test.describe('a wasm part', () => {
  // The aborted request, and the parts' loader saying why the part failed to load.
  test.use({ allowedConsoleErrors: [/Failed to load resource|Failed to fetch/] });
  test("the proof of delivery's code (a wasm part) cannot be fetched: an alert says so, Retry downloads", async ({ page }) => {
    const ca = new CustomerActivityPage(page);
    const PART = /customer-activity-(pod|shared)-[0-9a-f]{16}\.wasm$/;
    await page.route(PART, (r) => r.abort('failed'));
    await ca.goto();
    const pod = page.getByRole('group', { name: 'Proof of delivery' });
    await pod.getByRole('button', { name: 'Download CSV' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'the proof of delivery' });
    await expect(alert).toHaveCount(1);
    // The page around it stays.
    await expect(ca.activeContracts).toBeVisible();

    await page.unroute(PART);
    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Retry' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^proof-of-delivery-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(alert).toHaveCount(0);
  });
});
