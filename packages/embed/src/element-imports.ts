import { cachedLoader, type ElementLoader } from './element-modules.js';

/**
 * Loads elements through bundler-visible dynamic imports: an app's bundler (or the kumo.mjs build)
 * turns each into a separate chunk fetched on first use.
 */
export const importElement: ElementLoader = cachedLoader((module) => {
  switch (module) {
    case 'upload-widget':
      return import('./elements/upload-widget.js');
    case 'video-player':
      return import('./elements/video-player.js');
  }
});
