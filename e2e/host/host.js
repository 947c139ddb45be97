// The fake host's script: unmount/remount of the <customer-activity>
// element, and a second instance mounted through the JS API.
import { ready, mountCustomerActivity } from '/embed.js';

const log = (text) => {
  document.getElementById('host-log').textContent = text;
};

// The element fires `ca-navigate` for navigations the host may handle
// (an entitlement's action link: the page still opens it in a new tab).
const navigations = [];
window.hostNavigations = navigations;
document.addEventListener('ca-navigate', (ev) => {
  navigations.push(ev.detail);
  log(`ca-navigate ${ev.detail.kind} ${ev.detail.url}`);
});

const elementSlot = document.getElementById('slot-element');
document.getElementById('element-unmount').addEventListener('click', () => {
  elementSlot.querySelector('customer-activity')?.remove();
  log('element unmounted');
});
document.getElementById('element-mount').addEventListener('click', () => {
  if (elementSlot.querySelector('customer-activity')) return;
  const el = document.createElement('customer-activity');
  el.setAttribute('base-path', '/host');
  el.setAttribute('api-base', '/api/v1');
  elementSlot.append(el);
  log('element mounted');
});

// The JS API, from the same embed.js: wait for `ready` (the WebAssembly and
// the stylesheets, loaded once for every instance), then mount into any element.
let handle;
window.hostApiNavigations = [];
document.getElementById('api-mount').addEventListener('click', async () => {
  await ready;
  if (handle) return;
  handle = mountCustomerActivity(document.getElementById('slot-api'), {
    apiBase: '/api/v1',
    basePath: '/host',
    theme: 'dark',
    onNavigate: (kind, url) => {
      window.hostApiNavigations.push({ kind, url });
      log(`onNavigate ${kind} ${url}`);
    },
  });
  log('JS API instance mounted');
});
document.getElementById('api-unmount').addEventListener('click', () => {
  handle?.unmount();
  handle = undefined;
  log('JS API instance unmounted');
});
