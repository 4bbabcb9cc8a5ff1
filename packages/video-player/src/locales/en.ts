import { plural } from '@kumo/ui';

/**
 * The video player's strings in English: the source of truth for keys and shapes. Other locales
 * are typed `Translation<typeof en>` and load on demand.
 */
const en = {
  player: 'Video player',
  play: 'Play',
  pause: 'Pause',
  replay: 'Replay',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  seek: 'Seek',
  /** Spoken value of the seek slider: "1 minute, 5 seconds of 4 minutes". */
  seekValue: (current: string, duration: string) => `${current} of ${duration}`,
  /** The current time and the duration, read as one label. */
  timeLabel: (current: string, duration: string) => `Elapsed ${current}, duration ${duration}`,
  playbackSpeed: 'Playback speed',
  normalSpeed: 'Normal',
  quality: 'Quality',
  auto: 'Auto',
  /** The auto entry while a level plays: "Auto (720p)". */
  autoWithLevel: (level: string) => `Auto (${level})`,
  captions: 'Subtitles/closed captions',
  captionsOff: 'Off',
  captionSize: 'Caption size',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  chapters: 'Chapters',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pip: 'Picture in picture',
  exitPip: 'Exit picture in picture',
  jumpBack: (seconds: number) => plural('en', seconds, { one: 'Back # second', other: 'Back # seconds' }),
  jumpForward: (seconds: number) =>
    plural('en', seconds, { one: 'Forward # second', other: 'Forward # seconds' }),
  upNext: 'Up next',
  playingIn: (seconds: number) =>
    plural('en', seconds, { one: 'Playing in # second', other: 'Playing in # seconds' }),
  playNow: 'Play now',
  cancel: 'Cancel',
  nextVideo: 'Next video',
  previousVideo: 'Previous video',
  closeMiniPlayer: 'Close mini player',
  loading: 'Loading…',
  buffering: 'Buffering…',
  errorNotFound: 'This video could not be found.',
  errorNetwork: 'The video could not be loaded. Check your connection and try again.',
  errorUnsupported: 'This video cannot be played in this browser.',
  errorDecode: 'The video is damaged and could not be played.',
  errorAborted: 'Loading the video was stopped.',
  errorUnknown: 'The video could not be played.',
  errorNoSource: 'There is no video to play.',
  /** Technical status shown under the message: "Error 404". */
  errorCode: (status: number) => `Error ${status}`,
  retry: 'Try again',
  playing: 'Playing',
  paused: 'Paused',
  ended: 'Ended',
  muted: 'Muted',
  unmuted: 'Unmuted',
  volumeLevel: (percent: string) => `Volume ${percent}`,
  speedLevel: (rate: string) => `Speed ${rate}`,
  qualityLevel: (level: string) => `Quality ${level}`,
  captionsOn: (label: string) => `Captions: ${label}`,
  captionsTurnedOff: 'Captions off',
  seekedTo: (time: string) => `Jumped to ${time}`,
  chapterStarted: (title: string) => `Chapter: ${title}`,
  nowPlaying: (title: string) => `Now playing: ${title}`,
  untitled: 'Untitled video',
};

export default en;
