import { svg } from 'lit';
import type { IconDrawing } from '../draw-icon.js';

export const moreIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="5" cy="12" r="2"></circle><circle cx="12" cy="12" r="2"></circle><circle cx="19" cy="12" r="2"></circle>`;
  },
  filled: true,
};
