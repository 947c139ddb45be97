// Live reload under `trunk serve` (scripts/run.sh, scripts/gallery.sh), which
// set CA_LIVE_RELOAD=1: scripts/post-build.sh then copies this file into the
// build and boot.js / gallery-boot.js import it. Trunk's own live reload is an
// inline script, which the page's CSP refuses (Trunk.toml: no_autoreload):
// this does its job from an external module. Reloads when Trunk has rebuilt,
// shows a build failure. Never part of a release build.
const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/.well-known/trunk/ws`;
const connect = (reloadOnOpen) => {
  const ws = new WebSocket(url);
  if (reloadOnOpen) ws.onopen = () => location.reload();
  ws.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.type === 'reload') location.reload();
    if (msg.type === 'buildFailure') {
      console.error('Build failed:', msg.data?.reason);
      const banner = document.getElementById('ca-build-failure') ?? document.body.appendChild(Object.assign(document.createElement('pre'), { id: 'ca-build-failure' }));
      banner.textContent = `Build failed\n\n${msg.data?.reason ?? ''}`;
    }
  };
  // Trunk restarted: reconnect, then reload on the fresh build.
  ws.onclose = () => setTimeout(() => connect(true), 2000);
};
connect(false);
