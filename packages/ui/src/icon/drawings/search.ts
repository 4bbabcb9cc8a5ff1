import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const searchIcon: IconDrawing = {
  get shapes() {
    return svg`<circle cx="11" cy="11" r="7"></circle>${stroke('M20 20l-4-4')}`;
  },
};
