import { type IconDrawing, stroke } from '../draw-icon.js';

export const closeIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 6l12 12M18 6L6 18');
  },
};
