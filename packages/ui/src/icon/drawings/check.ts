import { type IconDrawing, stroke } from '../draw-icon.js';

export const checkIcon: IconDrawing = {
  get shapes() {
    return stroke('M5 12.5l4.5 4.5L19 7');
  },
};
