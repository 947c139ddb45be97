// Loads the page's WebAssembly and starts the standalone page. An external
// module (not an inline script), so the Content-Security-Policy needs no
// 'unsafe-inline'.
import init, { startStandalone } from './customer-activity.js';

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

await init({ module_or_path: new URL('./customer-activity_bg.wasm', import.meta.url) });
startStandalone();

// Live reload under `trunk serve` (scripts/run.sh); nothing in a release build.
import './live-reload.js';
