import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const settingsIcon: IconDrawing = {
  get shapes() {
    return svg`${stroke('M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1')}<circle cx="15" cy="6" r="2"></circle><circle cx="9" cy="12" r="2"></circle><circle cx="17" cy="18" r="2"></circle>`;
  },
};
