// Screenshot a page as a user would see it, and print its console errors.
// usage: node tools/shot.mjs URL OUT.png [locale=en-US] [width=1280] [persona]
import { chromium } from '@playwright/test';

const [url, out, locale = 'en-US', width = '1280', persona] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ locale, viewport: { width: Number(width), height: 900 } });
if (persona) {
  const u = new URL(url);
  await context.addCookies([{ name: 'demo_persona', value: persona, domain: u.hostname, path: '/' }]);
}
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`console.${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT || 1500));
if (process.env.SELECTOR) await page.locator(process.env.SELECTOR).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
console.log('saved', out);
await browser.close();
