import { defineConfig } from '@playwright/test';

// The release build (../dist), served with SPA fallback by the demo backend
// on its embedded data, driven in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT || 4173);
// The browser's time zone. The demo data is built around today in it (not
// in UTC): between 23:00 and 24:00 UTC the page's today is already
// tomorrow in Rome, and a package "ending today" in the data was not.
const TIMEZONE = 'Europe/Rome';
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-US',
    timezoneId: TIMEZONE,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `../target/debug/demo-server --port ${PORT} --static ../dist --today ${TODAY}`,
    url: `http://127.0.0.1:${PORT}/api/v1/me`,
    reuseExistingServer: false,
    stdout: 'ignore',
    timeout: 60_000,
  },
});
