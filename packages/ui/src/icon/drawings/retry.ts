import { type IconDrawing, stroke } from '../draw-icon.js';

export const retryIcon: IconDrawing = {
  get shapes() {
    return stroke('M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5');
  },
};
