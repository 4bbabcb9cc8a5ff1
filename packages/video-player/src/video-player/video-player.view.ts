import type { LocalizeController } from '@kumo/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import type { PlayerStrings } from '../locales/strings.js';
import type { MediaRequest } from '../player-state/media-request.js';
import type { MediaState } from '../player-state/media-state.js';
import type { ControlName, PlayerLogo } from './video-player.types.js';

/** What the player's template needs beyond its own options. */
export interface PlayerView {
  readonly state: MediaState;
  readonly hidden: ReadonlySet<ControlName>;
  readonly title: string | undefined;
  readonly subtitle: string | undefined;
  readonly description: string | undefined;
  readonly floating: boolean;
  readonly localize: LocalizeController<PlayerStrings>;
  closeMini(): void;
  request(request: MediaRequest): void;
}

/** The options the control bar reads. */
export interface PlayerLayoutOptions {
  readonly noControls: boolean;
  readonly showJumpControls: boolean;
  readonly chaptersButton: boolean;
  readonly pictureInPictureToggle: boolean;
  readonly logo: PlayerLogo | undefined;
}

function hostName(url: string): string {
  try {
    return new URL(url, document.baseURI).hostname;
  } catch {
    return url;
  }
}

function renderLogo(logo: PlayerLogo | undefined): TemplateResult | typeof nothing {
  if (!logo?.imageUrl) return nothing;
  if (!logo.onClickUrl) return html`<span part="logo"><img src=${logo.imageUrl} alt="" /></span>`;
  return html`<a part="logo" href=${logo.onClickUrl} target="_blank" rel="noopener noreferrer">
    <img src=${logo.imageUrl} alt=${hostName(logo.onClickUrl)} />
  </a>`;
}

/**
 * The overlays and control bar over the video: title bar, big play button, spinner, captions,
 * up-next card, error panel, the controls (left out by `hideControls` or options), and the
 * mini-player's close button. Controls receive state through context, so nothing is passed down.
 */
export function renderControls(options: PlayerLayoutOptions, view: PlayerView): TemplateResult {
  const { state, hidden, localize } = view;
  const show = (name: ControlName) => !hidden.has(name);
  const hasPlaylist = state.playlistLength > 1 && show('playlist');
  const titleBar =
    view.title && show('title')
      ? html`<div part="title-bar">
          <p part="title">${view.title}</p>
          ${view.subtitle ? html`<p part="subtitle">${view.subtitle}</p>` : nothing}
          ${view.description ? html`<p part="description">${view.description}</p>` : nothing}
        </div>`
      : nothing;
  const captionText = state.activeTextTrack >= 0 ? state.captionText : '';
  return html`
    <div class="layer">${titleBar}</div>
    <div part="captions" class=${state.captionSize} lang=${state.textTracks[state.activeTextTrack]?.language || nothing}>
      ${captionText ? html`<span part="caption-text">${captionText}</span>` : nothing}
    </div>
    <div class="layer center">
      ${
        state.waiting && !state.error && !state.paused
          ? html`<div part="spinner" role="progressbar" aria-label=${localize.term('buffering')}></div>`
          : !state.started && !state.error && show('big-play')
            ? html`<kumo-play-button big part="big-play" .media=${state}></kumo-play-button>`
            : nothing
      }
    </div>
    <div class="layer"><kumo-up-next part="up-next" .media=${state}></kumo-up-next></div>
    ${
      options.noControls
        ? nothing
        : html`<div part="controls" role="group" aria-label=${localize.term('player')}>
            ${show('seek-bar') ? html`<kumo-seek-bar .media=${state}></kumo-seek-bar>` : nothing}
            <div class="row">
              ${show('play') ? html`<kumo-play-button .media=${state}></kumo-play-button>` : nothing}
              ${
                hasPlaylist
                  ? html`<button
                      class="nav"
                      type="button"
                      aria-label=${localize.term('previousVideo')}
                      @click=${() => view.request({ type: 'previous' })}
                    >${playerIcon('previous')}</button>
                    <button
                      class="nav"
                      type="button"
                      aria-label=${localize.term('nextVideo')}
                      @click=${() => view.request({ type: 'next' })}
                    >${playerIcon('next')}</button>`
                  : nothing
              }
              ${
                options.showJumpControls && show('jump')
                  ? html`<kumo-jump-button seconds="-10" .media=${state}></kumo-jump-button><kumo-jump-button seconds="10" .media=${state}></kumo-jump-button>`
                  : nothing
              }
              ${show('volume') ? html`<kumo-volume-control .media=${state}></kumo-volume-control>` : nothing}
              ${show('time') ? html`<kumo-time-display .media=${state}></kumo-time-display>` : nothing}
              <span class="spacer"></span>
              ${options.chaptersButton && show('chapters') ? html`<kumo-chapters-menu .media=${state}></kumo-chapters-menu>` : nothing}
              ${show('captions') ? html`<kumo-captions-menu .media=${state}></kumo-captions-menu>` : nothing}
              ${show('rate') ? html`<kumo-rate-menu .media=${state}></kumo-rate-menu>` : nothing}
              ${show('quality') ? html`<kumo-quality-menu .media=${state}></kumo-quality-menu>` : nothing}
              ${options.pictureInPictureToggle && show('pip') ? html`<kumo-pip-button .media=${state}></kumo-pip-button>` : nothing}
              ${show('fullscreen') ? html`<kumo-fullscreen-button .media=${state}></kumo-fullscreen-button>` : nothing}
              ${show('logo') ? renderLogo(options.logo) : nothing}
              <slot name="controls"></slot>
            </div>
          </div>`
    }
    <div class="layer"><kumo-player-error part="error" .media=${state}></kumo-player-error></div>
    ${
      view.floating
        ? html`<button part="close-mini" type="button" aria-label=${localize.term('closeMiniPlayer')} @click=${view.closeMini}>
            ${playerIcon('close')}
          </button>`
        : nothing
    }
  `;
}
