import { type IconDrawing, stroke } from '../draw-icon.js';

export const folderIcon: IconDrawing = {
  get shapes() {
    return stroke('M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z');
  },
};
