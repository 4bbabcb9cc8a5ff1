import { type IconDrawing, stroke } from '../draw-icon.js';

export const volumeIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12');
  },
};
