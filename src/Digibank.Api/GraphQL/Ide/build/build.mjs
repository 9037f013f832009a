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

await writeFile(path.join(out, 'THIRD-PARTY-LICENSES.txt'), await licences([workers.metafile, page.metafile]));

let total = 0;
for (const file of await readdir(assets)) {
  total += (await readFile(path.join(assets, file))).length;
}
console.log(`GraphiQL built into ${path.relative(process.cwd(), out)}: ${(await readdir(assets)).length} files, ${(total / 1024 / 1024).toFixed(1)} MiB`);

// The licence of every npm package whose code went into the files, since the minified files keep no licence comments.
async function licences(metafiles) {
  const packages = new Map();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match && !packages.has(match[2])) {
      packages.set(match[2], path.resolve(here, match[1]));
    }
  }

  const sections = [];
  for (const [name, folder] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8'));
    const file = (await readdir(folder)).find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry));
    const text = file
      ? (await readFile(path.join(folder, file), 'utf8')).trim()
      : manifest.license === 'MIT'
        ? `The package ships no licence file; its package.json names the MIT licence${author(manifest)}, whose text is:\n\n${mitLicence()}`
        : `The package ships no licence file; its package.json names: ${manifest.license}`;
    sections.push(`${name} ${manifest.version} (${manifest.license})\n${manifest.homepage ?? ''}\n\n${text}`);
  }

  return `GraphiQL as built into this folder bundles the following npm packages, each under its own licence.\n\n${sections.join(`\n\n${'-'.repeat(78)}\n\n`)}\n`;
}

function author(manifest) {
  const name = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  return name ? ` and ${name} as its author` : '';
}

function mitLicence() {
  return `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
}
