// What the React and Vue generators (packages/react/scripts/generate.mjs,
// packages/vue/scripts/generate.mjs) share: which elements get wrappers, read from the manifests,
// the check that a wrapper only imports what a package exports, and the command line.
import { pathToFileURL } from 'node:url';
import { FRAMEWORK_ELEMENTS, packageExports, readElements, writeGenerated } from './custom-elements.mjs';

/**
 * The manifest entries of FRAMEWORK_ELEMENTS, each with the names its package's main entry exports;
 * `skipped` says which ones no manifest has yet.
 */
export function readFrameworkElements() {
  const found = [];
  const skipped = [];
  for (const wanted of FRAMEWORK_ELEMENTS) {
    const element = readElements(wanted.package).find((e) => e.tagName === wanted.tagName);
    if (!element) skipped.push(`${wanted.tagName} (not in packages/${wanted.package}/custom-elements.json)`);
    else found.push({ element, exported: packageExports(wanted.package) });
  }
  return { found, skipped };
}

/** Throws when a name the wrapper must import is not exported by the package's main entry. */
export function requireExported(element, name, exported) {
  if (exported.has(name) || exported.has('*')) return;
  throw new Error(
    `${element.packageName} does not export ${name} from its main entry (needed for <${element.tagName}>)`,
  );
}

/**
 * Runs `generate` when `moduleUrl` is the script node was started with: writes `outDir`, or with
 * `--check` only reports (exit code 1) what is out of date.
 */
export function runGeneratorScript(moduleUrl, { label, outDir, generate }) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const { files, skipped } = generate();
  for (const note of skipped) console.warn(`${label}: skipped ${note}`);
  writeGenerated(outDir, files, { check: process.argv.includes('--check'), label });
}
