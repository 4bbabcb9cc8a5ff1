export { type FrameOffset, frameOffset, type PosterOptions, posterUrl } from './poster.js';
export {
  type StoryboardLayout,
  type StoryboardOptions,
  storyboardComponent,
  storyboardSpriteUrl,
  storyboardVttUrl,
} from './storyboard.js';
export {
  dashUrl,
  hlsUrl,
  STREAMING_PROFILES,
  type StreamingOptions,
  type StreamingProfile,
} from './streaming.js';
export type { VideoUrlOptions } from './video-options.js';
