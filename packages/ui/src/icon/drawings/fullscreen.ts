import { type IconDrawing, stroke } from '../draw-icon.js';

export const fullscreenIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5');
  },
};
