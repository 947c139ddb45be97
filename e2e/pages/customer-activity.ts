import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { browserToday, loadData } from '../support/data';

/** The Customer Activity page, by the accessible names of contract/ui.md. */
export class CustomerActivityPage {
  readonly heading: Locator;
  readonly workspace: Locator;
  readonly enterprise: Locator;
  readonly enterpriseContract: Locator;
  readonly activeContracts: Locator;
  readonly addons: Locator;
  readonly addonContract: Locator;
  readonly addonPackage: Locator;
  readonly addonStatus: Locator;
  readonly additionalCases: Locator;

  constructor(readonly page: Page, names = EN) {
    this.heading = page.getByRole('heading', { level: 1, name: names.title });
    this.workspace = page.getByRole('combobox', { name: names.workspace, exact: true });
    this.enterprise = page.getByRole('region', { name: names.enterprise });
    this.enterpriseContract = this.enterprise.getByRole('combobox', { name: names.contract, exact: true });
    this.activeContracts = this.enterprise.getByRole('table', { name: names.activeContracts });
    this.addons = page.getByRole('region', { name: names.addons });
    this.addonContract = this.addons.getByRole('combobox', { name: names.contract, exact: true });
    this.addonPackage = this.addons.getByRole('combobox', { name: names.package, exact: true });
    this.addonStatus = this.addons.getByRole('combobox', { name: names.packageStatus, exact: true });
    this.additionalCases = page.getByRole('link', { name: names.additionalCases });
  }

  async goto(query = '') {
    await this.page.goto(`/customer-activity${query}`);
    await this.heading.waitFor();
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => {});
  }

  tile(title: string) {
    return this.enterprise.getByRole('link', { name: new RegExp(`^${title}`) });
  }

  packageCard(name: string) {
    return this.addons.getByRole('article', { name });
  }
}

export const EN = {
  title: 'Customer Activity',
  workspace: 'Workspace',
  enterprise: 'Enterprise-level packages',
  contract: 'Contract',
  activeContracts: 'Active contracts',
  addons: 'Add-on packages',
  package: 'Package',
  packageStatus: 'Package status',
  additionalCases: 'Additional cases',
};

export const IT = {
  title: 'Attività del cliente',
  workspace: 'Area di lavoro',
  enterprise: 'Pacchetti a livello aziendale',
  contract: 'Contratto',
  activeContracts: 'Contratti attivi',
  addons: 'Pacchetti di componenti aggiuntivi',
  package: 'Pacchetto',
  packageStatus: 'Stato del pacchetto',
  additionalCases: 'Casi aggiuntivi',
};

/** Opens Customer Activity and returns it with the API's data for the
 * persona and the browser's today: the common start of the data tests. */
export async function openWithData(page: Page, request: APIRequestContext, persona: string) {
  const { me, doc } = await loadData(request, persona);
  const ca = new CustomerActivityPage(page);
  await ca.goto();
  return { me, doc, ca, today: await browserToday(page) };
}
