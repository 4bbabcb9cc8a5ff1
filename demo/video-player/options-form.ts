// The options form: builds its generated parts (hidden controls, events, the sample picker), writes
// a state into the controls and reads the controls back into a state. Knows nothing about the
// preview or the code.
import type { AutoplayMode, ControlName, FloatingPosition } from '@kumo/video-player';
import { oneOf, StudioOptionsFormBase } from '../shared/studio-options-form.js';
import {
  AUTOPLAY_MODES,
  COLOR_DEFAULTS,
  COLOR_KEYS,
  CONTROL_NAMES,
  type ColorKey,
  FLOATING_POSITIONS,
  formatRates,
  LANGUAGES,
  type Language,
  normalizeSourceTypes,
  PLAYER_EVENTS,
  parseRates,
  type StudioTheme,
  THEMES,
  type VideoPlayerStudioState,
} from './video-player-state.js';

export class OptionsForm extends StudioOptionsFormBase<VideoPlayerStudioState> {
  private colors: Partial<Record<ColorKey, string>> = {};

  constructor(form: HTMLFormElement, onChange: (state: VideoPlayerStudioState) => void) {
    super(form, onChange);
    this.codeCheckboxes('hidden-controls', 'hide', CONTROL_NAMES);
    this.codeCheckboxes(
      'events',
      'event',
      PLAYER_EVENTS.map(({ name }) => name),
    );
    this.byId('colors-reset').addEventListener('click', () => {
      this.colors = {};
      this.writeColors();
      this.emit();
    });
  }

  /** Offers the server's sample videos; the public id field stays free for any other. */
  setSampleVideos(publicIds: readonly string[], status: string): void {
    const select = this.byId<HTMLSelectElement>('sample-video');
    const other = select.options[0];
    const options = publicIds.map((id) => new Option(id, id));
    select.replaceChildren(...(other ? [other] : []), ...options);
    this.byId<HTMLParagraphElement>('sample-video-hint').textContent = status;
    this.syncSamplePicker(this.byId('public-id').value.trim());
  }

  private syncSamplePicker(publicId: string): void {
    const select = this.byId<HTMLSelectElement>('sample-video');
    select.value = [...select.options].some((option) => option.value === publicId) ? publicId : '';
  }

  private writeColors(): void {
    for (const key of COLOR_KEYS) this.byId(`color-${key}`).value = this.colors[key] ?? COLOR_DEFAULTS[key];
  }

  protected override handleInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const key = target.dataset?.colorKey as ColorKey | undefined;
    if (key) this.colors = { ...this.colors, [key]: target.value.toLowerCase() };
    // "Another public id" (the empty choice) keeps what is typed in the public id field.
    if (target.id === 'sample-video' && target.value) this.byId('public-id').value = target.value;
    if (target.id === 'public-id') this.syncSamplePicker(target.value.trim());
    // The player needs one delivery form: the last one checked cannot be unchecked.
    if (target.dataset?.sourceType) this.keepOneSourceType();
    super.handleInput(event);
  }

  private keepOneSourceType(): void {
    this.keepOneChecked([...this.form.querySelectorAll<HTMLInputElement>('input[data-source-type]')]);
  }

  /** Puts a state into the controls. */
  override write(state: VideoPlayerStudioState): void {
    this.byId('server').value = state.server;
    this.byId('server').placeholder = location.origin;
    this.byId('cloud-name').value = state.cloudName;
    this.byId('public-id').value = state.publicId;
    this.syncSamplePicker(state.publicId);
    this.byId('playlist-tag').value = state.playlistTag;
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[data-source-type]'))
      box.checked = state.sourceTypes.includes(box.value as (typeof state.sourceTypes)[number]);
    this.keepOneSourceType();
    this.byId('transformation').value = state.transformation;
    this.byId('poster').value = state.poster;
    this.byId('captions').checked = state.captions;
    this.byId('chapters').checked = state.chapters;
    this.byId('chapters-button').checked = state.chaptersButton;
    this.byId('seek-thumbnails').checked = state.seekThumbnails;
    this.byId('controls').checked = state.controls;
    this.byId('playback-rates').value = formatRates(state.playbackRates);
    this.byId('jump-controls').checked = state.showJumpControls;
    this.byId('pip-toggle').checked = state.pictureInPictureToggle;
    for (const box of this.form.querySelectorAll<HTMLInputElement>('#hidden-controls input'))
      box.checked = state.hideControls.includes(box.value as ControlName);
    this.setRadio('autoplay', state.autoplayMode);
    this.byId('loop').checked = state.loop;
    this.byId('muted').checked = state.muted;
    this.byId<HTMLSelectElement>('floating').value = state.floatingWhenNotVisible;
    this.byId('video-title').value = state.title;
    this.byId('video-subtitle').value = state.subtitle;
    this.byId<HTMLTextAreaElement>('video-description').value = state.description;
    this.byId<HTMLSelectElement>('lang').value = state.lang;
    this.setRadio('theme', state.theme);
    this.colors = { ...state.colors };
    this.writeColors();
    this.byId('font-face').value = state.fontFace;
    this.byId('logo-url').value = state.logoUrl;
    this.byId('logo-link').value = state.logoLink;
    for (const box of this.form.querySelectorAll<HTMLInputElement>('#events input'))
      box.checked = state.events.includes(box.value);
    this.syncDependents(state);
  }

  /** The state the controls show. */
  override read(): VideoPlayerStudioState {
    const rates = this.byId('playback-rates');
    const playbackRates = parseRates(rates.value);
    rates.setAttribute('aria-invalid', String(rates.value.trim() !== '' && playbackRates.length === 0));
    const state: VideoPlayerStudioState = {
      server: this.byId('server').value.trim(),
      cloudName: this.byId('cloud-name').value.trim(),
      publicId: this.byId('public-id').value.trim(),
      sourceTypes: normalizeSourceTypes(
        [...this.form.querySelectorAll<HTMLInputElement>('input[data-source-type]:checked')].map(
          (box) => box.value,
        ),
      ),
      transformation: this.byId('transformation').value.trim(),
      poster: this.byId('poster').value.trim(),
      captions: this.byId('captions').checked,
      chapters: this.byId('chapters').checked,
      chaptersButton: this.byId('chapters-button').checked,
      seekThumbnails: this.byId('seek-thumbnails').checked,
      playbackRates,
      showJumpControls: this.byId('jump-controls').checked,
      pictureInPictureToggle: this.byId('pip-toggle').checked,
      controls: this.byId('controls').checked,
      hideControls: CONTROL_NAMES.filter((name) => this.checked('#hidden-controls').includes(name)),
      autoplayMode: oneOf<AutoplayMode>(AUTOPLAY_MODES, this.radioValue('autoplay'), 'never'),
      loop: this.byId('loop').checked,
      muted: this.byId('muted').checked,
      floatingWhenNotVisible: oneOf<FloatingPosition>(
        FLOATING_POSITIONS,
        this.byId<HTMLSelectElement>('floating').value,
        'none',
      ),
      title: this.byId('video-title').value.trim(),
      subtitle: this.byId('video-subtitle').value.trim(),
      description: this.byId<HTMLTextAreaElement>('video-description').value.trim(),
      colors: { ...this.colors },
      fontFace: this.byId('font-face').value.trim(),
      logoUrl: this.byId('logo-url').value.trim(),
      logoLink: this.byId('logo-link').value.trim(),
      playlistTag: this.byId('playlist-tag').value.trim(),
      lang: oneOf<Language>(LANGUAGES, this.byId<HTMLSelectElement>('lang').value, 'en'),
      theme: oneOf<StudioTheme>(THEMES, this.radioValue('theme'), 'auto'),
      events: this.checked('#events'),
    };
    this.syncDependents(state);
    return state;
  }

  /** Fields that do nothing in the current state are disabled rather than hidden, so the form stays put. */
  private syncDependents(state: VideoPlayerStudioState): void {
    this.byId('chapters-button').disabled = !state.chapters;
    this.byId('logo-link').disabled = !state.logoUrl;
  }
}
