import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Options = {
  /** Demo backend persona (cookie `demo_persona`). */
  persona: string;
  /** Console errors a test provokes on purpose (e.g. a 500 it injects). */
  allowedConsoleErrors: RegExp[];
};

type Fixtures = {
  /** Every request the page made to the API, as paths. */
  apiCalls: string[];
};

/**
 * The project's test: fails on any page error or console error the test did
 * not ask for, and records the API calls.
 */
export const test = base.extend<Options & Fixtures>({
  persona: ['customer-admin', { option: true }],
  allowedConsoleErrors: [[], { option: true }],
  context: async ({ context, persona, baseURL }, use) => {
    const url = new URL(baseURL!);
    await context.addCookies([{ name: 'demo_persona', value: persona, domain: url.hostname, path: '/' }]);
    await use(context);
  },
  apiCalls: async ({ page }, use) => {
    const calls: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) calls.push(u.pathname);
    });
    await use(calls);
  },
  page: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (allowedConsoleErrors.some((re) => re.test(text))) return;
      problems.push(`console.error: ${text}`);
    });
    await use(page);
    expect(problems, 'page errors and console errors').toEqual([]);
  },
});

export { expect };

/** Zero axe violations of the WCAG 2.2 AA rules (and best practices off). */
export async function expectNoAxeViolations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe violations').toEqual([]);
}
