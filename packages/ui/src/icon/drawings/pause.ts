import { type IconDrawing, stroke } from '../draw-icon.js';

export const pauseIcon: IconDrawing = {
  get shapes() {
    return stroke('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z');
  },
  filled: true,
};
