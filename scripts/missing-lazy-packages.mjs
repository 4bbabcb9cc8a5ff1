// An esbuild plugin for optional engines (cropperjs, hls.js…): a package behind a dynamic `import()`
// that is not installed stays an external import instead of failing the whole build. Only the
// feature that needs it fails, when used; a size measurement leaves it out, as a page would not load
// it up front anyway.

/**
 * @param {{ warn?: boolean }} [options] `warn`: report each package left external as a build warning
 * @returns {import('esbuild').Plugin}
 */
export function missingLazyPackages({ warn = false } = {}) {
  return {
    name: 'missing-lazy-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.resolving) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length === 0) return resolved;
        if (!warn) return { path: args.path, external: true };
        return {
          path: args.path,
          external: true,
          warnings: [{ text: `"${args.path}" is not installed; its lazy import() will fail at run time` }],
        };
      });
    },
  };
}
