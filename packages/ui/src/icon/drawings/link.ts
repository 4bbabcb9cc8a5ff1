import { type IconDrawing, stroke } from '../draw-icon.js';

export const linkIcon: IconDrawing = {
  get shapes() {
    return stroke(
      'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
    );
  },
};
