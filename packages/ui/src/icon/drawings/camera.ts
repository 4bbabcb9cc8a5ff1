import { svg } from 'lit';
import { type IconDrawing, stroke } from '../draw-icon.js';

export const cameraIcon: IconDrawing = {
  get shapes() {
    return svg`${stroke('M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z')}<circle cx="12" cy="13.5" r="3.5"></circle>`;
  },
};
