// Builds GraphiQL into ../wwwroot: the page, one script module (with lazily loaded chunks), one stylesheet and
// Monaco's three workers, every file but the page named by its content hash so the API can cache them for good.
import { build } from 'esbuild';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../wwwroot');
const assets = path.join(out, 'assets');
// The page's address for its files; IdeEndpoint serves them there.
const publicPath = '/graphql/ide/assets';
const require = createRequire(import.meta.url);

await rm(out, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

// graphiql/style.css already holds Monaco's styles (and its icon font); the copies Monaco's modules import would
// only duplicate them, and those imported from lazily loaded chunks would never be linked into the page.
const skipMonacoStyles = {
  name: 'skip-monaco-styles',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes(`${path.sep}monaco-editor${path.sep}`) ? { path: args.path, namespace: 'skipped-css' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'skipped-css' }, () => ({ contents: '', loader: 'empty' }));
  },
};

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: 'es2022',
  outdir: assets,
  entryNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
};

const workers = await build({
  ...common,
  format: 'iife',
  entryPoints: {
    'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
  },
});
const workerFiles = {};
for (const [file, output] of Object.entries(workers.metafile.outputs)) {
  const label = path.basename(output.entryPoint ?? '').replace(/\.worker\.js$/, '');
  workerFiles[label] = `./${path.basename(file)}`;
}

const page = await build({
  ...common,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  publicPath,
  jsx: 'automatic',
  plugins: [skipMonacoStyles],
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  entryPoints: { graphiql: path.join(here, 'graphiql.jsx') },
  define: { ...common.define, WORKER_FILES: JSON.stringify(workerFiles) },
});
const entry = Object.entries(page.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('graphiql.jsx'));
const [script, { cssBundle }] = entry;

const html = (await readFile(path.join(here, 'index.template.html'), 'utf8'))
  .replace('{{script}}', `${publicPath}/${path.basename(script)}`)
  .replace('{{style}}', `${publicPath}/${path.basename(cssBundle)}`);
await writeFile(path.join(out, 'index.html'), html);

let total = 0;
for (const file of await readdir(assets)) {
  total += (await readFile(path.join(assets, file))).length;
}
console.log(`GraphiQL built into ${path.relative(process.cwd(), out)}: ${(await readdir(assets)).length} files, ${(total / 1024 / 1024).toFixed(1)} MiB`);
