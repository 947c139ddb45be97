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
