import { type IconDrawing, stroke } from '../draw-icon.js';

export const chevronEndIcon: IconDrawing = {
  get shapes() {
    return stroke('M9 6l6 6-6 6');
  },
  mirrorInRtl: true,
};
