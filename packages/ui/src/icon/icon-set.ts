import { html, type SVGTemplateResult, svg, type TemplateResult } from 'lit';
import type { IconName } from './icon.types.js';

/** An icon's drawing. */
export interface IconDrawing {
  /** The shapes inside a 24×24 viewBox, stroked in `currentColor` unless `filled`. */
  readonly shapes: SVGTemplateResult;
  /** Filled rather than stroked. */
  readonly filled?: boolean;
  /** Points along the reading direction, so it is mirrored right to left. */
  readonly mirrorInRtl?: boolean;
}

const stroke = (d: string) => svg`<path d=${d}></path>`;

// Each drawing is its own export whose shapes are made when drawn, so a bundle keeps only the icons
// it uses.
export const cameraIcon: IconDrawing = {
  get shapes() {
    return svg`${stroke('M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z')}<circle cx="12" cy="13.5" r="3.5"></circle>`;
  },
};

export const captionsIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="3" y="5" width="18" height="14" rx="2"></rect>${stroke('M10.5 10.2a2.5 2.5 0 1 0 0 3.6M17 10.2a2.5 2.5 0 1 0 0 3.6')}`;
  },
};

export const checkIcon: IconDrawing = {
  get shapes() {
    return stroke('M5 12.5l4.5 4.5L19 7');
  },
};

export const chevronEndIcon: IconDrawing = {
  get shapes() {
    return stroke('M9 6l6 6-6 6');
  },
  mirrorInRtl: true,
};

export const chevronStartIcon: IconDrawing = {
  get shapes() {
    return stroke('M15 6l-6 6 6 6');
  },
  mirrorInRtl: true,
};

export const closeIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 6l12 12M18 6L6 18');
  },
};

export const cropIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 2v14a2 2 0 0 0 2 2h14M2 6h14a2 2 0 0 1 2 2v14');
  },
};

export const errorIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="12" cy="12" r="9"></circle>${stroke('M12 7.5v5.5M12 16.5v.01')}`;
  },
};

export const exitFullscreenIcon: IconDrawing = {
  get shapes() {
    return stroke('M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5');
  },
};

export const fileIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 3h8l5 5v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14 3v5h5');
  },
};

export const folderIcon: IconDrawing = {
  get shapes() {
    return stroke('M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z');
  },
};

export const fullscreenIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5');
  },
};

export const imageIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="3" y="4" width="18" height="16" rx="2"></rect><circle cx="8.5" cy="9.5" r="1.5"></circle>${stroke('M21 16l-5-5-9 9')}`;
  },
};

export const linkIcon: IconDrawing = {
  get shapes() {
    return stroke(
      'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
    );
  },
};

export const moreIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="5" cy="12" r="2"></circle><circle cx="12" cy="12" r="2"></circle><circle cx="19" cy="12" r="2"></circle>`;
  },
  filled: true,
};

export const mutedIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9h4l5-4v14l-5-4H4zM17 9.5l5 5M22 9.5l-5 5');
  },
};

export const pauseIcon: IconDrawing = {
  get shapes() {
    return stroke('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z');
  },
  filled: true,
};

export const playIcon: IconDrawing = {
  get shapes() {
    return stroke('M8 5.5v13l10.5-6.5z');
  },
  filled: true,
};

export const retryIcon: IconDrawing = {
  get shapes() {
    return stroke('M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5');
  },
};

export const searchIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="11" cy="11" r="7"></circle>${stroke('M20 20l-4-4')}`;
  },
};

export const settingsIcon: IconDrawing = {
  get shapes() {
    return svg`${stroke('M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1')}<circle cx="15" cy="6" r="2"></circle><circle cx="9" cy="12" r="2"></circle><circle cx="17" cy="18" r="2"></circle>`;
  },
};

export const trashIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13');
  },
};

export const uploadIcon: IconDrawing = {
  get shapes() {
    return stroke('M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3');
  },
};

export const videoIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="2" y="6" width="13" height="12" rx="2"></rect>${stroke('M15 10l6-3v10l-6-3z')}`;
  },
};

export const volumeIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12');
  },
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

/** `iconTemplate` for one drawing (`drawIcon(uploadIcon)`): a bundle then keeps only the icons it uses. */
export function drawIcon(icon: IconDrawing, className = 'icon'): TemplateResult {
  // The outer <svg> goes through `html`: Lit's `svg` tag is for what goes inside one.
  return html`<svg
    class="${className}${icon.mirrorInRtl ? ' mirror' : ''}"
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill=${icon.filled ? 'currentColor' : 'none'}
    stroke=${icon.filled ? 'none' : 'currentColor'}
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >${icon.shapes}</svg>`;
}
