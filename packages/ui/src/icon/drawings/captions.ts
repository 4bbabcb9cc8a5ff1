import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const captionsIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="3" y="5" width="18" height="14" rx="2"></rect>${stroke('M10.5 10.2a2.5 2.5 0 1 0 0 3.6M17 10.2a2.5 2.5 0 1 0 0 3.6')}`;
  },
};
