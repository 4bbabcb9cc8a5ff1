// The options form: builds its generated parts (sources, palette, events), writes a state into the
// controls and reads the controls back into a state. Knows nothing about the preview or the code.
import { oneOf, StudioOptionsFormBase } from '../shared/studio-options-form.js';
import { formatAspectRatios, parseAspectRatios, unreadableAspectRatios } from './aspect-ratio-text.js';
import {
  AUTH_MODES,
  type AuthMode,
  CROPPING_MODES,
  type CroppingMode,
  formatContext,
  LANGUAGES,
  type Language,
  MODES,
  type Mode,
  moveSource,
  PALETTE_DEFAULTS,
  PALETTE_KEYS,
  type PaletteKey,
  parseContext,
  parseFormats,
  parseList,
  SOURCES,
  type Source,
  type StudioTheme,
  THEMES,
  type UploadWidgetStudioState,
  WIDGET_EVENTS,
} from './upload-widget-state.js';

const SOURCE_LABELS: Record<Source, string> = {
  local: 'My files',
  url: 'Web address',
  camera: 'Camera',
};

const PALETTE_LABELS: Record<PaletteKey, string> = {
  window: 'Window',
  windowBorder: 'Window border',
  tabIcon: 'Tab icon',
  menuIcons: 'Menu icons',
  textDark: 'Dark text',
  textLight: 'Light text',
  link: 'Link',
  action: 'Action',
  inactiveTabIcon: 'Inactive tab icon',
  error: 'Error',
  inProgress: 'In progress',
  complete: 'Complete',
  sourceBg: 'Source background',
};

const readable = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

function describeBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  return bytes >= 1024 * 1024 ? `= ${readable(bytes / 1024 / 1024)} MiB` : `= ${readable(bytes / 1024)} KiB`;
}

export class OptionsForm extends StudioOptionsFormBase<UploadWidgetStudioState> {
  /** All three sources in display order; the checked ones, in this order, are the widget's `sources`. */
  private sourceOrder: Source[] = [...SOURCES];
  private palette: Partial<Record<PaletteKey, string>> = {};

  constructor(form: HTMLFormElement, onChange: (state: UploadWidgetStudioState) => void) {
    super(form, onChange);
    this.buildPalette();
    this.codeCheckboxes(
      'events',
      'event',
      WIDGET_EVENTS.map(({ name }) => name),
    );
    this.byId('palette-reset').addEventListener('click', () => {
      this.palette = {};
      this.writePalette();
      this.emit();
    });
  }

  /** A positive number, rounded unless `fraction`; undefined (and marked invalid) otherwise. */
  private numberValue(id: string, fraction = false): number | undefined {
    const input = this.byId(id);
    const value = fraction ? input.valueAsNumber : Math.round(input.valueAsNumber);
    const valid = input.value !== '' && Number.isFinite(value) && value > 0;
    input.setAttribute('aria-invalid', String(input.value !== '' && !valid));
    return valid ? value : undefined;
  }

  /** The ratio presets typed; the field is marked invalid while an item is not a ratio. */
  private aspectRatiosValue(): number[] {
    const input = this.byId('aspect-ratios');
    input.setAttribute('aria-invalid', String(unreadableAspectRatios(input.value).length > 0));
    return parseAspectRatios(input.value);
  }

  private setNumber(id: string, value: number | undefined): void {
    this.byId(id).value = value === undefined ? '' : String(value);
  }

  private buildSources(checked: readonly Source[]): void {
    const list = this.byId<HTMLUListElement>('sources');
    const items = this.sourceOrder.map((source, index) => {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `source-${source}`;
      box.value = source;
      box.checked = checked.includes(source);
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = `${SOURCE_LABELS[source]} (${source})`;
      item.append(box, label);
      for (const [step, text, arrow] of [
        [-1, 'up', '↑'],
        [1, 'down', '↓'],
      ] as const) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = arrow;
        button.setAttribute('aria-label', `Move ${SOURCE_LABELS[source]} ${text}`);
        button.disabled = index + step < 0 || index + step >= this.sourceOrder.length;
        button.addEventListener('click', () => this.moveSource(source, step));
        item.append(button);
      }
      return item;
    });
    list.replaceChildren(...items);
    this.keepOneSource();
  }

  /** The widget needs a source. */
  private keepOneSource(): void {
    this.keepOneChecked([...this.form.querySelectorAll<HTMLInputElement>('#sources input[type="checkbox"]')]);
  }

  private checkedSources(): Source[] {
    return this.sourceOrder.filter(
      (source) => this.form.querySelector<HTMLInputElement>(`#source-${source}`)?.checked,
    );
  }

  private moveSource(source: Source, step: -1 | 1): void {
    const checked = this.checkedSources();
    this.sourceOrder = moveSource(this.sourceOrder, source, step);
    this.buildSources(checked);
    // Rebuilding replaced the button; keep focus on the same control for keyboard users.
    const direction = step === -1 ? 'up' : 'down';
    const button = this.form.querySelector<HTMLButtonElement>(
      `button[aria-label="Move ${SOURCE_LABELS[source]} ${direction}"]`,
    );
    (button?.disabled ? this.form.querySelector<HTMLInputElement>(`#source-${source}`) : button)?.focus();
    this.emit();
  }

  private buildPalette(): void {
    const rows = PALETTE_KEYS.map((key) => {
      const row = document.createElement('div');
      row.className = 'choice';
      const input = document.createElement('input');
      input.type = 'color';
      input.id = `palette-${key}`;
      input.dataset.paletteKey = key;
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = PALETTE_LABELS[key];
      row.append(input, label);
      return row;
    });
    this.byId<HTMLDivElement>('palette').replaceChildren(...rows);
    this.writePalette();
  }

  private writePalette(): void {
    for (const key of PALETTE_KEYS)
      this.byId(`palette-${key}`).value = this.palette[key] ?? PALETTE_DEFAULTS[key];
  }

  protected override handleInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const key = target.dataset?.paletteKey as PaletteKey | undefined;
    if (key) this.palette = { ...this.palette, [key]: target.value.toLowerCase() };
    if (target.id?.startsWith('source-')) this.keepOneSource();
    super.handleInput(event);
  }

  /** Puts a state into the controls. */
  override write(state: UploadWidgetStudioState): void {
    const origin = location.origin;
    this.byId('server').value = state.server;
    this.byId('server').placeholder = origin;
    this.byId('cloud-name').value = state.cloudName;
    this.setRadio('auth', state.auth);
    this.byId('signature-url').value = state.signatureUrl;
    this.byId('signature-url').placeholder = `${(state.server || origin).replace(/\/+$/, '')}/api/sign`;
    this.byId('upload-preset').value = state.uploadPreset;
    this.sourceOrder = [...state.sources, ...SOURCES.filter((source) => !state.sources.includes(source))];
    this.buildSources(state.sources);
    this.byId('multiple').checked = state.multiple;
    this.byId('single-upload-auto-close').checked = state.singleUploadAutoClose;
    this.setNumber('max-files', state.maxFiles);
    this.setNumber('max-file-size', state.maxFileSize);
    this.byId('formats').value = state.clientAllowedFormats.join(', ');
    this.setNumber('min-width', state.minImageWidth);
    this.setNumber('min-height', state.minImageHeight);
    this.setNumber('max-width', state.maxImageWidth);
    this.setNumber('max-height', state.maxImageHeight);
    this.byId('cropping').checked = state.cropping;
    this.setNumber('aspect-ratio', state.croppingAspectRatio);
    this.byId('aspect-ratios').value = formatAspectRatios(state.croppingAspectRatios);
    this.setRadio('cropping-mode', state.croppingMode);
    this.byId('show-skip-crop-button').checked = state.showSkipCropButton;
    this.byId('folder').value = state.folder;
    this.byId('tags').value = state.tags.join(', ');
    this.byId<HTMLTextAreaElement>('context').value = formatContext(state.context);
    this.byId('show-advanced-options').checked = state.showAdvancedOptions;
    this.setNumber('chunk-size', state.chunkSize);
    this.setNumber('parallel-uploads', state.parallelUploads);
    this.byId('recovery-key').value = state.recoveryKey;
    this.setRadio('mode', state.mode);
    this.byId('auto-minimize').checked = state.autoMinimize;
    this.byId<HTMLSelectElement>('lang').value = state.lang;
    this.setRadio('theme', state.theme);
    this.palette = { ...state.palette };
    this.writePalette();
    for (const box of this.form.querySelectorAll<HTMLInputElement>('#events input')) {
      box.checked = state.events.includes(box.value);
    }
    this.syncDependents(state);
  }

  /** The state the controls show. */
  override read(): UploadWidgetStudioState {
    const state: UploadWidgetStudioState = {
      server: this.byId('server').value.trim(),
      cloudName: this.byId('cloud-name').value.trim(),
      auth: oneOf<AuthMode>(AUTH_MODES, this.radioValue('auth'), 'signed'),
      signatureUrl: this.byId('signature-url').value.trim(),
      uploadPreset: this.byId('upload-preset').value.trim(),
      sources: this.checkedSources(),
      multiple: this.byId('multiple').checked,
      singleUploadAutoClose: this.byId('single-upload-auto-close').checked,
      maxFiles: this.numberValue('max-files'),
      maxFileSize: this.numberValue('max-file-size'),
      clientAllowedFormats: parseFormats(this.byId('formats').value),
      minImageWidth: this.numberValue('min-width'),
      minImageHeight: this.numberValue('min-height'),
      maxImageWidth: this.numberValue('max-width'),
      maxImageHeight: this.numberValue('max-height'),
      cropping: this.byId('cropping').checked,
      croppingAspectRatio: this.numberValue('aspect-ratio', true),
      croppingAspectRatios: this.aspectRatiosValue(),
      croppingMode: oneOf<CroppingMode>(CROPPING_MODES, this.radioValue('cropping-mode'), 'coordinates'),
      showSkipCropButton: this.byId('show-skip-crop-button').checked,
      folder: this.byId('folder').value.trim(),
      tags: parseList(this.byId('tags').value),
      context: parseContext(this.byId<HTMLTextAreaElement>('context').value),
      showAdvancedOptions: this.byId('show-advanced-options').checked,
      chunkSize: this.numberValue('chunk-size'),
      parallelUploads: this.numberValue('parallel-uploads'),
      recoveryKey: this.byId('recovery-key').value.trim(),
      mode: oneOf<Mode>(MODES, this.radioValue('mode'), 'modal'),
      autoMinimize: this.byId('auto-minimize').checked,
      lang: oneOf<Language>(LANGUAGES, this.byId<HTMLSelectElement>('lang').value, 'en'),
      theme: oneOf<StudioTheme>(THEMES, this.radioValue('theme'), 'auto'),
      palette: { ...this.palette },
      events: this.checked('#events'),
    };
    this.syncDependents(state);
    return state;
  }

  /** Shows only the fields that apply, and the byte sizes in readable units. */
  private syncDependents(state: UploadWidgetStudioState): void {
    this.byId<HTMLDivElement>('signature-field').hidden = state.auth !== 'signed';
    this.byId<HTMLDivElement>('preset-field').hidden = state.auth !== 'preset';
    this.byId<HTMLDivElement>('cropping-fields').hidden = !state.cropping;
    // Kept visible, as its hint says why it does nothing with several files.
    this.byId('single-upload-auto-close').disabled = state.multiple;
    this.byId<HTMLParagraphElement>('max-file-size-hint').textContent = describeBytes(state.maxFileSize);
    this.byId<HTMLParagraphElement>('chunk-size-hint').textContent = describeBytes(state.chunkSize);
  }
}
