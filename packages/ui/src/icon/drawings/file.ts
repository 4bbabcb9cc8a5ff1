import { type IconDrawing, stroke } from '../draw-icon.js';

export const fileIcon: IconDrawing = {
  get shapes() {
    return stroke('M6 3h8l5 5v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14 3v5h5');
  },
};
