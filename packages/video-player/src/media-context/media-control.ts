import { KumoElement, LocalizeController } from '@kumo/ui';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { playerStrings } from '../locales/strings.js';
import { INITIAL_MEDIA_STATE, type MediaState } from '../player-state/media-state.js';
import { mediaControlStyles } from './media-control.styles.js';

/**
 * The base of the player's controls: it renders from the player's state, which the enclosing
 * `<kumo-video-player>` pushes into its `media` property (for controls in its own template and
 * for controls a page slots into it), and sends request events up. It never touches the media
 * element.
 */
export class KumoMediaControl extends KumoElement {
  static override styles = [mediaControlStyles];

  static override properties: PropertyDeclarations = {
    media: { attribute: false },
  };

  /** The player's state; set by the enclosing `<kumo-video-player>`, or by hand when standalone. */
  declare media: MediaState;

  /** Strings in the element's language. */
  protected readonly localize = new LocalizeController(this, playerStrings);

  constructor() {
    super();
    this.media = INITIAL_MEDIA_STATE;
  }

  /** Whether the control has anything to offer for the current state; hidden when not. */
  protected isAvailable(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.setState('unavailable', !this.isAvailable());
  }
}
