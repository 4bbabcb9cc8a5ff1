import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const videoIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="2" y="6" width="13" height="12" rx="2"></rect>${stroke('M15 10l6-3v10l-6-3z')}`;
  },
};
