import type { Locator, Page } from '@playwright/test';

/** A data grid (Consumption details, Cases): sortable headers, Filter rows, count, virtualised rows. */
export class Grid {
  readonly table: Locator;
  readonly search: Locator;
  readonly count: Locator;
  /** The drawn rows (spacer rows of the virtualised body excluded). */
  readonly rows: Locator;
  readonly headers: Locator;

  constructor(readonly page: Page, name: string, names = GRID_EN) {
    this.table = page.getByRole('table', { name, exact: true });
    this.search = page.getByRole('searchbox', { name: names.filterRows });
    // The count of matching records sits next to the searchbox (a status region).
    this.count = page.getByRole('status').filter({ hasText: names.countPattern });
    this.rows = this.table.locator('tbody tr:not(.spacer)');
    this.headers = this.table.getByRole('columnheader');
  }

  header(name: string) {
    return this.table.getByRole('columnheader', { name, exact: true });
  }

  /** Clicks a column's sort control (its header button, else the header). */
  async sortBy(name: string) {
    const h = this.header(name);
    const button = h.getByRole('button');
    if (await button.count()) await button.click();
    else await h.click();
  }

  /** The 0-based index of a column among the headers. */
  async columnIndex(name: string): Promise<number> {
    const texts = (await this.headers.allInnerTexts()).map((t) => t.trim());
    const i = texts.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${texts.join(' | ')}`);
    return i;
  }

  /** The texts of one column in the drawn rows, top first. */
  async columnTexts(name: string, limit = Infinity): Promise<string[]> {
    const i = await this.columnIndex(name);
    const texts = await this.rows.evaluateAll(
      (trs, i) => trs.map((tr) => (tr.children[i as number]?.textContent ?? '').trim()),
      i,
    );
    return texts.slice(0, limit);
  }

  /** The numbers of the count text ("12 records", "3 of 12 records match"). */
  async countNumbers(): Promise<number[]> {
    const t = await this.count.innerText();
    return (t.match(/\d[\d,.]*/g) ?? []).map((x) => Number(x.replace(/[,.](?=\d{3}\b)/g, '')));
  }
}

export const GRID_EN = { filterRows: 'Filter rows', countPattern: /\brecords?\b/ };
export const GRID_IT = { filterRows: 'Filtra righe', countPattern: /\brecord\b/ };

/** `/customer-activity/entitlements/{id}`. */
export class DrilldownPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly grid: Grid;
  readonly chart: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page, names = DRILLDOWN_EN) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.total = page.getByRole('region', { name: names.totalConsumption });
    this.grid = new Grid(page, names.details, names.grid);
    this.chart = page.locator('canvas');
    this.exportButton = page.getByRole('button', { name: names.exportTrainingReport });
  }

  async goto(id: string, query = '') {
    await this.page.goto(`/customer-activity/entitlements/${encodeURIComponent(id)}${query}`);
    await this.heading.waitFor();
  }

  /** Waits until the records are in (the grid's table or its count is shown). */
  async loaded() {
    await this.grid.count.waitFor();
  }

  /** How many pixels of the chart's canvas are painted (alpha > 0). */
  async paintedPixels(): Promise<number> {
    return this.chart.first().evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx || !c.width || !c.height) return 0;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  }
}

export const DRILLDOWN_EN = {
  totalConsumption: 'Total consumption',
  details: 'Consumption details',
  exportTrainingReport: 'Export training report',
  grid: GRID_EN,
};

export const DRILLDOWN_IT = {
  totalConsumption: 'Consumo totale',
  details: 'Dettagli del consumo',
  exportTrainingReport: 'Esporta il report di formazione',
  grid: GRID_IT,
};

/** `/customer-activity/additional-cases`. */
export class AdditionalCasesPage {
  readonly heading: Locator;
  readonly workspace: Locator;
  readonly service: Locator;
  readonly grid: Grid;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Additional cases' });
    this.workspace = page.getByRole('combobox', { name: 'Workspace', exact: true });
    this.service = page.getByRole('combobox', { name: 'Consumption service' });
    this.grid = new Grid(page, 'Cases');
  }

  async goto(query = '') {
    await this.page.goto(`/customer-activity/additional-cases${query}`);
    await this.heading.waitFor();
    await this.service.waitFor();
  }
}
