// Builds the two comparison pages into bench/out/ with esbuild (offline,
// from node_modules): aggrid.html + aggrid.js, floor.html + floor.js, page.css.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

await build({
  entryPoints: { aggrid: path.join(here, 'src/aggrid.js'), floor: path.join(here, 'src/floor.js') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(here, 'src/page.css'), path.join(out, 'page.css'));

const page = (name, title, gridClass) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="page.css" />
<script type="module" src="${name}.js"></script>
</head>
<body>
<main>
<h1>Consumption details</h1>
<div class="grid-tools">
  <div class="field"><label for="q">Filter rows</label><input id="q" type="search" autocomplete="off" /></div>
  <p id="count" class="grid-count" role="status" aria-live="polite"></p>
</div>
<div id="grid" class="${gridClass}"></div>
</main>
</body>
</html>
`;
fs.writeFileSync(path.join(out, 'aggrid.html'), page('aggrid', 'AG Grid Community · bench', 'ag'));
fs.writeFileSync(path.join(out, 'floor.html'), page('floor', 'TanStack floor · bench', 'grid-scroll'));
for (const f of fs.readdirSync(out)) console.log(`${f.padEnd(14)} ${fs.statSync(path.join(out, f)).size.toLocaleString('en-US').padStart(10)} B`);
