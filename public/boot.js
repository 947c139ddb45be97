// Starts the standalone page. An external module (not an inline script), so
// the Content-Security-Policy needs no 'unsafe-inline'. A stable name, like
// embed.js, which knows the build's hashed file names and loads them.
import { load, ensureStyles, assets, describe, showFailure } from './embed.js';

// The signed-in user is the first thing the page asks the API for, and the
// WebAssembly takes longer to arrive and start than that answer: ask for it
// now. The page takes this response, once, instead of sending the same
// request itself (src/platform.rs `take_early`); the same URL and headers as
// its own (src/api/mod.rs), the same 20-second limit.
const api = document.querySelector('meta[name="customer-activity:api-base"]')?.getAttribute('content') || '/api/v1';
const url = `${api.replace(/\/+$/, '')}/me`;
// AbortSignal.timeout is missing in older browsers (Safari < 16): there an
// AbortController aborts at the same limit, with the same TimeoutError.
const LIMIT_MS = 20000;
let signal;
if (typeof AbortSignal.timeout === 'function') {
  signal = AbortSignal.timeout(LIMIT_MS);
} else {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), LIMIT_MS);
  signal = controller.signal;
}
const response = fetch(url, { headers: { Accept: 'application/json' }, signal });
response.catch(() => {}); // the page reports a failure when it takes the response
globalThis.__caEarly = { url, response };

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
// A panic from here on shows the page's own error view.
glue?.startStandalone();

// Live reload under scripts/run.sh (`trunk serve`); never in a release build.
if (assets?.liveReload) import('./live-reload.js');
