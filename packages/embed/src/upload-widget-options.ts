/**
 * Cloudinary's Upload Widget options (camelCase or snake_case, as `cloudinary.createUploadWidget`
 * takes them) → the properties of `<kumo-upload-widget>`, plus the page-level options the embed
 * handles itself (inline container, form fields, thumbnails). Pure: no DOM, no console; problems
 * come back as development warnings for the caller to report.
 */
import type {
  PreBatchFunction,
  PrepareUploadParamsFunction,
  SignatureFunction,
  SignatureResult,
  UploadWidgetOptions,
} from '@kumo/upload-widget';
import type { DevWarning } from './dev-warning.js';
import {
  camelCaseKey,
  describeValue,
  isPlainObject,
  type Read,
  readBoolean,
  readEnum,
  readList,
  readNumber,
  readPositive,
  readString,
  readStringMap,
} from './option-values.js';
import { mapCloudinaryText } from './upload-widget-text.js';

/** A CSS selector or an element. */
export type ElementTarget = string | Element;

/** Callback form of Cloudinary's `uploadSignature`: `(callback, paramsToSign) => void`. */
export type UploadSignatureFunction = SignatureFunction;

/**
 * The options `kumo.createUploadWidget` takes: Cloudinary's names (camelCase or snake_case) plus
 * `apiBase` and the element's own option names. Unknown keys are reported in development.
 */
export interface UploadWidgetConfig {
  /** Origin of the Kumo server; defaults to `kumo.setApiBase()`, else the origin kumo.js came from. */
  apiBase?: string;
  cloudName?: string;
  uploadPreset?: string;
  apiKey?: string;
  /** A signing endpoint URL, a precomputed signature (with `uploadSignatureTimestamp`), or a function. */
  uploadSignature?: string | UploadSignatureFunction;
  uploadSignatureTimestamp?: number;
  /** Per file at upload time: `callback(params)` with the parameters to send, or `callback({ cancel: true })`. */
  prepareUploadParams?: PrepareUploadParamsFunction;
  /** Before a batch joins the queue, with `data.files`: `callback({ cancel: true })` refuses it, `callback()` lets it in. */
  preBatch?: PreBatchFunction;
  /** Closes the widget after a single upload when it is not `multiple`. */
  singleUploadAutoClose?: boolean;
  /** Minimizes the widget to its queue bar while files upload. */
  autoMinimize?: boolean;
  sources?: readonly string[];
  defaultSource?: string;
  multiple?: boolean;
  maxFiles?: number;
  cropping?: boolean;
  croppingAspectRatio?: number | null;
  croppingCoordinatesMode?: 'custom' | 'face';
  showSkipCropButton?: boolean;
  clientAllowedFormats?: readonly string[] | null;
  maxFileSize?: number;
  maxImageFileSize?: number;
  maxVideoFileSize?: number;
  maxRawFileSize?: number;
  maxImageWidth?: number;
  maxImageHeight?: number;
  minImageWidth?: number;
  minImageHeight?: number;
  validateMaxWidthHeight?: boolean;
  maxChunkSize?: number;
  folder?: string;
  tags?: readonly string[];
  context?: Readonly<Record<string, string>>;
  publicId?: string;
  resourceType?: 'auto' | 'image' | 'video' | 'raw';
  showAdvancedOptions?: boolean;
  styles?: { palette?: Readonly<Record<string, string>> };
  language?: string;
  /** Cloudinary's nested text overrides, per language (`{ en: { local: { browse: 'Pick' } } }`). */
  text?: Readonly<Record<string, unknown>>;
  /** Renders the widget inline inside this element instead of as a modal. */
  inlineContainer?: ElementTarget;
  theme?: string;
  /** Where successful uploads add hidden inputs; `false` for none. */
  form?: ElementTarget | false;
  /** Name of those hidden inputs; default `image`. */
  fieldName?: string;
  /** Where a list of uploaded thumbnails is kept; `false` for none. */
  thumbnails?: ElementTarget | false;
  /** Transformation of those thumbnails; default `c_limit,h_60,w_90`. */
  thumbnailTransformation?: string;
  /** Caption of the button `applyUploadWidget` makes. */
  buttonCaption?: string;
  /** Class of that button. */
  buttonClass?: string;
  [option: string]: unknown;
}

/** Options the embed acts on itself, around the element. */
export interface PageOptions {
  inlineContainer?: ElementTarget;
  form?: ElementTarget | false;
  fieldName?: string;
  thumbnails?: ElementTarget | false;
  thumbnailTransformation?: string;
  buttonCaption?: string;
  buttonClass?: string;
}

/** Properties set on `<kumo-upload-widget>`: its options plus the inherited theme, lang and dir. */
export type UploadWidgetProperties = Partial<UploadWidgetOptions> & {
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
};

export interface MappedUploadWidgetOptions {
  /** Properties for `<kumo-upload-widget>`. */
  readonly element: UploadWidgetProperties;
  readonly page: PageOptions;
  readonly warnings: readonly DevWarning[];
}

/** Kumo's own source tabs; Cloudinary's others (dropbox, image_search…) need vendor accounts. */
const KUMO_SOURCES = ['local', 'url', 'camera'] as const;
const RESOURCE_TYPES = ['auto', 'image', 'video', 'raw'] as const;
const KUMO_THEMES = ['light', 'dark', 'auto'] as const;
/** Cloudinary's named themes; Kumo has one look, recoloured through `styles.palette`. */
const CLOUDINARY_THEMES = ['default', 'white', 'minimal', 'purple'] as const;

/** Cloudinary options Kumo knows and does not offer; reported once so ported code is not surprised. */
const UNSUPPORTED = new Set([
  'encryption',
  'queueViewPosition',
  'showCompletedButton',
  'showUploadMoreButton',
  'showPoweredBy',
  'showInsecurePreview',
  'controlVpMeta',
  'frameZIndex',
  'croppingDefaultSelectionRatio',
  'croppingShowDimensions',
  'croppingShowBackButton',
  'croppingValidateDimensions',
  'dropboxAppKey',
  'googleApiKey',
  'searchBySites',
  'searchByRights',
  'googleDriveClientId',
  'facebookAppId',
  'instagramClientId',
  'getTags',
  'getUploadPresets',
]);

/** Accepted and without effect: Kumo takes the scheme from `apiBase`. */
const IGNORED = new Set(['secure']);

/** Options Cloudinary's `update()` refuses; so do we, since the element is already placed. */
const NOT_UPDATABLE = new Set(['inlineContainer', 'fieldName', 'form', 'thumbnails', 'buttonClass']);

type Setter = (value: unknown, out: Builder) => Read<unknown> | undefined;

interface Builder {
  element: Record<string, unknown>;
  page: Record<string, unknown>;
  warnings: DevWarning[];
  /** Every input option, camelCased, for options that depend on others. */
  all: Record<string, unknown>;
}

/** `option` → the element property of the same name, read with `read`. */
const same =
  (name: string, read: (value: unknown) => Read<unknown>): Setter =>
  (value, out) => {
    const result = read(value);
    if (result.ok) out.element[name] = result.value;
    return result;
  };

const toPage =
  (name: string, read: (value: unknown) => Read<unknown>): Setter =>
  (value, out) => {
    const result = read(value);
    if (result.ok) out.page[name] = result.value;
    return result;
  };

const readTarget = (value: unknown): Read<ElementTarget> =>
  typeof value === 'string' || (typeof Element !== 'undefined' && value instanceof Element)
    ? { ok: true, value: value as ElementTarget }
    : { ok: false, problem: 'expected a CSS selector or an element' };

const readTargetOrFalse = (value: unknown): Read<ElementTarget | false> =>
  value === false ? { ok: true, value: false } : readTarget(value);

const readFunction = (value: unknown): Read<unknown> =>
  typeof value === 'function' ? { ok: true, value } : { ok: false, problem: 'expected a function' };

const isUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value) || value.startsWith('/');

/**
 * Cloudinary's string `uploadSignature` is a signature computed ahead (with
 * `uploadSignatureTimestamp`); Kumo's element takes a string as a signing endpoint URL. A string
 * that is a URL stays one; anything else becomes a function answering that fixed signature.
 */
function mapSignature(value: unknown, out: Builder): Read<unknown> {
  if (typeof value === 'function') {
    out.element['uploadSignature'] = value as SignatureFunction;
    return { ok: true, value };
  }
  if (typeof value !== 'string' || value === '')
    return { ok: false, problem: 'expected a signing URL, a signature string or a function' };
  if (isUrl(value)) {
    out.element['uploadSignature'] = value;
    return { ok: true, value };
  }
  const timestamp = readNumber(out.all['uploadSignatureTimestamp']);
  if (!timestamp.ok)
    out.warnings.push({
      code: 'embed-signature-timestamp',
      message:
        'uploadSignature is a precomputed signature but uploadSignatureTimestamp is missing; the upload ' +
        'will be refused. Pass the timestamp you signed, or a function that signs at upload time.',
    });
  const apiKey = typeof out.all['apiKey'] === 'string' ? (out.all['apiKey'] as string) : undefined;
  const fixed: SignatureResult = {
    signature: value,
    ...(timestamp.ok ? { timestamp: timestamp.value } : {}),
    ...(apiKey ? { api_key: apiKey } : {}),
  };
  const answer: SignatureFunction = (callback) => callback(fixed);
  out.element['uploadSignature'] = answer;
  return { ok: true, value };
}

function mapSources(value: unknown, out: Builder): Read<unknown> {
  const list = readList(value);
  if (!list.ok) return list;
  const kept = list.value.filter((source) => (KUMO_SOURCES as readonly string[]).includes(source));
  const dropped = list.value.filter((source) => !kept.includes(source));
  if (dropped.length > 0)
    out.warnings.push({
      code: 'embed-unsupported-source',
      message: `sources ${dropped.join(', ')} are not available in Kumo (it offers ${KUMO_SOURCES.join(', ')}).`,
    });
  out.element['sources'] = kept.length > 0 ? kept : [...KUMO_SOURCES];
  return list;
}

function mapDefaultSource(value: unknown, out: Builder): Read<unknown> {
  const source = readEnum(value, KUMO_SOURCES);
  if (source.ok) out.element['defaultSource'] = source.value;
  return source;
}

function mapTheme(value: unknown, out: Builder): Read<unknown> {
  const kumo = readEnum(value, KUMO_THEMES);
  if (kumo.ok) {
    out.element['theme'] = kumo.value;
    return kumo;
  }
  const cloudinary = readEnum(value, CLOUDINARY_THEMES);
  if (!cloudinary.ok)
    return { ok: false, problem: `expected one of ${[...KUMO_THEMES, ...CLOUDINARY_THEMES].join(', ')}` };
  out.element['theme'] = 'light';
  if (cloudinary.value === 'minimal' || cloudinary.value === 'purple')
    out.warnings.push({
      code: 'embed-theme-approximated',
      message: `theme "${cloudinary.value}" has no Kumo equivalent; using the light theme (recolour it with styles.palette).`,
    });
  return cloudinary;
}

function mapStyles(value: unknown, out: Builder): Read<unknown> {
  if (!isPlainObject(value)) return { ok: false, problem: 'expected { palette, frame, fonts }' };
  for (const key of Object.keys(value)) {
    if (key === 'palette') continue;
    out.warnings.push({
      code: 'embed-unsupported-option',
      message: `styles.${key} is not supported by Kumo; style the widget with --kumo-* custom properties and ::part().`,
    });
  }
  if (value['palette'] !== undefined) {
    if (!isPlainObject(value['palette'])) return { ok: false, problem: 'styles.palette must be an object' };
    out.element['palette'] = { ...value['palette'] };
  }
  return { ok: true, value };
}

function mapCropping(value: unknown, out: Builder): Read<unknown> {
  const on = readBoolean(value);
  if (!on.ok) return on;
  out.element['cropping'] = on.value;
  // Cloudinary sends the crop as custom coordinates and lets the preset apply it; so does Kumo.
  if (on.value && out.element['croppingMode'] === undefined) out.element['croppingMode'] = 'coordinates';
  return on;
}

function mapCoordinatesMode(value: unknown, out: Builder): Read<unknown> {
  const mode = readEnum(value, ['custom', 'face'] as const);
  if (!mode.ok) return mode;
  out.element['croppingMode'] = 'coordinates';
  if (mode.value === 'face')
    out.warnings.push({
      code: 'embed-unsupported-option',
      message: 'croppingCoordinatesMode "face" is not supported; the crop is sent as custom coordinates.',
    });
  return mode;
}

function mapAspectRatio(value: unknown, out: Builder): Read<unknown> {
  if (value === null) return { ok: true, value };
  const ratio = readPositive(value);
  if (ratio.ok) out.element['croppingAspectRatio'] = ratio.value;
  return ratio;
}

function mapFormats(value: unknown, out: Builder): Read<unknown> {
  if (value === null) return { ok: true, value };
  const list = readList(value);
  if (list.ok) out.element['clientAllowedFormats'] = list.value.map((format) => format.replace(/^\./, ''));
  return list;
}

function mapInline(value: unknown, out: Builder): Read<unknown> {
  const target = readTarget(value);
  if (!target.ok) return target;
  out.page['inlineContainer'] = target.value;
  out.element['mode'] = 'inline';
  return target;
}

function mapText(value: unknown, out: Builder): Read<unknown> {
  if (!isPlainObject(value)) return { ok: false, problem: 'expected an object' };
  const mapped = mapCloudinaryText(value);
  out.element['text'] = mapped.text;
  out.warnings.push(...mapped.warnings);
  return { ok: true, value };
}

const SETTERS: Record<string, Setter> = {
  apiBase: same('apiBase', readString),
  cloudName: same('cloudName', readString),
  uploadPreset: same('uploadPreset', readString),
  apiKey: same('apiKey', readString),
  uploadSignature: mapSignature,
  // Read by mapSignature.
  uploadSignatureTimestamp: (value) => readNumber(value),
  prepareUploadParams: same('prepareUploadParams', readFunction),
  preBatch: same('preBatch', readFunction),
  singleUploadAutoClose: same('singleUploadAutoClose', readBoolean),
  autoMinimize: same('autoMinimize', readBoolean),
  sources: mapSources,
  defaultSource: mapDefaultSource,
  multiple: same('multiple', readBoolean),
  maxFiles: same('maxFiles', readPositive),
  cropping: mapCropping,
  croppingAspectRatio: mapAspectRatio,
  croppingCoordinatesMode: mapCoordinatesMode,
  showSkipCropButton: same('showSkipCropButton', readBoolean),
  clientAllowedFormats: mapFormats,
  maxFileSize: same('maxFileSize', readPositive),
  maxImageFileSize: same('maxImageFileSize', readPositive),
  maxVideoFileSize: same('maxVideoFileSize', readPositive),
  maxRawFileSize: same('maxRawFileSize', readPositive),
  maxImageWidth: same('maxImageWidth', readPositive),
  maxImageHeight: same('maxImageHeight', readPositive),
  minImageWidth: same('minImageWidth', readPositive),
  minImageHeight: same('minImageHeight', readPositive),
  validateMaxWidthHeight: same('validateMaxWidthHeight', readBoolean),
  maxChunkSize: same('chunkSize', readPositive),
  folder: same('folder', readString),
  tags: same('tags', readList),
  context: same('context', readStringMap),
  publicId: same('publicId', readString),
  resourceType: same('resourceType', (value) => readEnum(value, RESOURCE_TYPES)),
  showAdvancedOptions: same('showAdvancedOptions', readBoolean),
  styles: mapStyles,
  language: same('lang', readString),
  text: mapText,
  inlineContainer: mapInline,
  theme: mapTheme,
  form: toPage('form', readTargetOrFalse),
  fieldName: toPage('fieldName', readString),
  thumbnails: toPage('thumbnails', readTargetOrFalse),
  thumbnailTransformation: toPage('thumbnailTransformation', readString),
  buttonCaption: toPage('buttonCaption', readString),
  buttonClass: toPage('buttonClass', readString),
  // The element's own names, so Kumo options can be passed through the same call.
  chunkSize: same('chunkSize', readPositive),
  parallelUploads: same('parallelUploads', readPositive),
  croppingMode: same('croppingMode', (value) => readEnum(value, ['coordinates', 'apply'] as const)),
  croppingAspectRatios: same('croppingAspectRatios', (value) =>
    Array.isArray(value) ? { ok: true, value } : { ok: false, problem: 'expected an array' },
  ),
  palette: same('palette', (value) =>
    isPlainObject(value) ? { ok: true, value: { ...value } } : { ok: false, problem: 'expected an object' },
  ),
  recoveryKey: same('recoveryKey', readString),
  lang: same('lang', readString),
  dir: same('dir', (value) => readEnum(value, ['ltr', 'rtl', 'auto'] as const)),
  mode: same('mode', (value) => readEnum(value, ['modal', 'inline'] as const)),
  valueFormat: same('valueFormat', (value) => readEnum(value, ['public_id', 'url'] as const)),
  name: same('name', readString),
  required: same('required', readBoolean),
};

/** The option names `mapUploadWidgetOptions` understands (camelCase). */
export const UPLOAD_WIDGET_OPTION_NAMES: readonly string[] = Object.keys(SETTERS);

export interface MapOptionsContext {
  /** Set by `kumo.setCloudName`; used when the options name no cloud. */
  readonly cloudName?: string;
  /** Set by `kumo.setApiBase`, or the origin kumo.js came from. */
  readonly apiBase?: string;
  /** True for `widget.update(options)`: options fixed at creation are reported and skipped. */
  readonly updating?: boolean;
}

/**
 * Maps Cloudinary-style options onto the element's properties and the embed's page options.
 * Values of the wrong type and unknown keys are skipped with a warning, never thrown.
 */
export function mapUploadWidgetOptions(
  input: UploadWidgetConfig | Record<string, unknown> | undefined,
  context: MapOptionsContext = {},
): MappedUploadWidgetOptions {
  const all: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value !== undefined) all[camelCaseKey(key)] = value;
  }
  const out: Builder = { element: {}, page: {}, warnings: [], all };
  // `cropping` decides `croppingMode` only when no explicit mode follows, so explicit keys go last.
  const keys = Object.keys(all).sort((a, b) => Number(a === 'croppingMode') - Number(b === 'croppingMode'));
  for (const key of keys) {
    const value = all[key];
    if (IGNORED.has(key)) continue;
    if (context.updating && NOT_UPDATABLE.has(key)) {
      out.warnings.push({
        code: 'embed-option-not-updatable',
        message: `${key} cannot be changed by update(); create a new widget instead.`,
      });
      continue;
    }
    if (UNSUPPORTED.has(key)) {
      out.warnings.push({ code: 'embed-unsupported-option', message: `${key} is not supported by Kumo.` });
      continue;
    }
    const setter = SETTERS[key];
    if (!setter) {
      out.warnings.push({
        code: 'embed-unknown-option',
        message: `unknown upload widget option "${key}"; it was ignored.`,
      });
      continue;
    }
    const result = setter(value, out);
    if (result && !result.ok)
      out.warnings.push({
        code: 'embed-invalid-option',
        message: `${key} = ${describeValue(value)}: ${result.problem}; it was ignored.`,
      });
  }
  if (!context.updating) {
    if (out.element['cloudName'] === undefined && context.cloudName)
      out.element['cloudName'] = context.cloudName;
    if (out.element['apiBase'] === undefined && context.apiBase !== undefined)
      out.element['apiBase'] = context.apiBase;
  }
  return {
    element: out.element as UploadWidgetProperties,
    page: out.page as PageOptions,
    warnings: out.warnings,
  };
}
