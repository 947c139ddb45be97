// Customer Activity for a host page: one tag, and the element.
//
//   <script type="module" src="/embed.js"></script>
//   <customer-activity api-base="/api/v1" base-path="/hub" locale="it-IT" theme="dark"></customer-activity>
//
// The element brings its own stylesheets (linked once into <head>, before
// the host's own), loads the WebAssembly, and mounts the page into itself.
// Changing `locale`, `theme`, `api-base` or `base-path` re-renders it in
// place. Events (all bubble and are composed):
//   ca-ready     once the page's first view is shown (after each connection)
//   ca-error     it cannot start; detail.message says why
//   ca-navigate  a navigation the host may want to know of; detail { kind, url }
//
// The same module is the loader of the standalone page (boot.js) and of the
// gallery (gallery-boot.js), and the JS API:
//   import { ready, mountCustomerActivity } from '/embed.js';
//   await ready;
//   const handle = mountCustomerActivity(element, { apiBase, basePath, locale, theme, onNavigate });
//   handle.unmount();
//
// Every other file of the build has a content hash in its name; this one and
// boot.js keep theirs. The build (scripts/post-build.sh, a Trunk hook) writes
// the hashed names and their SRI hashes below.
export const assets = /*ca:assets*/ null;

const resolve = (name) => new URL(name, import.meta.url).href;
const sameOrigin = (href) => new URL(href).origin === location.origin;

function notBuilt() {
  return new Error('embed.js has no asset list: it is only usable from a Trunk build (dist/)');
}

/** The <link> of `rel` to `href` in `container`, or a new one (not yet inserted). */
function linkOnce(container, rel, href, integrity) {
  const found = [...container.querySelectorAll(`link[rel="${rel}"]`)].find((l) => l.href === href);
  if (found) return { link: found, added: false };
  const link = Object.assign(document.createElement('link'), { rel, href });
  if (integrity) link.integrity = integrity;
  if (integrity && !sameOrigin(href)) link.crossOrigin = 'anonymous';
  return { link, added: true };
}

/** The same file of another build: `tokens-<hash>.css` for `tokens-<other hash>.css`, same folder. */
function olderBuildOf(href) {
  const m = /^(.*\/[^/]+?)-[0-9a-f]{8,}(\.[a-z]+)$/.exec(href);
  return m ? new RegExp(`^${m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-f]{8,}\\${m[2]}$`) : null;
}

const styled = new WeakMap();
/**
 * Links the page's stylesheets once into `root` (the document's <head>, or a
 * shadow root the element is in), in their order and before the host's own
 * stylesheets (so a host rule of equal specificity wins), and removes links
 * to the same sheets of another build (an index.html cached from an earlier
 * release). Resolves when those it added have loaded (or failed: the page
 * still starts).
 */
export function ensureStyles(root = document) {
  if (!assets) return Promise.reject(notBuilt());
  if (styled.has(root)) return styled.get(root);
  const container = root === document ? document.head : root;
  const wanted = assets.css.map((c) => ({ ...c, href: resolve(c.href) }));
  const current = new Set(wanted.map((c) => c.href));
  const older = wanted.map((c) => olderBuildOf(c.href)).filter(Boolean);
  // On the standalone page (index.html is ours alone), a cached index.html
  // may also link sheets this release has under no name at all (the ten
  // sheets of the releases before they were joined into one): there every
  // content-hashed stylesheet of our folder that is not this release's goes.
  const standalone = root === document && !!document.body?.classList.contains('ca-standalone');
  const folder = resolve('./');
  const ourHashedSheet = (href) => href.startsWith(folder) && /-[0-9a-f]{8,}\.css$/.test(new URL(href).pathname);
  for (const l of container.querySelectorAll('link[rel="stylesheet"]')) {
    if (current.has(l.href)) continue;
    if (older.some((re) => re.test(l.href)) || (standalone && ourHashedSheet(l.href))) l.remove();
  }
  const loads = [];
  let previous = null;
  for (const { href, integrity } of wanted) {
    const { link, added } = linkOnce(container, 'stylesheet', href, integrity);
    if (added) {
      loads.push(
        new Promise((done) => {
          link.addEventListener('load', done);
          link.addEventListener('error', done);
        }),
      );
      const first = container.querySelector('link[rel="stylesheet"], style');
      if (previous) previous.after(link);
      else if (first) first.before(link);
      else container.prepend(link);
    }
    previous = link;
  }
  const done = Promise.all(loads).then(() => undefined);
  styled.set(root, done);
  return done;
}

/**
 * The page formats every number and date with Intl. A browser's first
 * Intl.DateTimeFormat loads the locale's data: about 50 ms on a phone's CPU
 * (Chromium at Lighthouse's 4x slowdown), which used to land in the long
 * task that draws the data. Made here instead, in a task of its own while
 * the wasm downloads, for the language the page will most likely use (the
 * one saved by its language switch, else the browser's: src/platform.rs
 * `initial_locale`, src/i18n `Locale::from_tag`); reading the saved one
 * opens localStorage early too. The page's own formatters are then cheap.
 */
function warmIntl() {
  let tag = navigator.language;
  try {
    tag = localStorage.getItem('customer-activity.locale') || tag;
  } catch {
    // storage refused (a sandboxed frame): the browser's language
  }
  const locale = /^\s*it/i.test(tag || '') ? 'it-IT' : 'en-US';
  // One task each: dates alone are about 50 ms at 4x.
  const steps = [
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(0),
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(1.5),
    () => new Intl.PluralRules(locale).select(1),
  ];
  const next = () => {
    try {
      steps.shift()();
    } catch {
      // an old browser without dateStyle: the page formats as it can
    }
    if (steps.length) setTimeout(next, 0);
  };
  next();
}

let glue;
/**
 * Loads and starts the WebAssembly once; resolves to the glue module (the
 * wasm-bindgen exports: mountCustomerActivity, startStandalone...).
 */
export function load() {
  glue ??= (async () => {
    if (!assets) throw notBuilt();
    const js = resolve(assets.js);
    // With its SRI hash: the import takes the preloaded module.
    const { link, added } = linkOnce(document.head, 'modulepreload', js, assets.jsIntegrity);
    if (added) document.head.append(link);
    // A release cut into parts: the glue imports the parts' loader, checked
    // the same way (the loader checks each part it fetches).
    if (assets.loader) {
      const parts = linkOnce(document.head, 'modulepreload', resolve(assets.loader), assets.loaderIntegrity);
      if (parts.added) document.head.append(parts.link);
    }
    // The wasm downloads while the glue arrives and parses (index.html
    // preloads it too: this takes the preloaded response).
    const wasm = fetch(new Request(resolve(assets.wasm), { integrity: assets.wasmIntegrity || '' }));
    wasm.catch(() => {}); // reported through init below, if the glue came
    setTimeout(warmIntl, 0);
    const mod = await import(js);
    await mod.default({ module_or_path: wasm });
    return mod;
  })();
  return glue;
}

/**
 * Fetches a wasm part's files (its own module and the shared ones it needs)
 * beside the main module, for a view the address shows at once: the parts'
 * loader then takes the preloaded responses (same URL, mode and SRI hash)
 * instead of asking once the main module has arrived and started. Nothing
 * in a build without parts, or for a part it does not have.
 */
export function preloadPart(name) {
  for (const file of assets?.parts?.[name] ?? []) {
    const { link, added } = linkOnce(document.head, 'preload', resolve(file.href), file.integrity);
    if (!added) continue;
    Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous', type: 'application/wasm' });
    document.head.append(link);
  }
}

let loaded;
/** Resolves once the page can be mounted (wasm started, stylesheets in); rejects with why it cannot. */
export const ready = Promise.all([load(), ensureStyles()]).then(([mod]) => {
  loaded = mod;
});
ready.catch(() => {}); // reported by whoever waits for it (the element: ca-error)

/**
 * Mounts the page into `element` (the JS API). Call after `ready` has
 * resolved. Options: apiBase, basePath, locale, theme, manageUsersUrl,
 * onNavigate(kind, url), onShown() (once its first view is drawn).
 * Returns a handle whose unmount() removes the page.
 */
export function mountCustomerActivity(element, options = {}) {
  if (!loaded) throw new Error('Customer Activity is not loaded yet: await ready first');
  return loaded.mountCustomerActivity(element, options);
}

const FAILURE = {
  en: 'Customer Activity could not be loaded. Reload the page to try again.',
  it: 'Non è stato possibile caricare Attività del cliente. Ricarica la pagina per riprovare.',
};

/** Why the page cannot start, in words (for ca-error and the console). */
export function describe(error) {
  return `Customer Activity could not be loaded: ${error?.message || error}`;
}

/**
 * Shows, inside `container`, that the page could not start (never a blank
 * page); `locale` picks the language. Returns the message element.
 */
export function showFailure(container, error, locale = navigator.language) {
  const p = document.createElement('p');
  p.className = 'ca-load-failure';
  p.setAttribute('role', 'alert');
  p.textContent = /^it\b/i.test(locale || '') ? FAILURE.it : FAILURE.en;
  const why = document.createElement('small');
  why.textContent = ` (${error?.message || error})`;
  p.append(why);
  container.replaceChildren(p);
  return p;
}

const OBSERVED = ['api-base', 'base-path', 'locale', 'theme', 'manage-users-url'];

class CustomerActivityElement extends HTMLElement {
  static observedAttributes = OBSERVED;

  connectedCallback() {
    const connection = {};
    this._connection = connection;
    const alive = () => this._connection === connection && this.isConnected;
    const root = this.getRootNode();
    Promise.all([ready, root instanceof ShadowRoot ? ensureStyles(root) : null])
      .then(() => {
        if (!alive()) return;
        // Shown: the page says when its first view is in the DOM (it draws
        // it a few tasks after the mount); ca-ready once it is painted.
        this._mount(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              if (alive() && this._page) this._emit('ca-ready', {});
            }),
          ),
        );
      })
      .catch((error) => {
        if (!alive()) return;
        this._unmount();
        showFailure(this, error, this.getAttribute('locale') || undefined);
        console.error(describe(error));
        this._emit('ca-error', { message: describe(error) });
      });
  }

  disconnectedCallback() {
    this._connection = undefined;
    this._unmount();
  }

  attributeChangedCallback(_name, before, after) {
    if (before === after || !this._page || this._rerender) return;
    // Several attributes set in one task re-render once.
    this._rerender = true;
    queueMicrotask(() => {
      this._rerender = false;
      if (!this._page || !this.isConnected) return;
      this._unmount();
      this._mount();
    });
  }

  /** Mounts the page; `onShown` (a new connection's, not a re-render's) once its first view is drawn. */
  _mount(onShown) {
    const attr = (name) => this.getAttribute(name) ?? undefined;
    try {
      this._page = mountCustomerActivity(this, {
        apiBase: attr('api-base'),
        basePath: attr('base-path'),
        locale: attr('locale'),
        theme: attr('theme'),
        manageUsersUrl: attr('manage-users-url'),
        onNavigate: (kind, url) => this._emit('ca-navigate', { kind, url }),
        onShown,
      });
    } catch (error) {
      this._page = undefined;
      showFailure(this, error, attr('locale'));
      console.error(describe(error));
      this._emit('ca-error', { message: describe(error) });
    }
  }

  _unmount() {
    this._page?.unmount();
    this._page = undefined;
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('customer-activity')) customElements.define('customer-activity', CustomerActivityElement);
