/**
 * kumo.js: a classic script that defines `window.kumo`. It holds only the API; each element's
 * code is a module chunk beside it, imported from the script's own URL on first use.
 */
import { autoloadElements } from '../autoload.js';
import { cachedLoader, type ElementModule } from '../element-modules.js';
import { createKumo, type Kumo } from '../kumo.js';
import { version } from '../version.js';

/** Chunk file of each element module, relative to kumo.js; filled in by scripts/build.mjs. */
declare const __KUMO_CHUNKS__: Readonly<Record<ElementModule, string>>;

declare global {
  interface Window {
    kumo?: Kumo;
  }
}

// Only readable while the script first runs, and only for a classic (non-module) script.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;

if (window.kumo) {
  console.warn(
    `[kumo] kumo.js ${version} was loaded twice (the first copy, ${window.kumo.version}, stays); load it once.`,
  );
} else {
  const loadElement = cachedLoader((module) => import(new URL(__KUMO_CHUNKS__[module], scriptUrl).href));
  window.kumo = createKumo({ loadElement, apiBase: new URL(scriptUrl).origin, version });
  autoloadElements(loadElement);
}
