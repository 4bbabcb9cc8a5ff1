import type { TemplateResult } from 'lit';
import { drawIcon, type IconDrawing } from './draw-icon.js';
import { cameraIcon } from './drawings/camera.js';
import { captionsIcon } from './drawings/captions.js';
import { checkIcon } from './drawings/check.js';
import { chevronEndIcon } from './drawings/chevron-end.js';
import { chevronStartIcon } from './drawings/chevron-start.js';
import { closeIcon } from './drawings/close.js';
import { cropIcon } from './drawings/crop.js';
import { errorIcon } from './drawings/error.js';
import { exitFullscreenIcon } from './drawings/exit-fullscreen.js';
import { fileIcon } from './drawings/file.js';
import { folderIcon } from './drawings/folder.js';
import { fullscreenIcon } from './drawings/fullscreen.js';
import { imageIcon } from './drawings/image.js';
import { linkIcon } from './drawings/link.js';
import { moreIcon } from './drawings/more.js';
import { mutedIcon } from './drawings/muted.js';
import { pauseIcon } from './drawings/pause.js';
import { playIcon } from './drawings/play.js';
import { retryIcon } from './drawings/retry.js';
import { searchIcon } from './drawings/search.js';
import { settingsIcon } from './drawings/settings.js';
import { trashIcon } from './drawings/trash.js';
import { uploadIcon } from './drawings/upload.js';
import { videoIcon } from './drawings/video.js';
import { volumeIcon } from './drawings/volume.js';
import type { IconName } from './icon.types.js';

export { drawIcon, type IconDrawing } from './draw-icon.js';
export {
  cameraIcon,
  captionsIcon,
  checkIcon,
  chevronEndIcon,
  chevronStartIcon,
  closeIcon,
  cropIcon,
  errorIcon,
  exitFullscreenIcon,
  fileIcon,
  folderIcon,
  fullscreenIcon,
  imageIcon,
  linkIcon,
  moreIcon,
  mutedIcon,
  pauseIcon,
  playIcon,
  retryIcon,
  searchIcon,
  settingsIcon,
  trashIcon,
  uploadIcon,
  videoIcon,
  volumeIcon,
};

/** Kumo's built-in icons, drawn on a 24-unit grid with 2-unit rounded strokes. */
export const ICONS: Readonly<Record<IconName, IconDrawing>> = {
  camera: cameraIcon,
  captions: captionsIcon,
  check: checkIcon,
  'chevron-end': chevronEndIcon,
  'chevron-start': chevronStartIcon,
  close: closeIcon,
  crop: cropIcon,
  error: errorIcon,
  'exit-fullscreen': exitFullscreenIcon,
  file: fileIcon,
  folder: folderIcon,
  fullscreen: fullscreenIcon,
  image: imageIcon,
  link: linkIcon,
  more: moreIcon,
  muted: mutedIcon,
  pause: pauseIcon,
  play: playIcon,
  retry: retryIcon,
  search: searchIcon,
  settings: settingsIcon,
  trash: trashIcon,
  upload: uploadIcon,
  video: videoIcon,
  volume: volumeIcon,
};

/**
 * The `<svg>` for a built-in icon, decorative (`aria-hidden`): for use inside other elements'
 * templates, where the control around it carries the label. `<kumo-icon>` renders the same.
 */
export function iconTemplate(name: IconName, className = 'icon'): TemplateResult {
  return drawIcon(ICONS[name], className);
}
