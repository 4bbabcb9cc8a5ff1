/**
 * Test helpers (Chromium only, not built): the real Kumo server of the test run, and kumo.js loaded
 * from it with a plain `<script>` tag, the way a site builder's page loads it.
 */

import { admin, testServer } from '@kumo/ui/testing/kumo-server';
import type { Kumo } from '../kumo.js';
import type { UploadWidget } from '../upload-widget-proxy.js';

export { testServer };

/** Loads `{apiBase}/embed/kumo.js` as a classic script and resolves with `window.kumo`. */
export function loadKumoScript(apiBase = testServer().apiBase): Promise<Kumo> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${apiBase}/embed/kumo.js`;
    script.onload = () => {
      const kumo = (window as { kumo?: Kumo }).kumo;
      if (kumo) resolve(kumo);
      else reject(new Error('kumo.js ran but defined no window.kumo'));
    };
    script.onerror = () =>
      reject(
        new Error(`could not load ${script.src}; build it first: node packages/embed/scripts/build.mjs`),
      );
    document.head.append(script);
  });
}

/** A 2×2 red PNG, as a File. */
export function pngFile(name = 'red.png'): File {
  const bytes = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
    ),
    (char) => char.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png', lastModified: Date.UTC(2024, 0, 1) });
}

/** Creates the unsigned upload preset `name` on the test server, unless it is there already. */
export async function ensureUnsignedPreset(name: string): Promise<void> {
  const created = await admin('POST', '/upload_presets', { name, unsigned: true });
  if (![200, 201, 409].includes(created.status)) throw new Error(`preset ${name}: HTTP ${created.status}`);
}

/** Keeps the widgets a test creates (`track`) so that `destroyAll` removes them after it. */
export function widgetTracker() {
  const widgets: UploadWidget[] = [];
  return {
    track(widget: UploadWidget): UploadWidget {
      widgets.push(widget);
      return widget;
    },
    async destroyAll(options?: { readonly removeThumbnails?: boolean }): Promise<void> {
      for (const widget of widgets.splice(0)) await widget.destroy(options);
    },
  };
}
