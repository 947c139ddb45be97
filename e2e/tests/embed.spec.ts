import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { loadData, type CustomerActivity } from '../support/data';

// Customer Activity embedded in a fake Services Hub host (e2e/host/): the
// `<customer-activity>` element and the JS API (`mountCustomerActivity`),
// under a host stylesheet that restyles `*`, `button`, `a`, `h1` globally.
//
// The demo backend serves only dist/, so the host page is served by route
// interception, same-origin with dist/: every /host and /host/* path gets
// e2e/host/index.html (SPA-like: the instances run with basePath "/host"),
// except the host's own /host/host.css and /host/host.js.

const HOST_DIR = path.join(__dirname, '..', 'host');
const HOST_FILES: Record<string, [string, string]> = {
  '/host/host.css': ['host.css', 'text/css; charset=utf-8'],
  '/host/host.js': ['host.js', 'text/javascript; charset=utf-8'],
};

const HOTPINK = 'rgb(255, 105, 180)';
const GREEN = 'rgb(0, 128, 0)';
const YELLOW = 'rgb(255, 255, 0)';

let doc: CustomerActivity;

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  doc = (await loadData(request, 'customer-admin')).doc;
  await request.dispose();
});

test.beforeEach(async ({ page, context }) => {
  await page.route(
    (url) => url.pathname === '/host' || url.pathname.startsWith('/host/'),
    async (route) => {
      const [file, contentType] = HOST_FILES[new URL(route.request().url()).pathname] ?? ['index.html', 'text/html; charset=utf-8'];
      await route.fulfill({ body: readFileSync(path.join(HOST_DIR, file)), contentType });
    },
  );
  // Action links open other sites in a new tab: answer them locally.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({ body: '<!doctype html><title>elsewhere</title><p>elsewhere</p>', contentType: 'text/html' }),
  );
});

/** The instance mounted by the `<customer-activity>` element. */
const elementApp = (page: Page) => page.locator('#slot-element customer-activity > .ca-app');
/** The instance mounted through the JS API. */
const apiApp = (page: Page) => page.locator('#slot-api > .ca-app');

async function settled(page: Page) {
  await page.locator('.ca-app [aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => {});
}

async function openHost(page: Page, route = '/host/customer-activity') {
  await page.goto(route);
  await expect(elementApp(page)).toHaveCount(1);
}

function heading(app: Locator, name?: string | RegExp) {
  return app.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
}

function tiles(app: Locator) {
  return app.getByRole('region', { name: 'Enterprise-level packages' }).locator('a.tile');
}

/** Every `id` of the document that occurs more than once. */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/** References (for, aria-labelledby, aria-controls, aria-describedby) of an instance that do not resolve inside it. */
async function danglingRefs(app: Locator): Promise<string[]> {
  return app.evaluate((root) => {
    const bad: string[] = [];
    for (const el of root.querySelectorAll('[for], [aria-labelledby], [aria-controls], [aria-describedby]')) {
      for (const attr of ['for', 'aria-labelledby', 'aria-controls', 'aria-describedby']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!root.querySelector(`[id="${CSS.escape(id)}"]`)) bad.push(`${attr}=${id}`);
        }
      }
    }
    return bad;
  });
}

test.describe('the <customer-activity> element in a host page', () => {
  test('leads from the host to Customer Activity through the Manage menu, under basePath /host', async ({ page }) => {
    await openHost(page, '/host');
    const app = elementApp(page);
    await app.getByRole('navigation').getByRole('button', { name: 'Manage' }).click();
    await app.getByRole('menuitem', { name: 'Customer Activity' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity$/);
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    await expect(tiles(app).first()).toBeVisible();
    // The host's header is still there, unchanged.
    await expect(page.locator('#host-header .host-title')).toHaveText('Fake Services Hub');
  });

  test('shows the tiles, a tile list and a drilldown at /host/customer-activity/...', async ({ page }) => {
    await openHost(page);
    const app = elementApp(page);
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    await settled(page);
    const titles = await tiles(app).locator('h3').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toContain('Integrated Proactive Services');
    for (const href of await tiles(app).evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/host\/customer-activity\/tiles\//);
    }

    await tiles(app).filter({ hasText: 'Support As Needed' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity\/tiles\/support-as-needed/);
    await expect(heading(app, 'Support As Needed')).toBeVisible();
    const entitlementLink = app.getByRole('table', { name: 'Entitlements' }).getByRole('link').first();
    const name = (await entitlementLink.innerText()).trim();
    await entitlementLink.click();
    await expect(page).toHaveURL(/\/host\/customer-activity\/entitlements\//);
    await expect(heading(app)).toHaveText(name);
    await expect(app.getByRole('region', { name: 'Total consumption' })).toBeVisible();
    await expect(app.getByRole('table', { name: 'Consumption details' })).toBeVisible();

    // Back and Forward restore the views inside the host.
    await page.goBack();
    await expect(heading(app, 'Support As Needed')).toBeVisible();
    await page.goForward();
    await expect(heading(app)).toHaveText(name);
  });

  test("the host's global CSS does not restyle our headings, buttons, links or fields", async ({ page }) => {
    await openHost(page);
    const app = elementApp(page);
    await expect(tiles(app).first()).toBeVisible();
    await settled(page);
    const s = await app.evaluate((root) => {
      const cs = (el: Element) => getComputedStyle(el);
      const all = (sel: string) => [...root.querySelectorAll(sel)];
      return {
        rootFont: cs(root).fontFamily,
        tokenFont: cs(root).getPropertyValue('--ca-font').trim(),
        h1Size: cs(root.querySelector('h1')!).fontSize,
        h1Token: cs(root).getPropertyValue('--ca-font-size-700').trim(),
        buttons: all('button').map((b) => cs(b).backgroundColor),
        linkColors: all('a').map((a) => cs(a).color),
        selects: all('select').map((x) => cs(x).backgroundColor),
      };
    });
    // The root carries our font stack (the host's `*` rule loses to `.ca-app`).
    expect(s.rootFont.replace(/\s/g, '')).toBe(s.tokenFont.replace(/\s/g, ''));
    expect(s.h1Size).toBe(s.h1Token);
    expect(s.buttons.length).toBeGreaterThan(0);
    expect(s.buttons).not.toContain(HOTPINK);
    expect(s.linkColors.length).toBeGreaterThan(0);
    expect(s.linkColors).not.toContain(GREEN);
    expect(s.selects.length).toBeGreaterThan(0);
    expect(s.selects).not.toContain(YELLOW);
  });

  test("the host's `* { font-family }` does not reach our tile titles, buttons and cells", async ({ page }) => {
    // A host rule matching the elements themselves (`* { font-family: serif }`)
    // would win over inheritance: style/base.css sets `font-family: inherit`
    // on every descendant of `.ca-app`.
    await openHost(page);
    const app = elementApp(page);
    await expect(tiles(app).first()).toBeVisible();
    const fonts = await app.evaluate((root) => {
      const f = (sel: string) => getComputedStyle(root.querySelector(sel)!).fontFamily;
      return { root: getComputedStyle(root).fontFamily, h1: f('h1'), tile: f('.tile__title'), button: f('.btn'), cell: f('td') };
    });
    expect({ h1: fonts.h1, tile: fonts.tile, button: fonts.button, cell: fonts.cell }).toEqual({
      h1: fonts.root,
      tile: fonts.root,
      button: fonts.root,
      cell: fonts.root,
    });
  });

  test("our CSS does not leak into the host: the host's own elements keep the host's styles", async ({ page }) => {
    await openHost(page);
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    // Switching the instance to Italian sets `lang` on its root, not on <html>.
    await elementApp(page).getByRole('combobox', { name: 'Language' }).selectOption('it-IT');
    await expect(heading(elementApp(page), 'Attività del cliente')).toBeVisible();
    await expect(elementApp(page)).toHaveAttribute('lang', 'it-IT');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const host = async () =>
      page.evaluate(() => {
        const cs = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          h1Size: cs('.host-title').fontSize,
          h1Font: cs('.host-title').fontFamily,
          button: cs('.host-button').backgroundColor,
          link: cs('.host-link').color,
          text: cs('.host-text').fontFamily,
          bodyBg: cs('body').backgroundColor,
          bodyMargin: cs('body').margin,
          headerDisplay: cs('.host-header').display,
          rootBrand: getComputedStyle(document.documentElement).getPropertyValue('--ca-brand'),
          bodyBrand: getComputedStyle(document.body).getPropertyValue('--ca-brand'),
        };
      });
    const expected = {
      h1Size: '60px',
      h1Font: 'serif',
      button: HOTPINK,
      link: GREEN,
      text: 'serif',
      bodyBg: 'rgb(255, 251, 230)',
      bodyMargin: '0px',
      headerDisplay: 'block',
      rootBrand: '',
      bodyBrand: '',
    };
    expect(await host()).toEqual(expected);
    // Our print sheet hides our chrome only, not the host's header.
    await page.emulateMedia({ media: 'print' });
    expect(await host()).toEqual(expected);
    await expect(elementApp(page).locator('.shell-header')).toBeHidden();
  });

  test('an http(s) action link opens a new tab and fires ca-navigate', async ({ page }) => {
    const e = doc.entitlements.find((x) => x.action && /^https:\/\//i.test(x.action.url))!;
    expect(e, 'an entitlement with an https action').toBeTruthy();
    await openHost(page, `/host/customer-activity/entitlements/${encodeURIComponent(e.id)}`);
    const app = elementApp(page);
    await expect(heading(app)).toHaveText(e.name);
    await page.evaluate(() => {
      (window as any).caNavigateEvents = [];
      document.querySelector('customer-activity')!.addEventListener('ca-navigate', (ev) => {
        const ce = ev as CustomEvent;
        (window as any).caNavigateEvents.push({ ...ce.detail, target: (ev.target as Element).tagName.toLowerCase() });
      });
    });
    const link = app.getByRole('main').getByRole('link', { name: e.action!.label });
    await expect(link).toHaveAttribute('href', e.action!.url);
    await expect(link).toHaveAttribute('target', '_blank');
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(e.action!.url);
    // The tab has no handle on the host (rel=noopener).
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    await expect
      .poll(() => page.evaluate(() => (window as any).caNavigateEvents))
      .toEqual([{ kind: 'action', url: e.action!.url, target: 'customer-activity' }]);
    // The host page itself stays where it was.
    await expect(page).toHaveURL(new RegExp(`/host/customer-activity/entitlements/${e.id}$`));
  });

  test('unmount removes the page (even while loading) without console errors; remount shows it again', async ({ page }) => {
    // While /me and the document are still loading.
    await page.goto('/host/customer-activity');
    await page.locator('.ca-app').first().waitFor();
    await page.locator('#element-unmount').click();
    await expect(page.locator('.ca-app')).toHaveCount(0);

    await page.locator('#element-mount').click();
    await expect(heading(elementApp(page), 'Customer Activity')).toBeVisible();
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    await settled(page);

    // Once loaded.
    await page.locator('#element-unmount').click();
    await expect(page.locator('.ca-app')).toHaveCount(0);
    await expect(page.locator('customer-activity')).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelectorAll('[id^="ca"][id*="-"]').length)).toBe(0);
    // Nothing keeps running on its behalf (no late console error, no late request).
    const late: string[] = [];
    page.on('request', (r) => late.push(r.url()));
    await page.waitForTimeout(500);
    expect(late).toEqual([]);

    await page.locator('#element-mount').click();
    const app = elementApp(page);
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    await expect(tiles(app).first()).toBeVisible();
    await expect(page.locator('.ca-app')).toHaveCount(1);
    expect(await duplicateIds(page)).toEqual([]);
  });

  test('after unmount and remount, a link of the page still navigates it', async ({ page }) => {
    // unmount() cleans up the instance's reactive owner, and with it the
    // router's window listeners: a dead router must not swallow clicks.
    await openHost(page);
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    await page.locator('#element-unmount').click();
    await page.locator('#element-mount').click();
    const app = elementApp(page);
    await expect(tiles(app).first()).toBeVisible();
    await tiles(app).filter({ hasText: 'Support As Needed' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity\/tiles\/support-as-needed/, { timeout: 3000 });
    await expect(heading(app, 'Support As Needed')).toBeVisible({ timeout: 3000 });
  });

  test("after unmount, the host's own link under /host navigates the document", async ({ page }) => {
    // After unmount, nothing of the page intercepts the host's own links.
    await openHost(page, '/host');
    await expect(elementApp(page).getByRole('button', { name: 'Manage' })).toBeVisible();
    await page.locator('#element-unmount').click();
    await expect(page.locator('.ca-app')).toHaveCount(0);
    await page.getByRole('link', { name: 'Customer Activity (host link)' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity$/, { timeout: 3000 });
  });
});

test.describe('two instances on one page (element + JS API)', () => {
  async function mountBoth(page: Page) {
    await openHost(page);
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    await page.locator('#api-mount').click();
    await expect(apiApp(page)).toHaveCount(1);
    await expect(tiles(apiApp(page)).first()).toBeVisible();
    await settled(page);
  }

  test('both render, with unique element ids, their own theme, and no console errors', async ({ page }) => {
    await mountBoth(page);
    await expect(page.locator('.ca-app')).toHaveCount(2);
    await expect(heading(elementApp(page), 'Customer Activity')).toBeVisible();
    await expect(heading(apiApp(page), 'Customer Activity')).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);
    expect(await danglingRefs(elementApp(page))).toEqual([]);
    expect(await danglingRefs(apiApp(page))).toEqual([]);
    // Each instance's labels name its own fields.
    await expect(elementApp(page).getByRole('combobox', { name: 'Workspace', exact: true })).toHaveCount(1);
    await expect(apiApp(page).getByRole('combobox', { name: 'Workspace', exact: true })).toHaveCount(1);

    // theme: 'dark' on the JS API instance only; the host's --ca-brand override on it.
    await expect(elementApp(page)).toHaveAttribute('data-theme', 'light');
    await expect(apiApp(page)).toHaveAttribute('data-theme', 'dark');
    const look = (app: Locator) =>
      app.evaluate((root) => ({
        bg: getComputedStyle(root).backgroundColor,
        title: getComputedStyle(root.querySelector('.tile__title')!).color,
      }));
    expect(await look(elementApp(page))).toEqual({ bg: 'rgb(245, 245, 245)', title: 'rgb(15, 108, 189)' });
    expect(await look(apiApp(page))).toEqual({ bg: 'rgb(20, 20, 20)', title: 'rgb(138, 43, 226)' });

    // One instance's language switch does not change the other.
    await apiApp(page).getByRole('combobox', { name: 'Language' }).selectOption('it-IT');
    await expect(heading(apiApp(page), 'Attività del cliente')).toBeVisible();
    await expect(heading(elementApp(page), 'Customer Activity')).toBeVisible();
  });

  test('a link of the first-mounted instance navigates it; Back/Forward move both to the URL', async ({ page }) => {
    await mountBoth(page);
    await tiles(elementApp(page)).filter({ hasText: 'Support As Needed' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity\/tiles\/support-as-needed/);
    await expect(heading(elementApp(page), 'Support As Needed')).toBeVisible();
    // Both routers follow popstate: after Back and Forward both show the URL's view.
    await page.goBack();
    await expect(heading(elementApp(page), 'Customer Activity')).toBeVisible();
    await expect(heading(apiApp(page), 'Customer Activity')).toBeVisible();
    await page.goForward();
    await expect(heading(elementApp(page), 'Support As Needed')).toBeVisible();
    await expect(heading(apiApp(page), 'Support As Needed')).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);
  });

  test('a link of the second instance navigates the second instance', async ({ page }) => {
    // Every <Router> also listens for clicks on `window`; the page routes its
    // own links through its own router and stops them there (shell.rs).
    await mountBoth(page);
    await tiles(apiApp(page)).filter({ hasText: 'Support As Needed' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity\/tiles\/support-as-needed/);
    await expect(heading(apiApp(page), 'Support As Needed')).toBeVisible({ timeout: 3000 });
  });

  test('unmounting the JS API instance leaves the element working; its onNavigate gets action links', async ({ page }) => {
    await mountBoth(page);
    await page.locator('#api-unmount').click();
    await expect(page.locator('#slot-api > *')).toHaveCount(0);
    await expect(page.locator('.ca-app')).toHaveCount(1);
    // The element (mounted first) still navigates.
    await tiles(elementApp(page)).filter({ hasText: 'Support As Needed' }).click();
    await expect(heading(elementApp(page), 'Support As Needed')).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);

    // The JS API instance's onNavigate callback, on a drilldown's action link.
    const e = doc.entitlements.find((x) => x.action && /^https:\/\//i.test(x.action.url))!;
    await openHost(page, `/host/customer-activity/entitlements/${encodeURIComponent(e.id)}`);
    await page.locator('#element-unmount').click();
    await page.locator('#api-mount').click();
    const link = apiApp(page).getByRole('main').getByRole('link', { name: e.action!.label });
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.close();
    await expect
      .poll(() => page.evaluate(() => (window as any).hostApiNavigations))
      .toEqual([{ kind: 'action', url: e.action!.url }]);
  });
});

test("the standalone index.html's Content-Security-Policy allows no inline script", () => {
  const html = readFileSync(path.join(__dirname, '..', '..', 'dist', 'index.html'), 'utf8');
  const attrs = (tag: string) =>
    Object.fromEntries([...tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1].toLowerCase(), m[2] ?? m[3]]));
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => attrs(m[0]))
    .filter((a) => a['http-equiv']?.toLowerCase() === 'content-security-policy');
  expect(metas, 'one CSP meta tag').toHaveLength(1);
  const directives = new Map(
    metas[0].content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values] as const),
  );
  const script = directives.get('script-src') ?? directives.get('default-src');
  expect(script, 'script-src (or default-src)').toBeTruthy();
  expect(script).toContain("'self'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain('*');
  // And nothing inline that would need it: every <script> has a src.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
});
