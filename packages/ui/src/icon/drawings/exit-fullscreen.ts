import { type IconDrawing, stroke } from '../draw-icon.js';

export const exitFullscreenIcon: IconDrawing = {
  get shapes() {
    return stroke('M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5');
  },
};
