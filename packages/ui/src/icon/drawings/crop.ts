import { type IconDrawing, stroke } from '../draw-icon.js';

export const cropIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 2v14a2 2 0 0 0 2 2h14M2 6h14a2 2 0 0 1 2 2v14');
  },
};
