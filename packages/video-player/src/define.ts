/**
 * Registers `<kumo-video-player>` and all its controls. The controls every video needs register
 * at once; the menus, the up-next card, the error panel, the jump buttons and the picture-in-picture button come in
 * a second chunk (`define-extras`) that starts loading right away, so they do not weigh on the
 * first paint. Importing `@kumo/video-player` itself registers nothing.
 */
import './fullscreen-button/define.js';
import './play-button/define.js';
import './seek-bar/define.js';
import './time-display/define.js';
import './video-player/define.js';
import './volume-control/define.js';

void import('./define-extras.js');
