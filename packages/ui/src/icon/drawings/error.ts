import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const errorIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="12" cy="12" r="9"></circle>${stroke('M12 7.5v5.5M12 16.5v.01')}`;
  },
};
