// Builds the script-tag distribution into dist/browser/: kumo.mjs plus one hashed chunk per element
// (and the code they share), then kumo.js, a classic script that imports those same chunks by URL.
// Runs on the packages' compiled output, so `tsc -b` comes first (`npm run build` does both).
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { missingLazyPackages } from '../../../scripts/missing-lazy-packages.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(packageDir, 'dist', 'browser');

/** Options both builds share: minified for browsers, with source maps. */
const common = {
  absWorkingDir: packageDir,
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  outdir,
  // An optional engine that is not installed (cropperjs) is left external, with a warning.
  plugins: [missingLazyPackages({ warn: true })],
  // esbuild would define NODE_ENV=production when minifying, which silences Kumo's development
  // warnings. A script-tag page has no separate development build, and the warnings (console only,
  // for invalid or unknown options) are what someone porting Cloudinary code needs to see.
  define: { 'process.env.NODE_ENV': '"development"' },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// 1. The module build: esbuild splits every dynamic import into its own hashed chunk.
const modules = await build({
  ...common,
  entryPoints: { kumo: 'src/bundle/module.ts' },
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
});

/** Output file of each element module chunk (`src/elements/upload-widget.ts` → `chunks/upload-widget-XXXX.mjs`). */
const chunks = {};
for (const [output, meta] of Object.entries(modules.metafile.outputs)) {
  const match = meta.entryPoint?.match(/(?:^|\/)src\/elements\/([\w-]+)\.ts$/);
  if (match)
    chunks[match[1]] = path.relative(outdir, path.join(packageDir, output)).split(path.sep).join('/');
}
for (const name of ['upload-widget', 'video-player']) {
  if (!chunks[name]) throw new Error(`build: no chunk was produced for src/elements/${name}.ts`);
}

// 2. The classic script: the same API, loading the chunks above relative to its own URL.
const script = await build({
  ...common,
  entryPoints: { kumo: 'src/bundle/script.ts' },
  format: 'iife',
  define: { ...common.define, __KUMO_CHUNKS__: JSON.stringify(chunks) },
});

const outputs = { ...modules.metafile.outputs, ...script.metafile.outputs };
const rows = [];
for (const output of Object.keys(outputs).sort()) {
  if (output.endsWith('.map')) continue;
  const bytes = await readFile(path.join(packageDir, output));
  rows.push(
    `  ${path.relative(outdir, path.join(packageDir, output)).padEnd(44)} ${String(bytes.length).padStart(8)} B  ${String(gzipSync(bytes, { level: 9 }).length).padStart(7)} B gzip`,
  );
}
console.log(`@kumo/embed → ${path.relative(process.cwd(), outdir) || outdir}\n${rows.join('\n')}`);
