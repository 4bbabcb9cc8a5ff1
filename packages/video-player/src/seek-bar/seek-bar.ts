import { html, nothing, type PropertyDeclarations } from 'lit';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import { chapterIndexAt, chapterMarks } from '../player-state/chapters.js';
import { frameAt } from '../player-state/storyboard.js';
import { clampTime, formatMediaTime } from '../player-state/time-format.js';
import { seekBarStyles } from './seek-bar.styles.js';

/** Seconds an arrow key moves, as the player's own ←/→ shortcuts do. */
const STEP_SECONDS = 5;

/**
 * @summary The timeline: progress, buffered ranges, chapter marks and, on hover or keyboard focus,
 * a storyboard thumbnail with the time and chapter under the pointer. It stays left to right in
 * right-to-left pages, as media timelines do.
 * @tag kumo-seek-bar
 *
 * @csspart track - The full-length track.
 * @csspart buffered - One buffered range.
 * @csspart progress - The played part.
 * @csspart chapter-mark - A gap where a chapter starts.
 * @csspart slider - The native range input that takes pointer and keyboard input.
 * @csspart preview - The hover/focus preview above the bar.
 * @csspart thumbnail - The storyboard thumbnail inside the preview.
 * @csspart preview-time - The time (and chapter) inside the preview.
 *
 * @cssproperty --kumo-video-player-track-height - Height of the track; 0.25rem by default.
 *
 * @event kumo-media-seek-request - Asks the player to move to a position.
 */
export class KumoSeekBar extends KumoMediaControl {
  static override styles = [mediaControlStyles, seekBarStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    previewTime: { state: true },
    dragTime: { state: true },
  };

  /** Time the preview shows; undefined hides it. */
  declare private previewTime: number | undefined;
  /** Position while the pointer drags the thumb, so state updates do not pull it back. */
  declare private dragTime: number | undefined;
  private focused = false;

  constructor() {
    super();
    this.previewTime = undefined;
    this.dragTime = undefined;
  }

  private get duration(): number {
    const { duration } = this.media;
    return Number.isFinite(duration) && duration > 0 ? duration : 0;
  }

  private seek(time: number) {
    const target = clampTime(time, this.media.duration);
    this.dispatchEvent(new KumoMediaSeekRequestEvent(target));
    if (this.focused) this.previewTime = target;
  }

  private handlePointerMove(event: PointerEvent) {
    const input = event.currentTarget as HTMLInputElement;
    const box = input.getBoundingClientRect();
    if (box.width <= 0 || !this.duration) return;
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    this.previewTime = fraction * this.duration;
  }

  private handlePointerLeave() {
    this.previewTime = this.focused ? this.media.currentTime : undefined;
  }

  private handleInput(event: Event) {
    const value = Number((event.target as HTMLInputElement).value);
    this.dragTime = value;
    this.previewTime = value;
    this.dispatchEvent(new KumoMediaSeekRequestEvent(value));
  }

  private handleChange() {
    this.dragTime = undefined;
  }

  private handleFocus(event: FocusEvent) {
    this.focused = true;
    // Only keyboard focus opens the preview; a click focuses too, and the pointer already shows it.
    if ((event.target as HTMLElement).matches(':focus-visible')) this.previewTime = this.media.currentTime;
  }

  private handleBlur() {
    this.focused = false;
    this.previewTime = undefined;
    this.dragTime = undefined;
  }

  private handleKeyDown(event: KeyboardEvent) {
    const { currentTime } = this.media;
    const duration = this.duration;
    const moves: Record<string, number> = {
      ArrowLeft: currentTime - STEP_SECONDS,
      ArrowDown: currentTime - STEP_SECONDS,
      ArrowRight: currentTime + STEP_SECONDS,
      ArrowUp: currentTime + STEP_SECONDS,
      PageDown: currentTime - duration / 10,
      PageUp: currentTime + duration / 10,
      Home: 0,
      End: duration,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    // Timelines run left to right in every language, so ArrowLeft always goes back.
    event.preventDefault();
    event.stopPropagation();
    this.seek(target);
  }

  private renderPreview() {
    const time = this.previewTime;
    if (time === undefined || !this.duration) return nothing;
    const { storyboard, chapters } = this.media;
    const frame = frameAt(storyboard, time);
    const chapter = chapters[chapterIndexAt(chapters, time)];
    const percent = (time / this.duration) * 100;
    const half = frame ? (frame.width / 2 / (this.offsetWidth || 1)) * 100 : 3;
    const left = Math.min(100 - half, Math.max(half, percent));
    const clock = formatMediaTime(time, { reference: this.duration, locale: this.localize.lang });
    return html`<div part="preview" aria-hidden="true" style="left: ${left}%">
      ${
        frame
          ? html`<div
              part="thumbnail"
              style=${`width:${frame.width}px;height:${frame.height}px;background-image:url(${JSON.stringify(frame.url)});background-position:-${frame.x}px -${frame.y}px`}
            ></div>`
          : nothing
      }
      <span part="preview-time">${chapter ? `${chapter.title} · ${clock}` : clock}</span>
    </div>`;
  }

  protected override render() {
    const { currentTime, buffered, chapters } = this.media;
    const duration = this.duration;
    const value = this.dragTime ?? currentTime;
    const fraction = duration ? Math.min(1, value / duration) : 0;
    const spoken = (seconds: number) => this.localize.durationSpoken(seconds) || formatMediaTime(seconds);
    return html`<div class="bar">
      <div part="track">
        ${buffered.map(
          ([start, end]) =>
            html`<div part="buffered" style="left: ${(start / (duration || 1)) * 100}%; width: ${((end - start) / (duration || 1)) * 100}%"></div>`,
        )}
        <div part="progress" style="width: ${fraction * 100}%"></div>
        ${chapterMarks(chapters, duration).map(
          (mark) => html`<div part="chapter-mark" style="left: ${mark * 100}%"></div>`,
        )}
      </div>
      <input
        part="slider"
        type="range"
        min="0"
        max=${duration || 0}
        step="any"
        .value=${String(value)}
        ?disabled=${!duration}
        aria-label=${this.localize.term('seek')}
        aria-valuetext=${this.localize.term('seekValue', spoken(value), spoken(duration))}
        @input=${this.handleInput}
        @change=${this.handleChange}
        @keydown=${this.handleKeyDown}
        @pointermove=${this.handlePointerMove}
        @pointerleave=${this.handlePointerLeave}
        @focus=${this.handleFocus}
        @blur=${this.handleBlur}
      />
      ${this.renderPreview()}
    </div>`;
  }
}
