// Starts the gallery (src/gallery/). An external module, like boot.js, so the
// gallery keeps the page's strict CSP; embed.js knows the hashed file names.
import { load, ensureStyles, assets, describe, showFailure } from './embed.js';

let glue;
try {
  [glue] = await Promise.all([load(), ensureStyles()]);
} catch (error) {
  console.error(describe(error));
  showFailure(document.body, error);
}
glue?.startGallery();

// Live reload under scripts/gallery.sh (`trunk serve`).
if (assets?.liveReload) import('./live-reload.js');
