// Live reload under `trunk serve` (scripts/run.sh, scripts/gallery.sh). Trunk injects an
// inline script for it, which the CSP (no 'unsafe-inline') refuses to run;
// this does its job from here: reload when Trunk has rebuilt, show a build
// failure. A release build has no such script, so this does nothing there.
const served = [...document.scripts].some((s) => !s.src && s.textContent.includes('.well-known/trunk/ws'));
if (served) {
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
}
