export { type FfmpegTools, findFfmpegTools } from './ffmpeg-tools.js';
export {
  type EncodeHlsOptions,
  encodeHls,
  type HlsRenditionResult,
  type HlsResult,
} from './hls-encode.js';
export { type HlsRendition, type HlsRung, hlsLadder, STREAMING_LADDERS } from './hls-ladder.js';
export { type HlsMeasurement, measureHls } from './measure-hls.js';
export { OUTPUT_FORMATS, X26X_PRESETS, type X26xPreset } from './output-formats.js';
export { type PosterFrameOptions, type PosterFrameResult, posterFrame } from './poster-frame.js';
export { type ProcessOptions, probeVideo, type VideoInfo } from './probe-video.js';
export { type StoryboardOptions, type StoryboardResult, storyboard, storyboardVtt } from './storyboard.js';
export { makeSyntheticVideo, type SyntheticVideo } from './synthetic-video.js';
export { type TranscodeOptions, type TranscodeResult, transcodeVideo } from './transcode-video.js';
export { VIDEO_EFFECTS } from './video-effects.js';
export { VideoRenderError, VideoUnavailableError } from './video-errors.js';
export { DEFAULT_VIDEO_LIMITS, type VideoLimits } from './video-plan.js';
