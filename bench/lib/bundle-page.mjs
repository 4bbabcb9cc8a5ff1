// Bundles a bench page's script the way an app would (minified, split at dynamic imports), in
// memory, so a page loads its chunks as separate requests as it would from a real site.
import { join } from 'node:path';
import { build } from 'esbuild';
import { missingLazyPackages } from '../../scripts/missing-lazy-packages.mjs';
import { repoRoot } from '../../scripts/test-files.mjs';

/** The page's files by name (`stdin.js`, `stdin.css`, chunks) → their bytes. */
export async function bundlePage(name, script) {
  const outdir = join(repoRoot, '.bench-page', name);
  const result = await build({
    stdin: { contents: script, resolveDir: repoRoot, sourcefile: `${name}.js`, loader: 'js' },
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    splitting: true,
    outdir,
    write: false,
    logLevel: 'silent',
    plugins: [missingLazyPackages()],
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice(outdir.length + 1), file.contents]));
}
