import { test, expect } from '../fixtures';
import { AdditionalCasesPage } from '../pages/drilldown';
import { CustomerActivityPage } from '../pages/customer-activity';
import { type AdditionalCase, type Me, apiGet, num, selectedWorkspaces } from '../support/data';

const REASONS = ['expiredContract', 'unmappedContract', 'missingContract', 'missingPackage', 'missingService', 'classified'];
/** Rows are all in the DOM when there are at most this many. */
const ALL_DRAWN = 30;

/** The cases of a selection: of its workspaces, and under All workspaces also those of no workspace (ui.md). */
function inView(cases: AdditionalCase[], me: Me, sel: string) {
  const ws = selectedWorkspaces(me, sel);
  const all = sel === 'all' && me.workspaces.length > 1;
  return cases.filter((c) => (c.workspaceId ? ws.includes(c.workspaceId) : all));
}

for (const who of ['customer-admin', 'activity-user']) {
  test.describe(`as ${who}`, () => {
    test.use({ persona: who });

    test('Consumption service options count the cases of the selected workspace(s); the table lists them', async ({
      page,
      request,
      persona,
    }) => {
      const me = await apiGet<Me>(request, '/me', persona);
      const { cases } = await apiGet<{ cases: AdditionalCase[] }>(request, '/additional-cases', persona);
      const v = new AdditionalCasesPage(page);
      await v.goto();
      await expect(v.heading).toBeVisible();
      await expect(v.workspace.locator('option:checked')).toHaveText(me.workspaces.find((w) => w.id === me.currentWorkspaceId)!.name);

      const sels = [me.currentWorkspaceId, ...(me.workspaces.length > 1 ? ['all'] : []), ...me.workspaces.map((w) => w.id).filter((w) => w !== me.currentWorkspaceId)];
      for (const [i, sel] of sels.entries()) {
        if (i > 0) {
          // Change the Workspace with the combobox, as a user would.
          const label = sel === 'all' ? 'All workspaces' : me.workspaces.find((w) => w.id === sel)!.name;
          await v.workspace.selectOption({ label });
          await expect(page).toHaveURL(new RegExp(`[?&]workspace=${sel}(&|$)`));
        }
        const mine = inView(cases, me, sel);
        const adv = mine.filter((c) => c.service === 'advisorySupport');
        const pr = mine.filter((c) => c.service === 'reactiveSupport');
        const options = v.service.getByRole('option');
        await expect(options, `workspace=${sel}`).toHaveText([`Advisory support (${num(adv.length)})`, `Problem resolution support (${num(pr.length)})`]);

        for (const [label, list] of [
          [`Advisory support (${num(adv.length)})`, adv],
          [`Problem resolution support (${num(pr.length)})`, pr],
        ] as const) {
          await v.service.selectOption({ label });
          await expect(v.service.locator('option:checked')).toHaveText(label);
          await expect.poll(() => v.grid.countNumbers(), { message: `${label}: count text` }).toEqual([list.length]);
          if (list.length <= ALL_DRAWN) {
            await expect(v.grid.rows, `${label}: rows`).toHaveCount(list.length);
            const numbers = await v.grid.columnTexts('Case number');
            expect(numbers.sort()).toEqual(list.map((c) => c.caseNumber).sort());
          }
        }
      }
    });
  });
}

test('the Cases table shows number, title, created date, status, reason in words and classification', async ({ page, request, persona }) => {
  const me = await apiGet<Me>(request, '/me', persona);
  const { cases } = await apiGet<{ cases: AdditionalCase[] }>(request, '/additional-cases', persona);
  const v = new AdditionalCasesPage(page);
  await v.goto('?workspace=all');
  const mine = inView(cases, me, 'all');
  for (const service of ['advisorySupport', 'reactiveSupport'] as const) {
    const list = mine.filter((c) => c.service === service);
    const option = (await v.service.getByRole('option').allInnerTexts()).find((t) =>
      service === 'advisorySupport' ? t.startsWith('Advisory support') : t.startsWith('Problem resolution support'),
    )!;
    await v.service.selectOption({ label: option });
    await expect.poll(() => v.grid.countNumbers()).toEqual([list.length]);
    for (const h of ['Case number', 'Title', 'Created', 'Status', 'Reason', 'Classification']) {
      await expect(v.grid.header(h), `column ${h}`).toHaveCount(1);
    }
    const numbers = await v.grid.columnTexts('Case number');
    const reasons = await v.grid.columnTexts('Reason');
    const titles = await v.grid.columnTexts('Title');
    const classes = await v.grid.columnTexts('Classification');
    for (const [i, n] of numbers.entries()) {
      const c = list.find((x) => x.caseNumber === n)!;
      expect(c, `row ${n} is a case of the view`).toBeTruthy();
      expect(titles[i]).toBe(c.title);
      expect(reasons[i], `reason of ${n} in words`).not.toBe('');
      expect(REASONS, `reason of ${n} is not the wire value`).not.toContain(reasons[i]);
      expect(reasons[i], `reason of ${n} in words`).toMatch(/^\S+( \S+)+/);
      if (c.classification) expect(classes[i]).toContain(c.classification);
      else expect(classes[i]).toBe('');
    }
  }
});

test('the Additional cases link keeps the workspace, and the view honours it', async ({ page, request, persona }) => {
  const me = await apiGet<Me>(request, '/me', persona);
  const { cases } = await apiGet<{ cases: AdditionalCase[] }>(request, '/additional-cases', persona);
  const other = me.workspaces.find((w) => w.id !== me.currentWorkspaceId)!;
  const ca = new CustomerActivityPage(page);
  await ca.goto(`?workspace=${other.id}`);
  await ca.additionalCases.click();
  await expect(page).toHaveURL(new RegExp(`/customer-activity/additional-cases\\?(.*&)?workspace=${other.id}`));
  const v = new AdditionalCasesPage(page);
  await expect(v.heading).toBeVisible();
  await expect(v.workspace.locator('option:checked')).toHaveText(other.name);
  const adv = inView(cases, me, other.id).filter((c) => c.service === 'advisorySupport');
  await expect(v.service.getByRole('option').first()).toHaveText(`Advisory support (${num(adv.length)})`);
  await page.goBack();
  await expect(ca.workspace.locator('option:checked')).toHaveText(other.name);
});
