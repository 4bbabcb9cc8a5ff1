/**
 * Registers the player's secondary controls: the rate, quality, captions and chapters menus, the
 * jump buttons, the picture-in-picture button, the up-next card and the error panel. `@kumo/video-player/define`
 * loads this chunk by itself; import it directly to have them registered synchronously.
 */
import './captions-menu/define.js';
import './chapters-menu/define.js';
import './jump-button/define.js';
import './pip-button/define.js';
import './player-error/define.js';
import './quality-menu/define.js';
import './rate-menu/define.js';
import './up-next/define.js';
