/**
 * kumo.mjs: the module form of kumo.js, served by the Kumo server next to it. Element chunks are
 * siblings of this file, and the server it talks to by default is the one it came from.
 */
import { autoloadElements } from '../autoload.js';
import { importElement } from '../element-imports.js';
import { createKumo, type Kumo } from '../kumo.js';
import { version } from '../version.js';

export const kumo: Kumo = createKumo({
  loadElement: importElement,
  apiBase: new URL(import.meta.url).origin,
  version,
});

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

autoloadElements(importElement);

export default kumo;
