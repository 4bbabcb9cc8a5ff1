import { type IconDrawing, stroke } from '../draw-icon.js';

export const trashIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13');
  },
};
