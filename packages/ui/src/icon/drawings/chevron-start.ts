import { type IconDrawing, stroke } from '../draw-icon.js';

export const chevronStartIcon: IconDrawing = {
  get shapes() {
    return stroke('M15 6l-6 6 6 6');
  },
  mirrorInRtl: true,
};
