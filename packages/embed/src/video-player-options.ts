/**
 * Cloudinary video player options (`cloudinary.videoPlayer(id, options)`, camelCase or snake_case,
 * player and source options mixed as Cloudinary allows) → `<kumo-video-player>`'s properties.
 * Pure: problems come back as development warnings.
 */
import type { ControlName, SourceType, VideoPlayerOptions } from '@kumo/video-player';
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
  readString,
} from './option-values.js';

/** What `kumo.videoPlayer` accepts: Cloudinary's player and source options, plus the element's own names. */
export interface VideoPlayerConfig {
  apiBase?: string;
  cloudName?: string;
  /** Cloudinary's account block; only `cloud_name` means something to Kumo. */
  cloudinaryConfig?: { cloud_name?: string; cloudName?: string };
  publicId?: string;
  /** A public id, or a URL of a video file or HLS playlist. */
  source?: string | VideoSourceConfig;
  sourceTypes?: readonly string[];
  transformation?: string;
  poster?: string;
  posterOptions?: {
    publicId?: string;
    transformation?: string | { startOffset?: number | string };
    posterColor?: string;
  };
  textTracks?: VideoPlayerOptions['textTracks'];
  chapters?: boolean | { url: string } | Readonly<Record<number, string>>;
  info?: { title?: string; subtitle?: string; description?: string };
  controls?: boolean;
  autoplay?: boolean;
  autoplayMode?: 'never' | 'always' | 'on-scroll';
  muted?: boolean;
  loop?: boolean;
  preload?: 'auto' | 'metadata' | 'none';
  bigPlayButton?: boolean | 'init';
  playbackRates?: readonly number[];
  showJumpControls?: boolean;
  pictureInPictureToggle?: boolean;
  chaptersButton?: boolean;
  seekThumbnails?: boolean;
  floatingWhenNotVisible?: 'left' | 'right' | 'none';
  skin?: 'dark' | 'light';
  colors?: { base?: string; accent?: string; text?: string };
  fontFace?: string;
  showLogo?: boolean;
  logoImageUrl?: string;
  logoOnclickUrl?: string;
  [option: string]: unknown;
}

/** A source as Cloudinary's `player.source({...})` takes it. */
export interface VideoSourceConfig {
  publicId?: string;
  [option: string]: unknown;
}

/** Properties set on `<kumo-video-player>`: its options plus the inherited theme. */
export type VideoPlayerProperties = Partial<VideoPlayerOptions> & { theme?: 'light' | 'dark' | 'auto' };

export interface MappedVideoPlayerOptions {
  readonly element: VideoPlayerProperties;
  readonly warnings: readonly DevWarning[];
}

const SOURCE_TYPES: readonly SourceType[] = ['hls', 'mp4', 'webm'];

/** Cloudinary player options Kumo does not offer. */
const UNSUPPORTED = new Set([
  'ads',
  'analytics',
  'cloudinaryAnalytics',
  'playlistWidget',
  'aiHighlightsGraph',
  'hideContextMenu',
  'interactionDisplay',
  'interactionAreas',
  'shoppable',
  'recommendations',
  'autoShowRecommendations',
  'visualSearch',
  'download',
  'videoSources',
  'adaptiveStreaming',
  'hdr',
  'breakpoints',
  'maxDpr',
  'profile',
  'schedule',
  'lazy',
  'sourceTransformation',
  'queryParams',
  'withCredentials',
  'rawTransformation',
  'videojs',
]);

/** Accepted without effect: Kumo's player is always fluid, always https when the server is. */
const IGNORED = new Set([
  'fluid',
  'secure',
  'playsinline',
  'allowUsageReport',
  'debug',
  'maxTries',
  'videoTimeout',
  'videoConfig',
  'type',
  'resourceType',
]);

const isUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value) || value.startsWith('/');

interface Builder {
  element: Record<string, unknown>;
  warnings: DevWarning[];
  hidden: Set<ControlName>;
}

type Setter = (value: unknown, out: Builder, all: Record<string, unknown>) => Read<unknown> | undefined;

const same =
  (name: keyof VideoPlayerProperties, read: (value: unknown) => Read<unknown>): Setter =>
  (value, out) => {
    const result = read(value);
    if (result.ok) out.element[name] = result.value;
    return result;
  };

const invalid = (problem: string): Read<never> => ({ ok: false, problem });

function mapSource(value: unknown, out: Builder, all: Record<string, unknown>): Read<unknown> {
  if (typeof value === 'string') {
    if (isUrl(value)) out.element['src'] = value;
    else out.element['publicId'] = value;
    return { ok: true, value };
  }
  if (isPlainObject(value)) {
    // A source object carries source options; they map like top-level ones.
    const nested = mapVideoPlayerOptions(value, { nested: true });
    Object.assign(out.element, nested.element);
    out.warnings.push(...nested.warnings);
    return { ok: true, value };
  }
  void all;
  return invalid('expected a public id, a URL or a source object');
}

function mapSourceTypes(value: unknown, out: Builder): Read<unknown> {
  const list = readList(value);
  if (!list.ok) return list;
  const kept: SourceType[] = [];
  const dropped: string[] = [];
  for (const entry of list.value) {
    // Codec suffixes (`hls/h265`) choose encodings Kumo's server makes itself.
    const base = entry.split('/')[0]!;
    if (base === 'auto') continue;
    if ((SOURCE_TYPES as readonly string[]).includes(base)) {
      if (!kept.includes(base as SourceType)) kept.push(base as SourceType);
    } else dropped.push(entry);
  }
  if (dropped.length > 0)
    out.warnings.push({
      code: 'embed-unsupported-source-type',
      message: `sourceTypes ${dropped.join(', ')} are not supported (Kumo plays ${SOURCE_TYPES.join(', ')}).`,
    });
  if (kept.length > 0) out.element['sourceTypes'] = kept;
  return list;
}

function mapTransformation(name: 'transformation') {
  return (value: unknown, out: Builder): Read<unknown> => {
    if (typeof value === 'string') {
      out.element[name] = value;
      return { ok: true, value };
    }
    return invalid('Kumo takes transformations as URL strings, e.g. "c_fill,w_640,h_360"');
  };
}

function mapPosterOptions(value: unknown, out: Builder): Read<unknown> {
  if (!isPlainObject(value)) return invalid('expected an object');
  const options: Record<string, unknown> = {};
  if (typeof value['publicId'] === 'string') options['publicId'] = value['publicId'];
  if (typeof value['posterColor'] === 'string') options['posterColor'] = value['posterColor'];
  const transformation = value['transformation'];
  if (typeof transformation === 'string') options['transformation'] = transformation;
  else if (isPlainObject(transformation)) {
    const offset = transformation['startOffset'] ?? transformation['start_offset'];
    if (typeof offset === 'number' || typeof offset === 'string') options['offset'] = offset;
    const others = Object.keys(transformation).filter(
      (key) => key !== 'startOffset' && key !== 'start_offset',
    );
    if (others.length > 0)
      out.warnings.push({
        code: 'embed-invalid-option',
        message: `posterOptions.transformation ${others.join(', ')}: pass a transformation string instead.`,
      });
  }
  out.element['posterOptions'] = options;
  return { ok: true, value };
}

function mapChapters(value: unknown, out: Builder): Read<unknown> {
  if (typeof value === 'boolean' || typeof value === 'string') {
    out.element['chapters'] = value;
    return { ok: true, value };
  }
  if (isPlainObject(value)) {
    out.element['chapters'] = typeof value['url'] === 'string' ? value['url'] : { ...value };
    return { ok: true, value };
  }
  return invalid('expected true, a URL, { url } or a map of seconds to titles');
}

function mapInfo(value: unknown, out: Builder): Read<unknown> {
  if (!isPlainObject(value)) return invalid('expected { title, subtitle, description }');
  if (typeof value['title'] === 'string') out.element['videoTitle'] = value['title'];
  if (typeof value['subtitle'] === 'string') out.element['videoSubtitle'] = value['subtitle'];
  if (typeof value['description'] === 'string') out.element['videoDescription'] = value['description'];
  return { ok: true, value };
}

function mapControls(value: unknown, out: Builder): Read<unknown> {
  const on = readBoolean(value);
  if (on.ok) out.element['noControls'] = !on.value;
  return on;
}

function mapAutoplay(value: unknown, out: Builder, all: Record<string, unknown>): Read<unknown> {
  const on = readBoolean(value);
  // An explicit autoplayMode wins over the plain HTML flag.
  if (on.ok && all['autoplayMode'] === undefined) out.element['autoplayMode'] = on.value ? 'always' : 'never';
  return on;
}

function mapBigPlay(value: unknown, out: Builder): Read<unknown> {
  if (value === 'init') return { ok: true, value };
  const on = readBoolean(value);
  if (on.ok && !on.value) out.hidden.add('big-play');
  return on;
}

function mapShowLogo(value: unknown, out: Builder): Read<unknown> {
  const on = readBoolean(value);
  if (on.ok && !on.value) out.hidden.add('logo');
  return on;
}

function mapLogo(value: unknown, out: Builder, all: Record<string, unknown>): Read<unknown> {
  const url = readString(value);
  if (!url.ok) return url;
  const onClick = typeof all['logoOnclickUrl'] === 'string' ? (all['logoOnclickUrl'] as string) : undefined;
  out.element['logo'] = { imageUrl: url.value, ...(onClick ? { onClickUrl: onClick } : {}) };
  return url;
}

function mapSkin(value: unknown, out: Builder): Read<unknown> {
  const skin = readEnum(value, ['dark', 'light'] as const);
  if (skin.ok) out.element['theme'] = skin.value;
  return skin;
}

function mapCloudinaryConfig(value: unknown, out: Builder): Read<unknown> {
  if (!isPlainObject(value)) return invalid('expected an object');
  const name = value['cloud_name'] ?? value['cloudName'];
  if (typeof name === 'string') out.element['cloudName'] = name;
  return { ok: true, value };
}

const numberList = (value: unknown): Read<number[]> =>
  Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item))
    ? { ok: true, value: [...value] }
    : invalid('expected an array of numbers');

const objectValue = (value: unknown): Read<unknown> =>
  isPlainObject(value) ? { ok: true, value: { ...value } } : invalid('expected an object');

const SETTERS: Record<string, Setter> = {
  apiBase: same('apiBase', readString),
  cloudName: same('cloudName', readString),
  cloudinaryConfig: mapCloudinaryConfig,
  publicId: same('publicId', readString),
  source: mapSource,
  src: same('src', readString),
  sourceTypes: mapSourceTypes,
  transformation: mapTransformation('transformation'),
  poster: (value, out) => {
    if (typeof value === 'string') out.element['poster'] = value;
    else if (isPlainObject(value)) return mapPosterOptions(value, out);
    else if (typeof value !== 'boolean') return invalid('expected a URL or poster options');
    return { ok: true, value };
  },
  posterOptions: mapPosterOptions,
  textTracks: same('textTracks', objectValue),
  chapters: mapChapters,
  info: mapInfo,
  title: same('videoTitle', readString),
  subtitle: same('videoSubtitle', readString),
  description: same('videoDescription', readString),
  controls: mapControls,
  autoplay: mapAutoplay,
  autoplayMode: same('autoplayMode', (value) => readEnum(value, ['never', 'always', 'on-scroll'] as const)),
  muted: same('muted', readBoolean),
  loop: same('loop', readBoolean),
  preload: same('preload', (value) => readEnum(value, ['auto', 'metadata', 'none'] as const)),
  bigPlayButton: mapBigPlay,
  playbackRates: same('playbackRates', numberList),
  showJumpControls: same('showJumpControls', readBoolean),
  pictureInPictureToggle: same('pictureInPictureToggle', readBoolean),
  chaptersButton: same('chaptersButton', readBoolean),
  seekThumbnails: same('seekThumbnails', readBoolean),
  floatingWhenNotVisible: same('floatingWhenNotVisible', (value) =>
    readEnum(value, ['none', 'left', 'right'] as const),
  ),
  skin: mapSkin,
  colors: same('colors', objectValue),
  fontFace: same('fontFace', readString),
  showLogo: mapShowLogo,
  logoImageUrl: mapLogo,
  // Read by mapLogo.
  logoOnclickUrl: (value) => readString(value),
  // The element's own names.
  noControls: same('noControls', readBoolean),
  hideControls: (value, out) => {
    const list = readList(value);
    if (list.ok) for (const name of list.value) out.hidden.add(name as ControlName);
    return list;
  },
  videoTitle: same('videoTitle', readString),
  videoSubtitle: same('videoSubtitle', readString),
  videoDescription: same('videoDescription', readString),
  logo: same('logo', objectValue),
  playlist: same('playlist', (value) =>
    Array.isArray(value) ? { ok: true, value } : invalid('expected an array'),
  ),
  playlistByTag: same('playlistByTag', readString),
  autoAdvance: same('autoAdvance', (value) => (value === false ? { ok: true, value } : readNumber(value))),
  repeat: same('repeat', readBoolean),
  presentUpcoming: same('presentUpcoming', (value) =>
    value === false ? { ok: true, value: 0 } : value === true ? { ok: true, value: 10 } : readNumber(value),
  ),
  beaconUrl: same('beaconUrl', readString),
  theme: same('theme', (value) => readEnum(value, ['light', 'dark', 'auto'] as const)),
};

export interface MapVideoOptionsContext {
  readonly cloudName?: string;
  readonly apiBase?: string;
  /** Mapping a source object inside the options: no defaults. */
  readonly nested?: boolean;
}

/** Maps Cloudinary-style player options onto `<kumo-video-player>`'s properties. */
export function mapVideoPlayerOptions(
  input: VideoPlayerConfig | Record<string, unknown> | undefined,
  context: MapVideoOptionsContext = {},
): MappedVideoPlayerOptions {
  const all: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === undefined) continue;
    const name = camelCaseKey(key);
    // Cloudinary's account settings may sit at the top level in snake_case.
    all[name === 'cloudName' || key === 'cloud_name' ? 'cloudName' : name] = value;
  }
  const out: Builder = { element: {}, warnings: [], hidden: new Set() };
  for (const [key, value] of Object.entries(all)) {
    if (IGNORED.has(key)) continue;
    if (UNSUPPORTED.has(key)) {
      out.warnings.push({
        code: 'embed-unsupported-option',
        message: `${key} is not supported by Kumo's player.`,
      });
      continue;
    }
    const setter = SETTERS[key];
    if (!setter) {
      out.warnings.push({
        code: 'embed-unknown-option',
        message: `unknown video player option "${key}"; it was ignored.`,
      });
      continue;
    }
    const result = setter(value, out, all);
    if (result && !result.ok)
      out.warnings.push({
        code: 'embed-invalid-option',
        message: `${key} = ${describeValue(value)}: ${result.problem}; it was ignored.`,
      });
  }
  if (out.hidden.size > 0) out.element['hideControls'] = [...out.hidden];
  if (!context.nested) {
    if (out.element['cloudName'] === undefined && context.cloudName)
      out.element['cloudName'] = context.cloudName;
    if (out.element['apiBase'] === undefined && context.apiBase !== undefined)
      out.element['apiBase'] = context.apiBase;
  }
  return { element: out.element as VideoPlayerProperties, warnings: out.warnings };
}

/** Parses a `data-cld-*` value: JSON where it is JSON (`'{"base":"#000"}'`, `true`, `5`), else the text. */
function parseDataValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Options a `<video>` tag carries, as Cloudinary reads them: its own attributes (`controls`,
 * `autoplay`, `muted`, `loop`, `preload`, `poster`, `src`) and every `data-cld-*` attribute as a
 * camelCased option (`data-cld-public-id="dog"`, `data-cld-colors='{"accent":"#f00"}'`).
 */
export function optionsFromVideoAttributes(
  attributes: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const has = (name: string) => Object.hasOwn(attributes, name);
  // Cloudinary's player shows no controls unless the tag (or the options) asks for them.
  options['controls'] = has('controls');
  for (const flag of ['autoplay', 'muted', 'loop'] as const) if (has(flag)) options[flag] = true;
  if (attributes['preload']) options['preload'] = attributes['preload'];
  if (attributes['poster']) options['poster'] = attributes['poster'];
  if (attributes['src']) options['source'] = attributes['src'];
  for (const [name, value] of Object.entries(attributes)) {
    if (!name.startsWith('data-cld-')) continue;
    options[camelCaseKey(name.slice('data-cld-'.length).replaceAll('-', '_'))] = parseDataValue(value);
  }
  return options;
}
