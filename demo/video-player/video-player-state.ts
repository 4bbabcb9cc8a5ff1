// The video player studio page apart from the DOM: the form's state, its place in the URL hash, the
// element options it stands for and the description the code generator turns into snippets.
import { buildUrl } from '@kumo/core';
import type {
  AutoplayMode,
  ControlName,
  FloatingPosition,
  PlayerColors,
  SourceType,
  TextTracksOption,
} from '@kumo/video-player';
import type {
  ElementDescription,
  EventSpec,
  OptionSpec,
  SnippetValue,
} from '../shared/code-generator/code-generator.js';
import { nonDefaultOptions } from '../shared/code-generator/code-generator.js';

/** The sample clip every Kumo server makes on first start; its text tracks are timed against it. */
export const SAMPLE_VIDEO = 'samples/videos/test-pattern';

/** The tag the server's sample videos carry, whose list fills the page's video picker. */
export const SAMPLE_TAG = 'video';

/** The sample clip's WebVTT files, raw assets on the server. */
export const SAMPLE_TRACKS = {
  captionsEn: `${SAMPLE_VIDEO}-captions-en.vtt`,
  captionsFr: `${SAMPLE_VIDEO}-captions-fr.vtt`,
  chapters: `${SAMPLE_VIDEO}-chapters.vtt`,
} as const;

/** The delivery forms the page offers, in the order the player tries them. */
export const SOURCE_TYPE_CHOICES = ['hls', 'mp4'] as const satisfies readonly SourceType[];
export type SourceTypeChoice = (typeof SOURCE_TYPE_CHOICES)[number];

export const AUTOPLAY_MODES = ['never', 'always', 'on-scroll'] as const satisfies readonly AutoplayMode[];
export const FLOATING_POSITIONS = ['none', 'left', 'right'] as const satisfies readonly FloatingPosition[];

/** Every control `hideControls` can leave out, in the element's order. */
export const CONTROL_NAMES = [
  'play',
  'jump',
  'seek-bar',
  'time',
  'volume',
  'rate',
  'quality',
  'captions',
  'chapters',
  'pip',
  'fullscreen',
  'title',
  'logo',
  'big-play',
  'playlist',
] as const satisfies readonly ControlName[];

export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type StudioTheme = (typeof THEMES)[number];

/** What the colour inputs start at: the player's dark skin. */
export const COLOR_DEFAULTS = { base: '#0c0e12', accent: '#8ab4ff', text: '#ffffff' } as const;
export type ColorKey = keyof typeof COLOR_DEFAULTS;
export const COLOR_KEYS = Object.keys(COLOR_DEFAULTS) as ColorKey[];

/** Every event of `<kumo-video-player>`, with what the snippets log and the script-tag API's name. */
export const PLAYER_EVENTS: readonly EventSpec[] = [
  { name: 'kumo-play', payload: 'detail.time', embedName: 'play' },
  { name: 'kumo-pause', payload: 'detail.time', embedName: 'pause' },
  { name: 'kumo-seeked', payload: 'detail', embedName: 'seek' },
  { name: 'kumo-ended', payload: 'detail.time', embedName: 'ended' },
  { name: 'kumo-progress-quartile', payload: 'detail.quartile', embedName: 'percentsplayed' },
  { name: 'kumo-quality-change', payload: 'detail', embedName: 'qualitychanged' },
  { name: 'kumo-rebuffer-start', payload: 'detail.time', embedName: 'waiting' },
  { name: 'kumo-rebuffer-end', payload: 'detail.durationMs' },
  { name: 'kumo-error', payload: 'detail.error', embedName: 'error' },
  { name: 'kumo-source-change', payload: 'detail.id', embedName: 'cldsourcechanged' },
  { name: 'kumo-playlist-item', payload: 'detail.index', embedName: 'playlistitemchanged' },
];
export const EVENT_NAMES = PLAYER_EVENTS.map((event) => event.name);

/** Everything the form holds. */
export interface VideoPlayerStudioState {
  /** The Kumo server's origin; empty for the server this page is served by. */
  readonly server: string;
  readonly cloudName: string;
  readonly publicId: string;
  /** Delivery forms to try, in `SOURCE_TYPE_CHOICES` order; never empty. */
  readonly sourceTypes: readonly SourceTypeChoice[];
  readonly transformation: string;
  /** A poster URL; empty for the frame the server picks. */
  readonly poster: string;
  /** The sample clip's English captions and French subtitles. */
  readonly captions: boolean;
  /** The sample clip's chapters file. */
  readonly chapters: boolean;
  readonly chaptersButton: boolean;
  readonly seekThumbnails: boolean;
  /** Speeds for the rate menu, ascending; empty for no menu. */
  readonly playbackRates: readonly number[];
  readonly showJumpControls: boolean;
  readonly pictureInPictureToggle: boolean;
  /** The control bar as a whole. */
  readonly controls: boolean;
  readonly hideControls: readonly ControlName[];
  readonly autoplayMode: AutoplayMode;
  readonly loop: boolean;
  readonly muted: boolean;
  readonly floatingWhenNotVisible: FloatingPosition;
  readonly title: string;
  readonly subtitle: string;
  readonly description: string;
  /** Only the colours that were changed. */
  readonly colors: Readonly<Partial<Record<ColorKey, string>>>;
  readonly fontFace: string;
  readonly logoUrl: string;
  readonly logoLink: string;
  /** Plays the server's list of videos with this tag instead of `publicId`; empty for none. */
  readonly playlistTag: string;
  readonly lang: Language;
  readonly theme: StudioTheme;
  /** The events the generated code listens to. */
  readonly events: readonly string[];
}

export const DEFAULT_STATE: VideoPlayerStudioState = {
  server: '',
  cloudName: 'demo',
  publicId: SAMPLE_VIDEO,
  sourceTypes: ['hls', 'mp4'],
  transformation: '',
  poster: '',
  captions: true,
  chapters: true,
  chaptersButton: true,
  seekThumbnails: true,
  playbackRates: [],
  showJumpControls: false,
  pictureInPictureToggle: false,
  controls: true,
  hideControls: [],
  autoplayMode: 'never',
  loop: false,
  muted: false,
  floatingWhenNotVisible: 'none',
  title: '',
  subtitle: '',
  description: '',
  colors: {},
  fontFace: '',
  logoUrl: '',
  logoLink: '',
  playlistTag: '',
  lang: 'en',
  theme: 'auto',
  events: ['kumo-play', 'kumo-ended'],
};

/**
 * The element's properties the page sets, in the order the code lists them, and how each is
 * written. Script-tag names are the Cloudinary player's where `kumo.videoPlayer` takes them.
 */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  apiBase: { attribute: 'api-base' },
  cloudName: { attribute: 'cloud-name' },
  publicId: { attribute: 'public-id' },
  playlistByTag: { attribute: 'playlist-by-tag' },
  sourceTypes: { attribute: 'source-types', listAttribute: true },
  transformation: { attribute: 'transformation' },
  poster: { attribute: 'poster' },
  textTracks: {},
  chapters: { attribute: 'chapters', embedValue: (url) => ({ url }) },
  chaptersButton: { attribute: 'chapters-button' },
  // Its attribute is the negated `no-seek-thumbnails`, so `false` goes through the property.
  seekThumbnails: {},
  playbackRates: { attribute: 'playback-rates', listAttribute: true },
  showJumpControls: { attribute: 'show-jump-controls' },
  pictureInPictureToggle: { attribute: 'picture-in-picture-toggle' },
  noControls: { attribute: 'no-controls', embedPath: 'controls', embedValue: (value) => !value },
  hideControls: { attribute: 'hide-controls', listAttribute: true },
  autoplayMode: { attribute: 'autoplay-mode' },
  loop: { attribute: 'loop' },
  muted: { attribute: 'muted' },
  floatingWhenNotVisible: { attribute: 'floating-when-not-visible' },
  videoTitle: { attribute: 'video-title', embedPath: 'info.title' },
  videoSubtitle: { attribute: 'video-subtitle', embedPath: 'info.subtitle' },
  videoDescription: { attribute: 'video-description', embedPath: 'info.description' },
  colors: {},
  fontFace: { attribute: 'font-face' },
  logo: {},
  // `kumo.videoPlayer` takes no language: the element reads it from its markup.
  lang: { attribute: 'lang', embedAttribute: true },
  theme: { attribute: 'theme', embedPath: 'skin' },
};

/**
 * The element's defaults for those properties (what a fresh `<kumo-video-player>` reports), plus
 * the studio's own: English and the system theme are what a page without `lang`/`theme` gets.
 */
export const PLAYER_DEFAULTS: Readonly<Record<string, SnippetValue | undefined>> = {
  apiBase: '',
  cloudName: '',
  sourceTypes: ['hls', 'mp4'],
  seekThumbnails: true,
  chaptersButton: false,
  playbackRates: [],
  showJumpControls: false,
  pictureInPictureToggle: false,
  noControls: false,
  hideControls: [],
  autoplayMode: 'never',
  loop: false,
  muted: false,
  floatingWhenNotVisible: 'none',
  lang: 'en',
  theme: 'auto',
};

/** The server the player talks to: the configured one, else the page's own origin. */
export function serverOf(state: VideoPlayerStudioState, origin: string): string {
  return (state.server.trim() || origin).replace(/\/+$/, '');
}

/** Delivery URL of a raw asset (a WebVTT file) on the server; undefined without a cloud name. */
export function rawAssetUrl(
  state: VideoPlayerStudioState,
  origin: string,
  publicId: string,
): string | undefined {
  const cloudName = state.cloudName.trim();
  if (!cloudName) return undefined;
  return buildUrl(publicId, {
    cloudName,
    baseUrl: serverOf(state, origin),
    resourceType: 'raw',
    forceVersion: false,
  });
}

/** The server's list of public videos tagged `tag` (`/<cloud>/video/list/<tag>.json`). */
export function tagListUrl(
  state: VideoPlayerStudioState,
  origin: string,
  tag = SAMPLE_TAG,
): string | undefined {
  const cloudName = state.cloudName.trim();
  if (!cloudName || !tag) return undefined;
  return buildUrl(tag, {
    cloudName,
    baseUrl: serverOf(state, origin),
    resourceType: 'video',
    type: 'list',
    format: 'json',
    forceVersion: false,
  });
}

/** The public ids in a tag list response, sorted; none when it is not one. */
export function publicIdsOfTagList(body: unknown): string[] {
  const resources = (body as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) return [];
  const ids = resources.flatMap((resource) => {
    const id = (resource as { public_id?: unknown } | null)?.public_id;
    return typeof id === 'string' && id !== '' ? [id] : [];
  });
  return [...new Set(ids)].sort();
}

function textTracksOf(state: VideoPlayerStudioState, origin: string): TextTracksOption | undefined {
  const en = rawAssetUrl(state, origin, SAMPLE_TRACKS.captionsEn);
  const fr = rawAssetUrl(state, origin, SAMPLE_TRACKS.captionsFr);
  if (!state.captions || !en || !fr) return undefined;
  return {
    captions: { label: 'English', language: 'en', url: en, default: true },
    subtitles: [{ label: 'Français', language: 'fr', url: fr }],
  };
}

/** Every option the state stands for, by element property name; undefined where unset. */
export function playerOptions(
  state: VideoPlayerStudioState,
  origin: string,
): Record<string, SnippetValue | undefined> {
  const text = (value: string) => value.trim() || undefined;
  const colors = Object.fromEntries(
    COLOR_KEYS.flatMap((key) => (state.colors[key] ? [[key, state.colors[key]]] : [])),
  ) as PlayerColors;
  const logoUrl = state.logoUrl.trim();
  const logoLink = state.logoLink.trim();
  const textTracks = textTracksOf(state, origin);
  return {
    apiBase: serverOf(state, origin),
    cloudName: state.cloudName.trim(),
    publicId: text(state.publicId),
    playlistByTag: text(state.playlistTag),
    sourceTypes: [...state.sourceTypes],
    transformation: text(state.transformation),
    poster: text(state.poster),
    textTracks: textTracks as SnippetValue | undefined,
    chapters: state.chapters ? rawAssetUrl(state, origin, SAMPLE_TRACKS.chapters) : undefined,
    chaptersButton: state.chaptersButton,
    seekThumbnails: state.seekThumbnails,
    playbackRates: [...state.playbackRates],
    showJumpControls: state.showJumpControls,
    pictureInPictureToggle: state.pictureInPictureToggle,
    noControls: !state.controls,
    hideControls: [...state.hideControls],
    autoplayMode: state.autoplayMode,
    loop: state.loop,
    muted: state.muted,
    floatingWhenNotVisible: state.floatingWhenNotVisible,
    videoTitle: text(state.title),
    videoSubtitle: text(state.subtitle),
    videoDescription: text(state.description),
    colors: Object.keys(colors).length > 0 ? (colors as SnippetValue) : undefined,
    fontFace: text(state.fontFace),
    logo: logoUrl ? { imageUrl: logoUrl, ...(logoLink ? { onClickUrl: logoLink } : {}) } : undefined,
    lang: state.lang,
    theme: state.theme,
  };
}

/** What the code generator needs, for the state as it is. */
export function describePlayer(state: VideoPlayerStudioState, origin: string): ElementDescription {
  return {
    tag: 'kumo-video-player',
    packageName: '@kumo/video-player',
    react: { component: 'KumoVideoPlayer', packageName: '@kumo/react' },
    serverUrl: serverOf(state, origin),
    optionSpecs: OPTION_SPECS,
    options: playerOptions(state, origin),
    defaults: PLAYER_DEFAULTS,
    events: PLAYER_EVENTS.filter((event) => state.events.includes(event.name)),
    // Cloudinary's shape: `videoPlayer('player', options)`, then `player.on(name, handler)`.
    embed: {
      factory: 'videoPlayer',
      instance: 'player',
      events: 'on',
      container: { tag: 'kumo-video-player', id: 'player' },
    },
  };
}

/**
 * The properties to set on a fresh element so it matches the generated code: exactly the options
 * the code mentions, nothing else.
 */
export function previewProperties(
  state: VideoPlayerStudioState,
  origin: string,
): Record<string, SnippetValue> {
  return Object.fromEntries(
    nonDefaultOptions(describePlayer(state, origin)).map(({ property, value }) => [property, value]),
  );
}

// --- The URL hash ---------------------------------------------------------------------------------

type ScalarKey = {
  [K in keyof VideoPlayerStudioState]-?: VideoPlayerStudioState[K] extends string | boolean ? K : never;
}[keyof VideoPlayerStudioState];

/** Hash parameter names for the scalar fields, in the order they are written. */
const SCALAR_PARAMS: readonly (readonly [ScalarKey, string])[] = [
  ['server', 'server'],
  ['cloudName', 'cloud'],
  ['publicId', 'id'],
  ['playlistTag', 'playlist'],
  ['transformation', 'tx'],
  ['poster', 'poster'],
  ['captions', 'captions'],
  ['chapters', 'chapters'],
  ['chaptersButton', 'chapters-menu'],
  ['seekThumbnails', 'thumbnails'],
  ['showJumpControls', 'jump'],
  ['pictureInPictureToggle', 'pip'],
  ['controls', 'controls'],
  ['autoplayMode', 'autoplay'],
  ['loop', 'loop'],
  ['muted', 'muted'],
  ['floatingWhenNotVisible', 'floating'],
  ['title', 'title'],
  ['subtitle', 'subtitle'],
  ['description', 'description'],
  ['fontFace', 'font'],
  ['logoUrl', 'logo'],
  ['logoLink', 'logo-link'],
  ['lang', 'lang'],
  ['theme', 'theme'],
];

const LIST_PARAMS = [
  ['sourceTypes', 'source'],
  ['playbackRates', 'rate'],
  ['hideControls', 'hide'],
  ['events', 'event'],
] as const;

function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The state as a URL hash (without `#`): only what differs from the defaults, in a fixed order. */
export function stateToHash(state: VideoPlayerStudioState): string {
  const params = new URLSearchParams();
  for (const [key, name] of SCALAR_PARAMS) {
    const value = state[key];
    if (value === DEFAULT_STATE[key]) continue;
    params.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : value);
  }
  for (const [key, name] of LIST_PARAMS) {
    const list: readonly (string | number)[] = state[key];
    if (sameList(list, DEFAULT_STATE[key])) continue;
    // A lone empty value stands for an empty list, which differs from a default that has items.
    if (list.length === 0) params.append(name, '');
    for (const item of list) params.append(name, String(item));
  }
  for (const key of COLOR_KEYS) {
    const colour = state.colors[key];
    if (colour) params.set(`color.${key}`, colour);
  }
  return params.toString();
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Positive speeds, ascending, without repeats. */
export function normalizeRates(rates: readonly number[]): number[] {
  return [...new Set(rates.filter((rate) => Number.isFinite(rate) && rate > 0))].sort((a, b) => a - b);
}

/** Speeds typed as `0.5, 1, 1.5` (commas or spaces); anything that is not a positive number is dropped. */
export function parseRates(text: string): number[] {
  return normalizeRates(
    text
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  );
}

export function formatRates(rates: readonly number[]): string {
  return rates.join(', ');
}

/** Source types in the order the player tries them, without repeats; the default when none is left. */
export function normalizeSourceTypes(types: readonly string[]): SourceTypeChoice[] {
  const kept = SOURCE_TYPE_CHOICES.filter((type) => types.includes(type));
  return kept.length > 0 ? kept : [...DEFAULT_STATE.sourceTypes];
}

/** The state a hash describes; anything missing or malformed takes its default. */
export function stateFromHash(hash: string): VideoPlayerStudioState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (name: string, fallback: string) => params.get(name) ?? fallback;
  const flag = (name: string, fallback: boolean) => (params.has(name) ? params.get(name) === '1' : fallback);
  const list = (name: string, fallback: readonly string[]) =>
    params.has(name) ? params.getAll(name).filter((item) => item !== '') : fallback;

  const colors: Partial<Record<ColorKey, string>> = {};
  for (const key of COLOR_KEYS) {
    const colour = params.get(`color.${key}`);
    if (colour && HEX_COLOUR.test(colour)) colors[key] = colour.toLowerCase();
  }
  const hidden = list('hide', []);
  const d = DEFAULT_STATE;
  return {
    server: text('server', d.server),
    cloudName: text('cloud', d.cloudName),
    publicId: text('id', d.publicId),
    sourceTypes: normalizeSourceTypes(list('source', d.sourceTypes)),
    transformation: text('tx', d.transformation),
    poster: text('poster', d.poster),
    captions: flag('captions', d.captions),
    chapters: flag('chapters', d.chapters),
    chaptersButton: flag('chapters-menu', d.chaptersButton),
    seekThumbnails: flag('thumbnails', d.seekThumbnails),
    playbackRates: params.has('rate') ? normalizeRates(list('rate', []).map(Number)) : d.playbackRates,
    showJumpControls: flag('jump', d.showJumpControls),
    pictureInPictureToggle: flag('pip', d.pictureInPictureToggle),
    controls: flag('controls', d.controls),
    hideControls: CONTROL_NAMES.filter((name) => hidden.includes(name)),
    autoplayMode: oneOf(AUTOPLAY_MODES, params.get('autoplay'), d.autoplayMode),
    loop: flag('loop', d.loop),
    muted: flag('muted', d.muted),
    floatingWhenNotVisible: oneOf(FLOATING_POSITIONS, params.get('floating'), d.floatingWhenNotVisible),
    title: text('title', d.title),
    subtitle: text('subtitle', d.subtitle),
    description: text('description', d.description),
    colors,
    fontFace: text('font', d.fontFace),
    logoUrl: text('logo', d.logoUrl),
    logoLink: text('logo-link', d.logoLink),
    playlistTag: text('playlist', d.playlistTag),
    lang: oneOf(LANGUAGES, params.get('lang'), d.lang),
    theme: oneOf(THEMES, params.get('theme'), d.theme),
    events: list('event', d.events).filter((name) => EVENT_NAMES.includes(name)),
  };
}
