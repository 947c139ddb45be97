import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
    // The menu's item appears once /me has answered; a menu opened before
    // that stays open and shows it then (smoke.spec.ts).
    const manage = app.getByRole('navigation').getByRole('button', { name: 'Manage' });
    await manage.click();
    await expect(app.getByRole('menuitem', { name: 'Customer Activity' })).toBeVisible();
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
    // The drilldown's records are a part of the wasm: embed.js preloaded the
    // parts' loader with its SRI hash (the host page has no index.html).
    const a = distAssets();
    const loaderLinks = page.locator(`head link[rel="modulepreload"][href$="/${a.loader}"]`);
    await expect(loaderLinks).toHaveCount(1);
    await expect(loaderLinks).toHaveAttribute('integrity', a.loaderIntegrity!);

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

  test("while mounted, the host's own link under /host moves the page in place, without reloading the document", async ({ page }) => {
    await openHost(page, '/host');
    const app = elementApp(page);
    await expect(app.getByRole('button', { name: 'Manage' })).toBeVisible();
    await page.evaluate(() => ((window as unknown as { hostMarker: number }).hostMarker = 42));
    await page.getByRole('link', { name: 'Customer Activity (host link)' }).click();
    await expect(page).toHaveURL(/\/host\/customer-activity$/, { timeout: 3000 });
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { hostMarker?: number }).hostMarker), 'the same document').toBe(42);
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

// ---------------------------------------------------------------------------
// One tag: embed.js brings the styles; ca-ready, ca-error; live attributes.

const DIST = path.join(__dirname, '..', '..', 'dist');
/** The stylesheets of dist/index.html, in order, as paths. */
function distStylesheets(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])![1]);
}
/** Every rule of the page's sheets (style/*.css but the gallery's), in their
 *  cascade order (scripts/pre-build.sh), is in the stylesheets dist/index.html
 *  links: none is lost when they are joined into fewer files. */
function expectEverySourceSheet(hrefs: string[]) {
  expect(hrefs.length).toBeGreaterThanOrEqual(1);
  const shipped = hrefs.map((h) => readFileSync(path.join(DIST, h.replace(/^\//, '')), 'utf8')).join('\n');
  const order = /ORDER=\(([^)]*)\)/.exec(readFileSync(path.join(DIST, '..', 'scripts', 'pre-build.sh'), 'utf8'))![1].split(/\s+/).filter(Boolean);
  const sources = readdirSync(path.join(DIST, '..', 'style')).filter((f) => f.endsWith('.css') && f !== 'gallery.css');
  expect(order.map((n) => `${n}.css`).sort()).toEqual(sources.sort());
  expect(order.length).toBeGreaterThanOrEqual(10);
  let at = -1;
  for (const name of order) {
    const text = readFileSync(path.join(DIST, '..', 'style', `${name}.css`), 'utf8');
    const found = shipped.indexOf(text, at + 1);
    expect(found, `style/${name}.css shipped whole, after the sheets before it`).toBeGreaterThan(at);
    at = found;
  }
}
/** The asset list the build wrote into dist/embed.js. */
type Assets = {
  js: string;
  jsIntegrity: string;
  loader?: string;
  loaderIntegrity?: string;
  wasm: string;
  wasmIntegrity: string;
  css: { href: string; integrity: string }[];
  liveReload: boolean;
};
function distAssets(): Assets {
  const m = /\/\*ca:assets\*\/ (\{.*\});/.exec(readFileSync(path.join(DIST, 'embed.js'), 'utf8'));
  expect(m, 'embed.js carries the asset list').toBeTruthy();
  return JSON.parse(m![1]);
}
/** A file's SRI hash, as the build writes them. */
function sriOf(file: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(path.join(DIST, file))).digest('base64')}`;
}
/** The wasm parts of the release (scripts/build-wasm.sh): the loader the
 *  glue imports, and each part it fetches, with the SRI hash it asks for. */
function distParts(): { name: string; file: string; integrity: string }[] {
  const glue = readFileSync(path.join(DIST, distAssets().js), 'utf8');
  const loader = /from "\.\/(customer-activity-split-[0-9a-f]{16}\.js)"/.exec(glue);
  expect(loader, 'the glue imports the parts\' loader').toBeTruthy();
  const text = readFileSync(path.join(DIST, loader![1]), 'utf8');
  expect(text).toContain(`from "./${distAssets().js}"`);
  return [...text.matchAll(/fetch\(new URL\("\.\/(customer-activity-([a-z]+)-[0-9a-f]{16}\.wasm)", import\.meta\.url\), \{ integrity: "([^"]+)" \}\)/g)].map((m) => ({
    file: m[1],
    name: m[2],
    integrity: m[3],
  }));
}

const LIGHT_BG = 'rgb(245, 245, 245)';
const DARK_BG = 'rgb(20, 20, 20)';

/** Records every ca-ready and ca-error that reaches `document` (so: bubbling), from the first script on. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.caEvents = [];
    for (const type of ['ca-ready', 'ca-error']) {
      document.addEventListener(type, (ev) => {
        const target = ev.target as Element;
        const app = (target.shadowRoot ?? target).querySelector('.ca-app');
        w.caEvents.push({
          type,
          bubbles: ev.bubbles,
          composed: ev.composed,
          target: target.tagName.toLowerCase(),
          // What was on screen when it fired.
          shown: !!app && app.getBoundingClientRect().height > 0 && !!app.querySelector('main'),
          styled: !!app && getComputedStyle(app).backgroundColor,
          message: (ev as CustomEvent).detail?.message,
        });
      });
    }
  });
}
const events = (page: Page) => page.evaluate(() => (window as any).caEvents as Record<string, unknown>[]);

test.describe('one tag: <script src="/embed.js"> and the element', () => {
  test("the host links none of our stylesheets: embed.js links each once, in index.html's order, before the host's own", async ({ page }) => {
    await openHost(page);
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    // A second instance (JS API) links nothing more.
    await page.locator('#api-mount').click();
    await expect(tiles(apiApp(page)).first()).toBeVisible();
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
    const ours = distStylesheets();
    expectEverySourceSheet(ours);
    expect(links).toEqual([...ours, '/host/host.css']);
    // The element is a block (like a div), styled: our tokens and rules apply.
    const el = page.locator('#slot-element customer-activity');
    expect(await el.evaluate((e) => getComputedStyle(e).display)).toBe('block');
    expect(await elementApp(page).evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(LIGHT_BG);
    expect(await elementApp(page).locator('.tile').first().evaluate((t) => getComputedStyle(t).display)).not.toBe('inline');
  });

  test('ca-ready bubbles and is composed, once the first view is shown and styled; each connection fires it once', async ({ page }) => {
    await recordEvents(page);
    await openHost(page);
    await expect.poll(() => events(page)).toEqual([
      { type: 'ca-ready', bubbles: true, composed: true, target: 'customer-activity', shown: true, styled: LIGHT_BG },
    ]);
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    // A new connection (remove, add) is a new start: one more ca-ready.
    await page.locator('#element-unmount').click();
    await page.locator('#element-mount').click();
    await expect.poll(async () => (await events(page)).length).toBe(2);
    expect((await events(page))[1]).toMatchObject({ type: 'ca-ready', target: 'customer-activity', shown: true });
    await page.waitForTimeout(300);
    expect(await events(page)).toHaveLength(2);
  });

  test('in a shadow root, the element links its stylesheets there and its ca-ready crosses the shadow boundary', async ({ page }) => {
    await recordEvents(page);
    await openHost(page);
    await expect.poll(async () => (await events(page)).length).toBe(1);
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'shadow-host';
      document.body.append(host);
      const el = document.createElement('customer-activity');
      el.setAttribute('base-path', '/host');
      host.attachShadow({ mode: 'open' }).append(el);
    });
    // Retargeted to the shadow host at the document: composed.
    await expect.poll(async () => (await events(page)).length).toBe(2);
    expect((await events(page))[1]).toMatchObject({ type: 'ca-ready', bubbles: true, composed: true, target: 'div' });
    const inShadow = await page.locator('#shadow-host').evaluate((h) => {
      const root = h.shadowRoot!;
      const app = root.querySelector('.ca-app')!;
      return {
        links: [...root.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
        bg: getComputedStyle(app).backgroundColor,
      };
    });
    expect(inShadow).toEqual({ links: distStylesheets(), bg: LIGHT_BG });
  });

  test('dist/ under a prefix: embed.js finds every file relative to its own URL', async ({ page, baseURL }) => {
    // The host serves dist/ at /assets/ca/ (here: the same files, by route).
    await page.route((url) => url.pathname.startsWith('/assets/ca/'), async (route) => {
      const u = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${baseURL}/${u.pathname.slice('/assets/ca/'.length)}` }) });
    });
    await page.route((url) => url.pathname === '/host/prefixed', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(path.join(HOST_DIR, 'index.html'), 'utf8')
          .replace('src="/embed.js"', 'src="/assets/ca/embed.js"')
          .replace(/\s*<script type="module" src="\/host\/host.js"><\/script>/, ''),
      }),
    );
    const outside: string[] = [];
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (/\.(js|wasm|css)$/.test(p) && !p.startsWith('/assets/ca/') && !p.startsWith('/host/')) outside.push(p);
    });
    await page.goto('/host/prefixed');
    const app = page.locator('#slot-element customer-activity > .ca-app');
    await expect(app.locator('h1')).toBeVisible();
    expect(await app.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(LIGHT_BG);
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(links).toEqual([...distStylesheets().map((p) => `/assets/ca${p}`), '/host/host.css']);
    expect(outside).toEqual([]);
  });

  test('a re-render while the document is on its way: the old request ends quietly, the new view loads', async ({ page }) => {
    // The first document request is held until the element has re-rendered
    // for another locale (which drops the first view and aborts its
    // request); the ones after it pass.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let first = true;
    await page.route('**/api/v1/customer-activity', async (route) => {
      if (!first) return route.continue();
      first = false;
      await held;
      await route.continue().catch(() => {}); // aborted by the page meanwhile
    });
    await openHost(page);
    const app = elementApp(page);
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    await expect(app.getByRole('region', { name: 'Enterprise-level packages' })).toHaveAttribute('aria-busy', 'true');
    await page.locator('#slot-element customer-activity').evaluate((e) => e.setAttribute('locale', 'it-IT'));
    await expect(heading(app, 'Attività del cliente')).toBeVisible();
    release();
    await expect(app.locator('a.tile').first()).toBeVisible();
    await expect(app.getByRole('region', { name: 'Pacchetti a livello aziendale' })).toHaveAttribute('aria-busy', 'false');
    // (the fixture fails the test on any console error or page error: a
    // panic of the dropped view, "a reactive value that has already been
    // disposed", was one)
  });

  test('changing locale and theme re-renders the mounted element in place, once for both', async ({ page, apiCalls }) => {
    await openHost(page, '/host/customer-activity?workspace=all');
    const el = page.locator('#slot-element customer-activity');
    await expect(tiles(elementApp(page)).first()).toBeVisible();
    await settled(page);
    await expect(elementApp(page)).toHaveAttribute('data-theme', 'light');
    await el.evaluate((e) => ((e as any).sameNode = true));
    const me = () => apiCalls.filter((p) => p === '/api/v1/me').length;
    const before = me();

    // Both in one task: one re-render (one new /me).
    await el.evaluate((e) => {
      e.setAttribute('locale', 'it-IT');
      e.setAttribute('theme', 'dark');
    });
    const app = elementApp(page);
    await expect(heading(app, 'Attività del cliente')).toBeVisible();
    await expect(app).toHaveAttribute('lang', 'it-IT');
    await expect(app).toHaveAttribute('data-theme', 'dark');
    await expect(app.locator('a.tile').first()).toBeVisible();
    expect(await app.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(DARK_BG);
    await settled(page);
    expect(me()).toBe(before + 1);
    // In place: the same element, one page in it, the same view (URL kept).
    expect(await el.evaluate((e) => (e as any).sameNode)).toBe(true);
    await expect(page.locator('.ca-app')).toHaveCount(1);
    await expect(page).toHaveURL(/\/host\/customer-activity\?workspace=all$/);

    await el.evaluate((e) => e.setAttribute('theme', 'light'));
    await expect(app).toHaveAttribute('data-theme', 'light');
    await expect(heading(app, 'Attività del cliente')).toBeVisible();
    expect(await app.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(LIGHT_BG);
    await el.evaluate((e) => e.setAttribute('locale', 'en-US'));
    await expect(heading(app, 'Customer Activity')).toBeVisible();
    expect(await duplicateIds(page)).toEqual([]);
  });
});

test.describe('when the page cannot start', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource|Customer Activity could not be loaded|SRI's integrity checks failed|valid digest in the 'integrity' attribute/] });

  test('the element says so in place, ca-error tells the host why, and the JS API ready rejects', async ({ page }) => {
    await recordEvents(page);
    await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/host/customer-activity');
    const el = page.locator('#slot-element customer-activity');
    await expect(el.getByRole('alert')).toContainText('Customer Activity could not be loaded. Reload the page to try again.');
    await expect.poll(() => events(page)).toEqual([
      expect.objectContaining({ type: 'ca-error', bubbles: true, composed: true, target: 'customer-activity', message: expect.stringMatching(/^Customer Activity could not be loaded: .+/) }),
    ]);
    await expect(page.locator('.ca-app')).toHaveCount(0);
    // (A string: the test file's own transpiling must not touch this import.)
    expect(await page.evaluate("import('/embed.js').then((m) => m.ready).then(() => 'ready', () => 'rejected')")).toBe('rejected');
  });

  test('in Italian when the element is', async ({ page }) => {
    await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.route((url) => url.pathname === '/host/customer-activity', async (route) => {
      const html = readFileSync(path.join(HOST_DIR, 'index.html'), 'utf8').replace('<customer-activity base-path="/host"', '<customer-activity locale="it-IT" base-path="/host"');
      await route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    });
    await page.goto('/host/customer-activity');
    await expect(page.locator('#slot-element customer-activity').getByRole('alert')).toContainText('Non è stato possibile caricare Attività del cliente.');
  });
});

// ---------------------------------------------------------------------------
// A deploy: the entry points (index.html, boot.js, embed.js) are revalidated,
// everything else is cached for good under its hashed name. A browser may
// still hold an entry point of the previous release.

test.describe('after a deploy', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource|Customer Activity could not be loaded|SRI's integrity checks failed|valid digest in the 'integrity' attribute/] });

  const OLD = 'deadbeefdeadbeef';

  test("an index.html cached from the previous release (its files gone) still starts, with this release's styles", async ({ page }) => {
    const current = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    // The previous release: the same page, other hashes (every hashed name of index.html).
    const old = current.replace(/-[0-9a-f]{8,16}(?=(_bg)?\.(css|js|wasm)")/g, `-${OLD}`);
    expect(old).not.toBe(current);
    await page.route((url) => url.pathname === '/customer-activity', (route) => route.fulfill({ body: old, contentType: 'text/html; charset=utf-8' }));
    const gone: string[] = [];
    await page.route((url) => url.pathname.includes(OLD), (route) => {
      gone.push(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto('/customer-activity');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer Activity' })).toBeVisible();
    await expect(page.locator('.ca-app a.tile').first()).toBeVisible();
    expect(gone.length).toBeGreaterThan(0);
    // Styled by this release's sheets, in order; the previous release's links are gone.
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(links).toEqual(distStylesheets());
    expect(await page.locator('.ca-app').evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(LIGHT_BG);
  });

  test("an index.html cached from a release of ten stylesheets, still on the server, ends with this release's one sheet only", async ({ page }) => {
    const current = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const names = ['tokens', 'base', 'shell', 'forms', 'tile', 'card', 'usage-bar', 'grid', 'attention', 'print'];
    const tags = names.map((n) => `<link rel="stylesheet" href="/${n}-${OLD}.css" />`).join('\n');
    const old = current.replace(/<link rel="stylesheet"[^>]*>/, tags);
    expect(old).not.toBe(current);
    await page.route((url) => url.pathname === '/customer-activity', (route) => route.fulfill({ body: old, contentType: 'text/html; charset=utf-8' }));
    // The old files are still served, and would paint the page another colour.
    await page.route((url) => url.pathname.includes(OLD), (route) =>
      route.fulfill({ body: '.ca-app { background-color: rgb(1, 2, 3) !important; }', contentType: 'text/css; charset=utf-8' }),
    );
    await page.goto('/customer-activity');
    await expect(page.locator('.ca-app a.tile').first()).toBeVisible();
    const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(links).toEqual(distStylesheets());
    expect(await page.locator('.ca-app').evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(LIGHT_BG);
  });

  for (const missing of ['js', 'wasm'] as const) {
    test(`an entry point naming a ${missing === 'js' ? 'glue' : 'wasm'} file that is gone: the page says why, it is never blank`, async ({ page }) => {
      const assets = distAssets();
      const stale = assets[missing].replace(/-[0-9a-f]{8,16}/, `-${OLD}`);
      expect(stale).not.toBe(assets[missing]);
      await page.route((url) => url.pathname === '/embed.js', async (route) => {
        const body = (await (await route.fetch()).text()).replace(assets[missing], stale);
        await route.fulfill({ body, contentType: 'text/javascript; charset=utf-8' });
      });
      await page.route((url) => url.pathname.includes(OLD), (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto('/customer-activity');
      await expect(page.getByRole('alert')).toContainText('Customer Activity could not be loaded. Reload the page to try again.');
      await expect(page.locator('.ca-app')).toHaveCount(0);
    });
  }
});

// ---------------------------------------------------------------------------
// The release dist/ as built (what a host deploys).

test.describe('the release dist/', () => {
  const STABLE = ['boot.js', 'embed.js', 'favicon.svg', 'index.html'];
  const files = () => (readdirSync(DIST, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(DIST, path.join(d.parentPath ?? (d as any).path, d.name)))
    .sort();

  test('every file but index.html, boot.js, embed.js and the favicon has a content hash in its name; nothing dev-only', () => {
    const all = files();
    expect(all.filter((f) => STABLE.includes(f)).sort()).toEqual(STABLE);
    const hashed = all.filter((f) => !STABLE.includes(f));
    // The main module, and the parts its loader fetches (nothing else).
    expect(hashed.filter((f) => f.endsWith('.wasm')).sort()).toEqual([distAssets().wasm, ...distParts().map((p) => p.file)].sort());
    expectEverySourceSheet(hashed.filter((f) => f.endsWith('.css')));
    for (const f of hashed) expect(f, 'a content hash in the name').toMatch(/-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/);
    expect(all).not.toContain('live-reload.js');
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    // The page's icon is inline (no request while the wasm downloads), and is favicon.svg.
    const icon = readFileSync(path.join(DIST, 'favicon.svg')).toString('base64');
    expect(html).toContain(`<link rel="icon" href="data:image/svg+xml;base64,${icon}"`);
    expect(html).not.toContain('href="/favicon.svg"');
    expect(html).not.toContain('data-trunk');
    expect(html).not.toContain('live-reload');
    expect(html).not.toContain('.well-known/trunk');
    expect(distAssets().liveReload).toBe(false);
  });

  test('the release is cut into parts: the glue imports their loader, which fetches each part with its SRI hash', () => {
    const parts = distParts();
    // The drilldown's records and the additional cases' grid at least.
    expect(parts.map((p) => p.name)).toEqual(expect.arrayContaining(['records', 'cases']));
    for (const p of parts) expect(p.integrity, p.file).toBe(sriOf(p.file));
    // embed.js names the loader with its SRI hash (a host page has no index.html to preload it).
    expect(distAssets().loader).toMatch(/^customer-activity-split-[0-9a-f]{16}\.js$/);
    expect(distAssets().loaderIntegrity).toBe(sriOf(distAssets().loader!));
    expect(readFileSync(path.join(DIST, distAssets().js), 'utf8')).toContain(`from "./${distAssets().loader}"`);
    // Each part is much smaller than the main module.
    const size = (f: string) => statSync(path.join(DIST, f)).size;
    for (const p of parts) expect(size(p.file), p.file).toBeLessThan(size(distAssets().wasm) / 2);
  });

  test("embed.js names this build's files with their SRI hashes; index.html preloads the wasm and its glue with them", () => {
    const a = distAssets();
    const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(path.join(DIST, file))).digest('base64')}`;
    expect(a.jsIntegrity).toBe(sri(a.js));
    expect(a.wasmIntegrity).toBe(sri(a.wasm));
    expect(a.css.map((c) => `/${c.href}`)).toEqual(distStylesheets());
    for (const c of a.css) expect(c.integrity).toBe(sri(c.href));
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const tag = (rel: string) => [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`rel="${rel}"`) && !t.includes('embed.js'));
    expect(tag('modulepreload')).toContain(`href="/${a.js}"`);
    expect(tag('modulepreload')).toContain(`integrity="${a.jsIntegrity}"`);
    expect(tag('preload')).toContain(`href="/${a.wasm}"`);
    expect(tag('preload')).toContain(`integrity="${a.wasmIntegrity}"`);
    expect(tag('preload')).toMatch(/\bas="fetch"/);
    expect(tag('preload')).toMatch(/\bcrossorigin\b/);
  });

  test('every file is served with its media type', async ({ request }) => {
    const types: Record<string, RegExp> = {
      '.wasm': /^application\/wasm$/,
      '.js': /^text\/javascript\b/,
      '.css': /^text\/css\b/,
      '.html': /^text\/html\b/,
      '.svg': /^image\/svg\+xml\b/,
    };
    for (const f of files()) {
      const res = await request.get(`/${f}`);
      expect(res.status(), f).toBe(200);
      expect(res.headers()['content-type'], f).toMatch(types[path.extname(f)] ?? /./);
    }
  });
});
