// Bundles one browser entry the way an app's bundler would (ESM, minified, tree-shaken) and measures
// it raw and gzipped. Shared by check-size.mjs (budgets in CI) and the bench (side-by-side figures).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './test-files.mjs';

/**
 * @param {string} entry repo-relative path of the entry file
 * @returns {Promise<{ bytes: number, gzip: number } | { error: string }>}
 */
export async function measureBundle(entry) {
  try {
    const result = await build({
      absWorkingDir: repoRoot,
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      treeShaking: true,
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    return { bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  } catch (error) {
    const messages = error.errors?.map((e) => (e.location ? `${e.location.file}: ${e.text}` : e.text));
    return { error: messages?.length ? messages.join('; ') : String(error) };
  }
}
