import { test, expect, expectNoAxeViolations } from '../fixtures';
import { CustomerActivityPage } from '../pages/customer-activity';

test('the shell leads to Customer Activity through the Manage menu', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation').first();
  await nav.getByRole('button', { name: 'Manage' }).click();
  await page.getByRole('menuitem', { name: 'Customer Activity' }).click();
  await expect(page).toHaveURL(/\/customer-activity/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity' })).toBeVisible();
});

test('a Manage menu opened before the user is known stays open, on Customer Activity once it is', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/me', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const nav = page.getByRole('navigation').first();
  const manage = nav.getByRole('button', { name: 'Manage' });
  await manage.press('Enter');
  const none = page.getByRole('menuitem', { name: 'No pages available to you' });
  await expect(none).toBeFocused();
  release();
  const item = page.getByRole('menuitem', { name: 'Customer Activity' });
  await expect(item).toBeFocused();
  await expect(manage).toHaveAttribute('aria-expanded', 'true');
  // A click on no control still closes it.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await expect(manage).toHaveAttribute('aria-expanded', 'false');
});

test('the page shows its regions, tiles in order, and no axe violation', async ({ page }) => {
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  await expect(ca.workspace).toBeVisible();
  await expect(ca.workspace.getByRole('option', { name: 'All workspaces' })).toHaveCount(1);
  await expect(ca.enterpriseContract.getByRole('option').first()).toHaveText('All active contracts');
  await expect(ca.activeContracts.getByRole('row')).not.toHaveCount(0);
  const titles = await ca.enterprise.locator('a.tile h3').allTextContents();
  const order = ['Integrated Proactive Services', 'Support As Needed', 'On-demand Education', 'Support Contacts', 'On-demand Assessments'];
  expect(titles).toEqual(order.filter((t) => titles.includes(t)));
  await expect(ca.addons.getByRole('article').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
