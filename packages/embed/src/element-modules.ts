/**
 * Which chunk registers which tag. kumo.js stays small by loading an element's code, and the code
 * behind its imperative API, only when a page uses it: through the API or by having the tag.
 */
export const ELEMENT_MODULES = {
  'kumo-upload-widget': 'upload-widget',
  'kumo-video-player': 'video-player',
} as const;

export type ElementTag = keyof typeof ELEMENT_MODULES;
export type ElementModule = (typeof ELEMENT_MODULES)[ElementTag];

/** What each chunk exports (it also registers its elements). */
export interface ElementChunks {
  'upload-widget': typeof import('./elements/upload-widget.js');
  'video-player': typeof import('./elements/video-player.js');
}

/** Loads (once) the chunk of an element module. */
export type ElementLoader = <M extends ElementModule>(module: M) => Promise<ElementChunks[M]>;

/** Wraps a raw loader so each module loads once; a failed load may be tried again. */
export function cachedLoader(load: (module: ElementModule) => Promise<unknown>): ElementLoader {
  const loading = new Map<ElementModule, Promise<unknown>>();
  return <M extends ElementModule>(module: M) => {
    let promise = loading.get(module);
    if (!promise) {
      promise = load(module);
      promise.catch(() => loading.delete(module));
      loading.set(module, promise);
    }
    return promise as Promise<ElementChunks[M]>;
  };
}
