import { type IconDrawing, stroke } from '../draw-icon.js';

export const mutedIcon: IconDrawing = {
  get shapes() {
    return stroke('M4 9h4l5-4v14l-5-4H4zM17 9.5l5 5M22 9.5l-5 5');
  },
};
