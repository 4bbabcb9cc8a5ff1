import { type IconDrawing, stroke } from '../draw-icon.js';

export const playIcon: IconDrawing = {
  get shapes() {
    return stroke('M8 5.5v13l10.5-6.5z');
  },
  filled: true,
};
