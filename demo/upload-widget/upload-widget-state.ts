// The upload widget studio page apart from the DOM: the form's state, its place in the URL hash, the
// element options it stands for and the description the code generator turns into snippets.
import type {
  ElementDescription,
  EventSpec,
  OptionSpec,
  SnippetValue,
} from '../shared/code-generator/code-generator.js';
import { nonDefaultOptions } from '../shared/code-generator/code-generator.js';
import { formatAspectRatio, formatAspectRatios, parseAspectRatios } from './aspect-ratio-text.js';

export const SOURCES = ['local', 'url', 'camera'] as const;
export type Source = (typeof SOURCES)[number];

export const AUTH_MODES = ['signed', 'preset'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const MODES = ['modal', 'inline'] as const;
export type Mode = (typeof MODES)[number];

/** `coordinates` sends the crop for the server to apply; `apply` crops the pixels before upload. */
export const CROPPING_MODES = ['coordinates', 'apply'] as const;
export type CroppingMode = (typeof CROPPING_MODES)[number];

export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type StudioTheme = (typeof THEMES)[number];

/** Cloudinary's `styles.palette` keys with their documented defaults (what the colour inputs start at). */
export const PALETTE_DEFAULTS = {
  window: '#ffffff',
  windowBorder: '#90a0b3',
  tabIcon: '#0e2f5a',
  menuIcons: '#5a616a',
  textDark: '#000000',
  textLight: '#ffffff',
  link: '#0078ff',
  action: '#ff620c',
  inactiveTabIcon: '#0e2f5a',
  error: '#f44235',
  inProgress: '#0078ff',
  complete: '#20b832',
  sourceBg: '#e4ebf1',
} as const;
export type PaletteKey = keyof typeof PALETTE_DEFAULTS;
export const PALETTE_KEYS = Object.keys(PALETTE_DEFAULTS) as PaletteKey[];

/** Every event of `<kumo-upload-widget>`, with what the snippets log and the script-tag API's name. */
export const WIDGET_EVENTS: readonly EventSpec[] = [
  { name: 'kumo-upload-added', payload: 'detail.files', embedName: 'upload-added' },
  { name: 'kumo-upload-rejected', payload: 'detail.rejections' },
  { name: 'kumo-queue-start', embedName: 'queues-start' },
  { name: 'kumo-upload-progress', payload: 'detail.totals' },
  { name: 'kumo-upload-success', payload: 'detail.info', embedName: 'success' },
  { name: 'kumo-upload-error', payload: 'detail.error' },
  { name: 'kumo-upload-abort', payload: 'detail.ids', embedName: 'abort' },
  { name: 'kumo-upload-retry', payload: 'detail.ids', embedName: 'retry' },
  { name: 'kumo-queue-end', payload: 'detail.successful', embedName: 'queues-end' },
  { name: 'kumo-upload-restored', payload: 'detail.files' },
  { name: 'kumo-display-changed', payload: 'detail.state', embedName: 'display-changed' },
  { name: 'kumo-source-changed', payload: 'detail.source', embedName: 'source-changed' },
  { name: 'kumo-close', embedName: 'close' },
  { name: 'kumo-batch-cancelled', payload: 'detail.reason', embedName: 'batch-cancelled' },
  { name: 'kumo-public-id-changed', payload: 'detail.id', embedName: 'publicid' },
  { name: 'kumo-tags-changed', payload: 'detail.tags', embedName: 'tags' },
  { name: 'kumo-show-completed', payload: 'detail.items', embedName: 'show-completed' },
];
export const EVENT_NAMES = WIDGET_EVENTS.map((event) => event.name);

/** Everything the form holds. Sizes are bytes; unset numbers are undefined. */
export interface UploadWidgetStudioState {
  /** The Kumo server's origin; empty for the server this page is served by. */
  readonly server: string;
  readonly cloudName: string;
  readonly auth: AuthMode;
  /** The signing endpoint for signed uploads; empty for the server's own `/api/sign`. */
  readonly signatureUrl: string;
  readonly uploadPreset: string;
  /** The source tabs, in the order they are shown. */
  readonly sources: readonly Source[];
  readonly multiple: boolean;
  /** Closes the widget after one file is uploaded; the widget ignores it when `multiple` is on. */
  readonly singleUploadAutoClose: boolean;
  readonly maxFiles?: number;
  readonly maxFileSize?: number;
  readonly clientAllowedFormats: readonly string[];
  readonly minImageWidth?: number;
  readonly minImageHeight?: number;
  readonly maxImageWidth?: number;
  readonly maxImageHeight?: number;
  readonly cropping: boolean;
  readonly croppingAspectRatio?: number;
  /** The crop step's preset ratio buttons, in the order typed. */
  readonly croppingAspectRatios: readonly number[];
  readonly croppingMode: CroppingMode;
  readonly showSkipCropButton: boolean;
  readonly folder: string;
  readonly tags: readonly string[];
  /** Contextual metadata as ordered pairs, so the code lists them as typed. */
  readonly context: readonly (readonly [string, string])[];
  /** Public id and tags fields in the widget, for the person to fill in before uploading. */
  readonly showAdvancedOptions: boolean;
  readonly chunkSize?: number;
  /** Files uploaded at the same time; unset for the widget's 3. */
  readonly parallelUploads?: number;
  /** Names the queue kept in IndexedDB, so uploads resume after a reload; empty for no recovery. */
  readonly recoveryKey: string;
  readonly mode: Mode;
  /** Shrinks the widget to its queue bar while files upload. */
  readonly autoMinimize: boolean;
  readonly lang: Language;
  readonly theme: StudioTheme;
  /** Only the palette colours that were changed. */
  readonly palette: Readonly<Partial<Record<PaletteKey, string>>>;
  /** The events the generated code listens to. */
  readonly events: readonly string[];
}

export const DEFAULT_STATE: UploadWidgetStudioState = {
  server: '',
  cloudName: 'demo',
  auth: 'signed',
  signatureUrl: '',
  uploadPreset: '',
  sources: ['local', 'url', 'camera'],
  multiple: false,
  singleUploadAutoClose: false,
  clientAllowedFormats: [],
  cropping: false,
  croppingAspectRatios: [],
  croppingMode: 'coordinates',
  showSkipCropButton: false,
  folder: '',
  tags: [],
  context: [],
  showAdvancedOptions: false,
  recoveryKey: '',
  mode: 'modal',
  autoMinimize: false,
  lang: 'en',
  theme: 'auto',
  palette: {},
  events: ['kumo-upload-success'],
};

/** The element's properties the page sets, in the order the code lists them, and how each is written. */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  apiBase: { attribute: 'api-base' },
  cloudName: { attribute: 'cloud-name' },
  uploadPreset: { attribute: 'upload-preset' },
  uploadSignature: { attribute: 'upload-signature' },
  sources: { attribute: 'sources', listAttribute: true },
  multiple: { attribute: 'multiple' },
  singleUploadAutoClose: { attribute: 'single-upload-auto-close' },
  maxFiles: { attribute: 'max-files' },
  maxFileSize: { attribute: 'max-file-size' },
  clientAllowedFormats: { attribute: 'client-allowed-formats', listAttribute: true },
  minImageWidth: { attribute: 'min-image-width' },
  minImageHeight: { attribute: 'min-image-height' },
  maxImageWidth: { attribute: 'max-image-width' },
  maxImageHeight: { attribute: 'max-image-height' },
  cropping: { attribute: 'cropping' },
  croppingAspectRatio: { attribute: 'cropping-aspect-ratio', attributeNumber: formatAspectRatio },
  croppingAspectRatios: {
    attribute: 'cropping-aspect-ratios',
    listAttribute: true,
    attributeNumber: formatAspectRatio,
  },
  croppingMode: { attribute: 'cropping-mode' },
  showSkipCropButton: { attribute: 'show-skip-crop-button' },
  folder: { attribute: 'folder' },
  tags: { attribute: 'tags', listAttribute: true },
  context: {},
  showAdvancedOptions: { attribute: 'show-advanced-options' },
  chunkSize: { attribute: 'chunk-size', embedPath: 'maxChunkSize' },
  parallelUploads: { attribute: 'parallel-uploads' },
  recoveryKey: { attribute: 'recovery-key' },
  // The script-tag API has no `mode`: an inline widget names its container instead.
  mode: { attribute: 'mode', embedPath: null },
  autoMinimize: { attribute: 'auto-minimize' },
  lang: { attribute: 'lang', embedPath: 'language' },
  theme: { attribute: 'theme' },
  palette: { embedPath: 'styles.palette' },
};

/**
 * The element's defaults for those properties (what a fresh `<kumo-upload-widget>` reports), plus
 * the studio's own: English and the system theme are what a page without `lang`/`theme` gets, and
 * an unset `parallelUploads` means 3, so 3 is left out of the code like the unset value.
 */
export const WIDGET_DEFAULTS: Readonly<Record<string, SnippetValue | undefined>> = {
  apiBase: '',
  cloudName: '',
  sources: ['local', 'url', 'camera'],
  multiple: false,
  singleUploadAutoClose: false,
  clientAllowedFormats: [],
  cropping: false,
  croppingAspectRatios: [],
  croppingMode: 'coordinates',
  showSkipCropButton: false,
  tags: [],
  showAdvancedOptions: false,
  parallelUploads: 3,
  mode: 'modal',
  autoMinimize: false,
  lang: 'en',
  theme: 'auto',
};

/** The server the widget talks to: the configured one, else the page's own origin. */
export function serverOf(state: UploadWidgetStudioState, origin: string): string {
  return (state.server.trim() || origin).replace(/\/+$/, '');
}

/** Every option the state stands for, by element property name; undefined where unset. */
export function widgetOptions(
  state: UploadWidgetStudioState,
  origin: string,
): Record<string, SnippetValue | undefined> {
  const server = serverOf(state, origin);
  const signed = state.auth === 'signed';
  const palette = Object.fromEntries(
    PALETTE_KEYS.flatMap((key) => (state.palette[key] ? [[key, state.palette[key]]] : [])),
  );
  return {
    apiBase: server,
    cloudName: state.cloudName.trim(),
    uploadPreset: !signed && state.uploadPreset.trim() ? state.uploadPreset.trim() : undefined,
    uploadSignature: signed ? state.signatureUrl.trim() || `${server}/api/sign` : undefined,
    sources: [...state.sources],
    multiple: state.multiple,
    // The widget only closes by itself after a single upload; with `multiple` the option is inert.
    singleUploadAutoClose: state.multiple ? undefined : state.singleUploadAutoClose,
    maxFiles: state.maxFiles,
    maxFileSize: state.maxFileSize,
    clientAllowedFormats: [...state.clientAllowedFormats],
    minImageWidth: state.minImageWidth,
    minImageHeight: state.minImageHeight,
    maxImageWidth: state.maxImageWidth,
    maxImageHeight: state.maxImageHeight,
    cropping: state.cropping,
    croppingAspectRatio: state.cropping ? state.croppingAspectRatio : undefined,
    croppingAspectRatios: state.cropping ? [...state.croppingAspectRatios] : undefined,
    croppingMode: state.cropping ? state.croppingMode : undefined,
    showSkipCropButton: state.cropping ? state.showSkipCropButton : undefined,
    folder: state.folder.trim() || undefined,
    tags: [...state.tags],
    context: state.context.length > 0 ? Object.fromEntries(state.context) : undefined,
    showAdvancedOptions: state.showAdvancedOptions,
    chunkSize: state.chunkSize,
    parallelUploads: state.parallelUploads,
    recoveryKey: state.recoveryKey.trim() || undefined,
    mode: state.mode,
    autoMinimize: state.autoMinimize,
    lang: state.lang,
    theme: state.theme,
    palette: Object.keys(palette).length > 0 ? palette : undefined,
  };
}

/** What the code generator needs, for the state as it is. */
export function describeWidget(state: UploadWidgetStudioState, origin: string): ElementDescription {
  const inline = state.mode === 'inline';
  return {
    tag: 'kumo-upload-widget',
    packageName: '@kumo/upload-widget',
    react: { component: 'KumoUploadWidget', packageName: '@kumo/react' },
    serverUrl: serverOf(state, origin),
    optionSpecs: OPTION_SPECS,
    options: widgetOptions(state, origin),
    defaults: WIDGET_DEFAULTS,
    events: WIDGET_EVENTS.filter((event) => state.events.includes(event.name)),
    embed: {
      factory: 'createUploadWidget',
      instance: 'widget',
      events: 'callback',
      ...(inline
        ? { container: { tag: 'div', id: 'upload-widget', option: 'inlineContainer' }, callOnLoad: 'open' }
        : { opener: { id: 'upload-button', label: 'Upload files', method: 'open' } }),
    },
  };
}

/**
 * The properties to set on a fresh element so it matches the generated code: exactly the options
 * the code mentions, nothing else.
 */
export function previewProperties(
  state: UploadWidgetStudioState,
  origin: string,
): Record<string, SnippetValue> {
  return Object.fromEntries(
    nonDefaultOptions(describeWidget(state, origin)).map(({ property, value }) => [property, value]),
  );
}

// --- The URL hash ---------------------------------------------------------------------------------

type ScalarKey = {
  [K in keyof UploadWidgetStudioState]-?: UploadWidgetStudioState[K] extends
    | string
    | number
    | boolean
    | undefined
    ? K
    : never;
}[keyof UploadWidgetStudioState];

/** Hash parameter names for the scalar fields, in the order they are written. */
const SCALAR_PARAMS: readonly (readonly [ScalarKey, string])[] = [
  ['server', 'server'],
  ['cloudName', 'cloud'],
  ['auth', 'auth'],
  ['signatureUrl', 'sign'],
  ['uploadPreset', 'preset'],
  ['multiple', 'multiple'],
  ['singleUploadAutoClose', 'auto-close'],
  ['maxFiles', 'max-files'],
  ['maxFileSize', 'max-file-size'],
  ['minImageWidth', 'min-width'],
  ['minImageHeight', 'min-height'],
  ['maxImageWidth', 'max-width'],
  ['maxImageHeight', 'max-height'],
  ['cropping', 'cropping'],
  ['croppingAspectRatio', 'aspect'],
  ['croppingMode', 'crop-mode'],
  ['showSkipCropButton', 'skip-crop'],
  ['folder', 'folder'],
  ['showAdvancedOptions', 'advanced'],
  ['chunkSize', 'chunk-size'],
  ['parallelUploads', 'parallel'],
  ['recoveryKey', 'recovery-key'],
  ['mode', 'mode'],
  ['autoMinimize', 'auto-minimize'],
  ['lang', 'lang'],
  ['theme', 'theme'],
];

const LIST_PARAMS = [
  ['sources', 'source'],
  ['clientAllowedFormats', 'format'],
  ['tags', 'tag'],
  ['events', 'event'],
] as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The state as a URL hash (without `#`): only what differs from the defaults, in a fixed order. */
export function stateToHash(state: UploadWidgetStudioState): string {
  const params = new URLSearchParams();
  for (const [key, name] of SCALAR_PARAMS) {
    const value = state[key];
    if (value === undefined || value === DEFAULT_STATE[key]) continue;
    params.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  for (const [key, name] of LIST_PARAMS) {
    const list = state[key];
    if (sameList(list, DEFAULT_STATE[key])) continue;
    // A lone empty value stands for an empty list, which differs from a default that has items.
    if (list.length === 0) params.append(name, '');
    for (const item of list) params.append(name, item);
  }
  if (state.croppingAspectRatios.length > 0)
    params.set('aspect-ratios', formatAspectRatios(state.croppingAspectRatios));
  for (const [key, value] of state.context) params.append(`context.${key}`, value);
  for (const key of PALETTE_KEYS) {
    const colour = state.palette[key];
    if (colour) params.set(`palette.${key}`, colour);
  }
  return params.toString();
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

function positiveNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

const positiveInteger = (value: string | null) => {
  const number = positiveNumber(value);
  return number === undefined ? undefined : Math.round(number);
};

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The state a hash describes; anything missing or malformed takes its default. */
export function stateFromHash(hash: string): UploadWidgetStudioState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (name: string, fallback: string) => params.get(name) ?? fallback;
  const flag = (name: string, fallback: boolean) => (params.has(name) ? params.get(name) === '1' : fallback);
  const list = (name: string, fallback: readonly string[]) =>
    params.has(name) ? params.getAll(name).filter((item) => item !== '') : fallback;

  const palette: Partial<Record<PaletteKey, string>> = {};
  for (const key of PALETTE_KEYS) {
    const colour = params.get(`palette.${key}`);
    if (colour && HEX_COLOUR.test(colour)) palette[key] = colour.toLowerCase();
  }
  const context: [string, string][] = [];
  for (const [name, value] of params) {
    if (name.startsWith('context.') && name.length > 'context.'.length) context.push([name.slice(8), value]);
  }
  const sources = list('source', DEFAULT_STATE.sources).filter((item): item is Source =>
    (SOURCES as readonly string[]).includes(item),
  );
  const state: UploadWidgetStudioState = {
    server: text('server', DEFAULT_STATE.server),
    cloudName: text('cloud', DEFAULT_STATE.cloudName),
    auth: oneOf(AUTH_MODES, params.get('auth'), DEFAULT_STATE.auth),
    signatureUrl: text('sign', DEFAULT_STATE.signatureUrl),
    uploadPreset: text('preset', DEFAULT_STATE.uploadPreset),
    // The widget needs at least one source.
    sources: sources.length > 0 ? [...new Set(sources)] : DEFAULT_STATE.sources,
    multiple: flag('multiple', DEFAULT_STATE.multiple),
    singleUploadAutoClose: flag('auto-close', DEFAULT_STATE.singleUploadAutoClose),
    maxFiles: positiveInteger(params.get('max-files')),
    maxFileSize: positiveInteger(params.get('max-file-size')),
    clientAllowedFormats: list('format', DEFAULT_STATE.clientAllowedFormats),
    minImageWidth: positiveInteger(params.get('min-width')),
    minImageHeight: positiveInteger(params.get('min-height')),
    maxImageWidth: positiveInteger(params.get('max-width')),
    maxImageHeight: positiveInteger(params.get('max-height')),
    cropping: flag('cropping', DEFAULT_STATE.cropping),
    croppingAspectRatio: positiveNumber(params.get('aspect')),
    croppingAspectRatios: parseAspectRatios(params.get('aspect-ratios') ?? ''),
    croppingMode: oneOf(CROPPING_MODES, params.get('crop-mode'), DEFAULT_STATE.croppingMode),
    showSkipCropButton: flag('skip-crop', DEFAULT_STATE.showSkipCropButton),
    folder: text('folder', DEFAULT_STATE.folder),
    tags: list('tag', DEFAULT_STATE.tags),
    context,
    showAdvancedOptions: flag('advanced', DEFAULT_STATE.showAdvancedOptions),
    chunkSize: positiveInteger(params.get('chunk-size')),
    parallelUploads: positiveInteger(params.get('parallel')),
    recoveryKey: text('recovery-key', DEFAULT_STATE.recoveryKey),
    mode: oneOf(MODES, params.get('mode'), DEFAULT_STATE.mode),
    autoMinimize: flag('auto-minimize', DEFAULT_STATE.autoMinimize),
    lang: oneOf(LANGUAGES, params.get('lang'), DEFAULT_STATE.lang),
    theme: oneOf(THEMES, params.get('theme'), DEFAULT_STATE.theme),
    palette,
    events: list('event', DEFAULT_STATE.events).filter((name) => EVENT_NAMES.includes(name)),
  };
  // Unset numbers are absent rather than present-and-undefined, like in DEFAULT_STATE.
  return Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== undefined),
  ) as unknown as UploadWidgetStudioState;
}

// --- Form text ------------------------------------------------------------------------------------

/** Items of a comma-separated field, trimmed, without empties or repeats. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** Formats are extensions: lower case, no leading dot. */
export function parseFormats(text: string): string[] {
  return parseList(text.toLowerCase().replace(/(^|,)\s*\./g, '$1'));
}

/** `key=value` lines (the first `=` splits) as ordered pairs; blank lines and lines without a key are skipped. */
export function parseContext(text: string): [string, string][] {
  const pairs = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    const key = (at === -1 ? line : line.slice(0, at)).trim();
    if (key) pairs.set(key, at === -1 ? '' : line.slice(at + 1).trim());
  }
  return [...pairs];
}

export function formatContext(context: readonly (readonly [string, string])[]): string {
  return context.map(([key, value]) => `${key}=${value}`).join('\n');
}

/** Moves a source one place earlier (-1) or later (+1) in the order. */
export function moveSource(sources: readonly Source[], source: Source, step: -1 | 1): Source[] {
  const order = [...sources];
  const from = order.indexOf(source);
  const to = from + step;
  if (from === -1 || to < 0 || to >= order.length) return order;
  order.splice(from, 1);
  order.splice(to, 0, source);
  return order;
}
