/**
 * Option names and unions of `<kumo-video-player>`. Names are the camelCase forms of the Cloudinary
 * video player's options where one exists, so `cloudinary.videoPlayer(id, options)` maps onto
 * `VideoPlayerOptions` by renaming only a few keys (`info.title` → `videoTitle`, `logoImageUrl` →
 * `logo.imageUrl`).
 */

/** Delivery forms the player may try for a public id, in the order given. */
export const SOURCE_TYPES = ['hls', 'mp4', 'webm'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** When playback starts by itself: never, at once (muted), or when half the player is in view (muted). */
export const AUTOPLAY_MODES = ['never', 'always', 'on-scroll'] as const;
export type AutoplayMode = (typeof AUTOPLAY_MODES)[number];

/** Where the mini-player floats while the player is scrolled out of view. */
export const FLOATING_POSITIONS = ['none', 'left', 'right'] as const;
export type FloatingPosition = (typeof FLOATING_POSITIONS)[number];

/** The native `preload` hint. */
export const PRELOAD_VALUES = ['auto', 'metadata', 'none'] as const;
export type Preload = (typeof PRELOAD_VALUES)[number];

/** Controls that `hideControls` can remove by name. */
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
] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

/** One caption or subtitle file (WebVTT or SRT); `url` may be a raw-asset delivery URL. */
export interface TextTrackOption {
  /** Menu label, e.g. "English". Defaults to the language's name. */
  label?: string;
  /** BCP 47 language tag of the text, e.g. `en`. */
  language?: string;
  /** Where the WebVTT (or SRT) file is. */
  url: string;
  /** Show this track from the start. */
  default?: boolean;
}

/** Text tracks of a source, shaped like the Cloudinary player's `textTracks` source option. */
export interface TextTracksOption {
  /** The captions track. */
  captions?: TextTrackOption;
  /** Further subtitle tracks. */
  subtitles?: readonly TextTrackOption[];
  /** A chapters WebVTT file: each cue is a chapter, its text the chapter's title. */
  chapters?: { url: string };
}

/**
 * Chapters of a source: the URL of a chapters WebVTT file, `true` to take them from
 * `textTracks.chapters`, or a map of start times in seconds to titles (`{ 0: 'Intro', 42: 'Demo' }`).
 */
export type ChaptersOption = string | boolean | Readonly<Record<number, string>>;

/** The three player colours of the Cloudinary skin. */
export interface PlayerColors {
  /** Background of the control bar and menus. */
  base?: string;
  /** Progress, focus rings and selected items. */
  accent?: string;
  /** Text and icons. */
  text?: string;
}

/** A logo shown in the control bar. */
export interface PlayerLogo {
  /** Image URL. */
  imageUrl: string;
  /** Page opened (in a new tab) when the logo is clicked. */
  onClickUrl?: string;
}

/** How the poster is made when `poster` is not given. */
export interface PosterOptions {
  /** Take the poster from another video public id. */
  publicId?: string;
  /** Transformation string applied to the poster frame (after `transformation`). */
  transformation?: string;
  /** Frame offset: seconds, `'35p'` or `'auto'`; the server's default frame otherwise. */
  offset?: number | string;
  /** A plain background colour instead of an image. */
  posterColor?: string;
}

/** One playable item: the player's own source, a `source()` call, or a playlist entry. */
export interface VideoSource {
  /** Public id of a video on the Kumo (or Cloudinary-compatible) server. */
  publicId?: string;
  /** An explicit media URL (`.m3u8`, `.mp4`…); used instead of `publicId`. */
  src?: string;
  /** Title shown over the video and in the up-next card. */
  title?: string;
  /** Second line under the title. */
  subtitle?: string;
  /** Longer text under the title. */
  description?: string;
  /** Poster URL; built from the public id when omitted. */
  poster?: string;
  /** How the poster is made when `poster` is not given. */
  posterOptions?: PosterOptions;
  /** Transformation string applied to every rendition, the poster and the storyboard. */
  transformation?: string;
  /** Delivery forms to try, in order. */
  sourceTypes?: readonly SourceType[];
  /** Captions, subtitles and chapters files. */
  textTracks?: TextTracksOption;
  /** Chapters: URL, `true` (from `textTracks.chapters`) or a map of start seconds to titles. */
  chapters?: ChaptersOption;
}

/** `autoAdvance`: seconds to wait after `ended` before the next playlist item, or `false` to stop. */
export type AutoAdvance = number | false;

/**
 * Every option of `<kumo-video-player>` as one camelCase object (the element's properties). The
 * `update(options)` method and `kumo.videoPlayer(el, options)` of @kumo/embed take a partial one.
 */
export interface VideoPlayerOptions {
  /** Origin of the Kumo server, e.g. `https://media.example.com`; `''` means the page's origin. */
  apiBase: string;
  /** Cloud (account) name used in delivery URLs. */
  cloudName: string;
  /** Public id of the video to play. */
  publicId: string | undefined;
  /** An explicit media URL, used instead of `publicId`. */
  src: string | undefined;
  /** Delivery forms to try for `publicId`, in order; default `['hls', 'mp4']`. */
  sourceTypes: readonly SourceType[];
  /** Transformation string applied to every rendition, the poster and the storyboard. */
  transformation: string | undefined;
  /** Poster URL; built from the public id (middle frame) when omitted. */
  poster: string | undefined;
  /** How the poster is built when `poster` is not given. */
  posterOptions: PosterOptions | undefined;
  /** Captions, subtitles and chapters files. */
  textTracks: TextTracksOption | undefined;
  /** Chapters: a WebVTT URL, `true` (from `textTracks.chapters`) or a map of seconds to titles. */
  chapters: ChaptersOption | undefined;
  /** Storyboard thumbnails over the seek bar (Kumo servers only); default true. */
  seekThumbnails: boolean;
  /** Speeds offered by the rate menu; empty hides the menu. */
  playbackRates: readonly number[];
  /** Shows the 10-second back and forward buttons. */
  showJumpControls: boolean;
  /** Shows the chapters menu button when the source has chapters. */
  chaptersButton: boolean;
  /** Shows the picture-in-picture button where the browser supports it. */
  pictureInPictureToggle: boolean;
  /** Controls to leave out, by name. */
  hideControls: readonly ControlName[];
  /** Hides the whole control bar (the keyboard shortcuts still work). */
  noControls: boolean;
  /** When playback starts by itself. */
  autoplayMode: AutoplayMode;
  /** Start again at the end. */
  loop: boolean;
  /** Start muted. */
  muted: boolean;
  /** The native `preload` hint. */
  preload: Preload;
  /** Floats a mini-player in a corner while the player is scrolled out of view. */
  floatingWhenNotVisible: FloatingPosition;
  /** Title shown over the video (`info.title` in Cloudinary; `title` is the host's tooltip). */
  videoTitle: string | undefined;
  /** Subtitle line under the title. */
  videoSubtitle: string | undefined;
  /** Description under the title. */
  videoDescription: string | undefined;
  /** Skin colours, written to `--kumo-video-player-base`, `-accent` and `-text`. */
  colors: PlayerColors | undefined;
  /** Font family of the controls and overlays; `inherit` takes the page's. */
  fontFace: string | undefined;
  /** A logo in the control bar. */
  logo: PlayerLogo | undefined;
  /** Items to play one after another; the player's own source is ignored while it is set. */
  playlist: readonly VideoSource[] | undefined;
  /** Builds the playlist from the server's tag list (`/{cloud}/video/list/{tag}.json`). */
  playlistByTag: string | undefined;
  /** Seconds to wait after an item ends before playing the next, or `false` to stop. Default 0. */
  autoAdvance: AutoAdvance;
  /** Start the playlist again after its last item. */
  repeat: boolean;
  /** Seconds before the end of an item at which the up-next card shows; 0 hides it. Default 10. */
  presentUpcoming: number;
  /** URL that receives batched analytics events (`navigator.sendBeacon`, else `fetch` keepalive). */
  beaconUrl: string | undefined;
}
