// Bundles one browser entry the way an app's bundler would (ESM, minified, tree-shaken, split at
// dynamic imports) and measures what a page downloads before the entry runs: the entry chunk, the
// chunks it imports statically and its CSS, raw and gzipped. Code behind a dynamic `import()`
// (cropperjs, hls.js, locales) loads later, so it is reported apart and not counted. Shared by
// check-size.mjs (budgets in CI) and the bench (side-by-side figures).
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { missingLazyPackages } from './missing-lazy-packages.mjs';
import { repoRoot } from './test-files.mjs';

/**
 * Bundles `entry` in memory as an app's bundler would, with a metafile, for figures that must match
 * `measureBundle`'s. Output paths are relative to the repository.
 * @param {string} entry repo-relative path of the entry file
 */
export function bundleLikeAnApp(entry) {
  return build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    splitting: true,
    // Nothing is written; the folder only names the outputs.
    outdir: join(repoRoot, '.bundle-size'),
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [missingLazyPackages()],
  });
}

/**
 * @param {string} entry repo-relative path of the entry file
 * @returns {Promise<{ bytes: number, gzip: number, lazyBytes: number, lazyGzip: number, files: number }
 *   | { error: string }>} `bytes`/`gzip` for the initial load (summed per file, as each file is
 *   downloaded and compressed on its own), `lazyBytes`/`lazyGzip` for everything behind `import()`.
 */
export async function measureBundle(entry) {
  try {
    const result = await bundleLikeAnApp(entry);
    const outputs = result.metafile.outputs;
    const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint === entry);
    if (!entryOutput) return { error: `esbuild produced no output for ${entry}` };

    const initial = new Set();
    const visit = (name) => {
      if (initial.has(name)) return;
      initial.add(name);
      const meta = outputs[name];
      if (meta.cssBundle) initial.add(meta.cssBundle);
      for (const imported of meta.imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entryOutput);

    const size = { bytes: 0, gzip: 0, lazyBytes: 0, lazyGzip: 0, files: initial.size };
    for (const name of Object.keys(outputs)) {
      const code = contents.get(join(repoRoot, name));
      if (!code) continue;
      const gzip = gzipSync(code, { level: 9 }).byteLength;
      if (initial.has(name)) {
        size.bytes += code.byteLength;
        size.gzip += gzip;
      } else {
        size.lazyBytes += code.byteLength;
        size.lazyGzip += gzip;
      }
    }
    return size;
  } catch (error) {
    const messages = error.errors?.map((e) => (e.location ? `${e.location.file}: ${e.text}` : e.text));
    return { error: messages?.length ? messages.join('; ') : String(error) };
  }
}
