import { defineConfig } from '@playwright/test';
import type { GalleryOptions } from './gallery/gallery.spec';

// The designers' gallery (../dist-gallery, built by
// `trunk build gallery.html --release --dist dist-gallery`), served by a
// plain Node static server, screenshotted in Debian's Chromium. One project
// per language and theme; baselines are in gallery/gallery.spec.ts-snapshots/.
//   npx playwright test -c playwright.gallery.config.ts [--update-snapshots]
const PORT = Number(process.env.GALLERY_PORT || 4175);

export default defineConfig<GalleryOptions>({
  testDir: './gallery',
  // Its own output folder: a run empties it, and must not empty the main suite's.
  outputDir: './test-results/gallery',
  timeout: 90_000,
  expect: {
    timeout: 10_000,
    // A few anti-aliased pixels may move with the layout above a state;
    // a designer's change moves far more.
    toHaveScreenshot: { animations: 'disabled', caret: 'hide', scale: 'css', maxDiffPixelRatio: 0.002 },
  },
  workers: 3,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Europe/Rome',
    colorScheme: 'light',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--font-render-hinting=none'],
    },
  },
  projects: [
    // The reference: a screenshot of every state.
    { name: 'en-US-light', use: { galleryQuery: 'locale=en-US&theme=light', shotEach: 'data-state' } },
    // The variants: a screenshot of every section (all of its states), to
    // keep the baselines few.
    { name: 'it-IT-light', grepInvert: /switchers/, use: { galleryQuery: 'locale=it-IT&theme=light', shotEach: 'data-section' } },
    { name: 'en-US-dark', grepInvert: /switchers/, use: { galleryQuery: 'locale=en-US&theme=dark', shotEach: 'data-section' } },
  ],
  webServer: {
    command: `node tools/static.mjs ../dist-gallery ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    timeout: 30_000,
  },
});
