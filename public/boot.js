// Starts the standalone page. An external module (not an inline script), so
// the Content-Security-Policy needs no 'unsafe-inline'. A stable name, like
// embed.js, which knows the build's hashed file names and loads them.
import { load, ensureStyles, assets, describe, showFailure, preloadPart } from './embed.js';

// The signed-in user is the first thing the page asks the API for, and the
// WebAssembly takes longer to arrive and start than that answer: ask for it
// now. Once it has answered, and only for a user who may open the page (the
// rule of src/domain/roles.rs `has_access`), ask for what the view in the
// address bar shows first too: the customer-activity document and, on a
// drilldown, its records. The page takes each response, once, instead of
// sending the same request itself (src/platform.rs `take_early`; a response
// it never asks for is dropped); the same URLs and headers as its own
// (src/api/mod.rs), the same 20-second limit.
const meta = (name) => document.querySelector(`meta[name="customer-activity:${name}"]`)?.getAttribute('content');
const api = (meta('api-base') || '/api/v1').replace(/\/+$/, '');
// AbortSignal.timeout is missing in older browsers (Safari < 16): there an
// AbortController aborts at the same limit, with the same TimeoutError.
const LIMIT_MS = 20000;
function limit() {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(LIMIT_MS);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), LIMIT_MS);
  return controller.signal;
}
const early = {};
globalThis.__caEarly = early;
// An URL the page has asked for itself already (`false`) is not asked again.
function ask(path) {
  const url = `${api}${path}`;
  if (url in early) return Promise.resolve(null);
  const response = fetch(url, { headers: { Accept: 'application/json' }, signal: limit() });
  response.catch(() => {}); // the page reports a failure when it takes the response
  early[url] = response;
  return response;
}
// An id as the page writes it in a path (src/domain/query.rs `encode`: only
// A–Z a–z 0–9 - _ . ~ are left as they are).
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const base = (meta('base-path') || '').replace(/\/+$/, '');
const here = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
const asked = ask('/me')
  .then((r) => (r?.ok && /^\/customer-activity(\/|$)/.test(here) ? r.clone().json() : null))
  .then((me) => {
    const roles = Array.isArray(me?.roles) ? me.roles : [];
    if (!['customerAdmin', 'workspaceAdmin', 'customerActivity'].some((r) => roles.includes(r))) return;
    ask('/customer-activity');
    const drill = here.match(/^\/customer-activity\/entitlements\/([^/]+)\/?$/);
    if (drill) ask(`/entitlements/${encode(decodeURIComponent(drill[1]))}/activity`);
  })
  .catch(() => {}); // nothing asked early: the page asks itself

// A tile's list and the additional cases are a wasm part of their own
// (src/pages/part.rs `page_part`): on their address it downloads beside the
// main module.
if (/^\/customer-activity\/tiles\/[^/]+\/?$|^\/customer-activity\/additional-cases\/?$/.test(here)) preloadPart('pages');

let glue;
try {
  // ensureStyles: an index.html cached from an earlier release links that
  // release's stylesheets; this build's replace them.
  [glue] = await Promise.all([load(), ensureStyles()]);
} catch (error) {
  // Never a blank page: say so, in the page.
  console.error(describe(error));
  showFailure(document.body, error);
}
// The page's first render is a long task: started while /me is on its way,
// it would hold back the requests above until it ends. So it waits for them
// to leave (they do as soon as /me has answered), but not long: a slow /me
// must not keep the page's frame from showing.
await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 250))]);
// And in a task of its own, not the requests' task. On a phone /me answers
// long before the wasm arrives, so they leave in a task of their own anyway;
// on a fast link they left in the render's task, which runs wasm code, and
// Lighthouse's simulation of a slow phone then had them wait for the wasm's
// download (bench/lighthouse.md, session 9).
await new Promise((resolve) => setTimeout(resolve, 0));
// A panic from here on shows the page's own error view.
glue?.startStandalone();

// Live reload under scripts/run.sh (`trunk serve`); never in a release build.
if (assets?.liveReload) import('./live-reload.js');
