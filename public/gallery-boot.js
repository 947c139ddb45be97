// Loads the gallery's WebAssembly and starts it (src/gallery/). An external
// module, like boot.js, so the gallery keeps the page's strict CSP.
import init, { startGallery } from './customer-activity.js';

await init({ module_or_path: new URL('./customer-activity_bg.wasm', import.meta.url) });
startGallery();

// Live reload under `trunk serve` (see live-reload.js).
import './live-reload.js';
