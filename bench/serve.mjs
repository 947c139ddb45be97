// One loopback server for the side-by-side grid benchmark (not a test):
//   /                     our release build (dist/), unknown paths → dist/index.html
//   /bench/aggrid.html    the AG Grid Community page (bench/out/)
//   /bench/floor.html     the plain-JS TanStack floor (bench/out/)
//   /api/*                proxied to a demo backend started here with --bench
// Files are served as they are on disk (no compression: it is loopback; the
// bytes a browser would download compressed are computed by compare.mjs).
// usage: node bench/serve.mjs [--port N]   (0 = any free port; prints the URL)
// env: DEMO_SERVER (default target/release/demo-server), DIST (default dist/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.resolve(process.env.DIST || path.join(root, 'dist'));
const out = path.join(here, 'out');
const demoServer = process.env.DEMO_SERVER || path.join(root, 'target/release/demo-server');
const argPort = process.argv.indexOf('--port');
const port = argPort > 0 ? Number(process.argv[argPort + 1]) : 8098;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

// The demo backend: API only (the static files are ours to serve), any free port.
function startBackend() {
  return new Promise((resolve, reject) => {
    const child = spawn(demoServer, ['--port', '0', '--bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`demo-server exited (${code})`)));
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buf);
      if (m) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, port: Number(m[1]) });
      }
    });
  });
}

// A file under dir for a URL path, or null (no escaping dir).
function under(dir, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const f = path.resolve(dir, '.' + path.posix.normalize('/' + p));
  return f === dir || f.startsWith(dir + path.sep) ? f : null;
}

function sendFile(res, file, method, extra = {}) {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-cache',
      ...extra,
    });
    if (method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

function proxy(req, res, backendPort) {
  const up = http.request(
    { host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers },
    (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`Bad gateway: ${e.message}\n`);
  });
  req.pipe(up);
}

const backend = await startBackend();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname;
  if (p === '/api' || p.startsWith('/api/')) return proxy(req, res, backend.port);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed\n');
    return;
  }
  if (p.startsWith('/bench/')) {
    const f = under(out, p.slice('/bench'.length));
    return f ? sendFile(res, f, req.method) : res.writeHead(400).end();
  }
  const f = under(dist, p);
  if (!f) return res.writeHead(400).end();
  // SPA fallback: a path with no file extension is a route of the page.
  if (p === '/' || !path.extname(p)) return sendFile(res, path.join(dist, 'index.html'), req.method);
  return sendFile(res, f, req.method);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`bench server listening on http://127.0.0.1:${server.address().port} (api → 127.0.0.1:${backend.port})`);
});
const stop = () => {
  backend.child.removeAllListeners('exit');
  backend.child.kill();
  server.close();
  process.exit(0);
};
process.on('exit', () => backend.child.kill());
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
