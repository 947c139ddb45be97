// <customer-activity> custom element for hosts that embed the page:
//   <script type="module" src="/embed.js"></script>
//   <customer-activity api-base="/api/v1" base-path="/hub" locale="it-IT" theme="dark"></customer-activity>
// The element fires a `ca-navigate` event ({ kind, url }) for navigations the
// host may want to handle (an entitlement's action link).
import init, { mountCustomerActivity } from './customer-activity.js';

const ready = init({ module_or_path: new URL('./customer-activity_bg.wasm', import.meta.url) });

class CustomerActivityElement extends HTMLElement {
  async connectedCallback() {
    await ready;
    if (!this.isConnected || this._page) return;
    const attr = (name) => this.getAttribute(name) ?? undefined;
    this._page = mountCustomerActivity(this, {
      apiBase: attr('api-base'),
      basePath: attr('base-path'),
      locale: attr('locale'),
      theme: attr('theme'),
      onNavigate: (kind, url) => this.dispatchEvent(new CustomEvent('ca-navigate', { detail: { kind, url }, bubbles: true })),
    });
  }

  disconnectedCallback() {
    this._page?.unmount();
    this._page = undefined;
  }
}

if (!customElements.get('customer-activity')) customElements.define('customer-activity', CustomerActivityElement);
export { mountCustomerActivity };
