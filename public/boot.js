// Loads the page's WebAssembly and starts the standalone page. An external
// module (not an inline script), so the Content-Security-Policy needs no
// 'unsafe-inline'.
import init, { startStandalone } from './customer-activity.js';

await init({ module_or_path: new URL('./customer-activity_bg.wasm', import.meta.url) });
startStandalone();

// Live reload under `trunk serve` (scripts/run.sh); nothing in a release build.
import './live-reload.js';
