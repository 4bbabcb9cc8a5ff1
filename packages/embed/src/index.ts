/**
 * @kumo/embed as a module: the same `kumo` API as the kumo.js script, for apps with a bundler.
 * Element code is split into chunks the bundler loads on first use; importing this module also
 * loads the code of any `<kumo-*>` tag that appears in the document.
 */
import { autoloadElements } from './autoload.js';
import { importElement } from './element-imports.js';
import { createKumo, type Kumo } from './kumo.js';
import { version } from './version.js';

/** The API object; its server defaults to the page's own origin until `setApiBase`. */
export const kumo: Kumo = createKumo({ loadElement: importElement, apiBase: '', version });

export const {
  createUploadWidget,
  openUploadWidget,
  applyUploadWidget,
  setCloudName,
  setApiBase,
  videoPlayer,
  videoPlayers,
  preload,
} = kumo;

if (typeof document !== 'undefined') autoloadElements(importElement);

export default kumo;
export type { Kumo } from './kumo.js';
export type { UploadWidgetCallback, UploadWidgetError, UploadWidgetResult } from './upload-widget-events.js';
export type { UploadWidgetConfig } from './upload-widget-options.js';
export type { UploadWidget } from './upload-widget-proxy.js';
export type { VideoPlayerConfig } from './video-player-options.js';
export type { PlayerEventHandler, PlaylistOptions, VideoPlayer } from './video-player-proxy.js';
