import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const imageIcon: IconDrawing = {
  get shapes() {
    return svg`<rect x="3" y="4" width="18" height="16" rx="2"></rect><circle cx="8.5" cy="9.5" r="1.5"></circle>${stroke('M21 16l-5-5-9 9')}`;
  },
};
