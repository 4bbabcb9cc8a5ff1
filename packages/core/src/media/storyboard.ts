import type { Component } from '../transformation/index.js';
import { appendTransformation } from '../url/append-transformation.js';
import { buildUrl } from '../url/build.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import type { VideoUrlOptions } from './video-options.js';

// Kumo's own URL form (docs/decisions/0003-storyboard-urls.md): a component
// `e_storyboard:<columns>:<count>,w_<tile width>[,h_<tile height>]` on a video, delivered as an
// image (the sprite) or as `.vtt` (WebVTT cues pointing into that sprite).

/** Shape of the storyboard sprite. */
export interface StoryboardLayout {
  /** Tiles per sprite row; default 10. */
  columns?: number;
  /** Number of frames, spread evenly over the video; default 100. */
  count?: number;
  /** Width of one tile in pixels; default 160. */
  tileWidth?: number;
  /** Height of one tile; default keeps the video's aspect ratio. */
  tileHeight?: number;
}

/** Options of the storyboard URLs. */
export interface StoryboardOptions extends Omit<VideoUrlOptions, 'format'>, StoryboardLayout {
  /** Sprite image format; default `jpg`. */
  spriteFormat?: string;
}

function whole(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new DeliveryUrlError(
      'invalid_option',
      `storyboard ${name} must be an integer from 1 to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/** The storyboard component for the given options. */
export function storyboardComponent(options: StoryboardLayout = {}): Component {
  const columns = whole('columns', options.columns ?? 10, 100);
  const count = whole('count', options.count ?? 100, 10_000);
  const width = whole('tileWidth', options.tileWidth ?? 160, 4096);
  const height = options.tileHeight === undefined ? undefined : whole('tileHeight', options.tileHeight, 4096);
  return {
    effect: { name: 'storyboard', args: [columns, count] },
    width,
    ...(height !== undefined && { height }),
  };
}

function storyboard(publicId: string, options: StoryboardOptions, format: string): string {
  if (options == null || typeof options !== 'object')
    throw new DeliveryUrlError('invalid_option', 'Storyboard options must be an object');
  const { columns, count, tileWidth, tileHeight, spriteFormat, transformation, ...urlOptions } = options;
  const component = storyboardComponent({
    ...(columns !== undefined && { columns }),
    ...(count !== undefined && { count }),
    ...(tileWidth !== undefined && { tileWidth }),
    ...(tileHeight !== undefined && { tileHeight }),
  });
  return buildUrl(publicId, {
    ...urlOptions,
    resourceType: 'video',
    format,
    transformation: appendTransformation(transformation, component),
  });
}

/** The storyboard sprite: `count` frames in a grid `columns` wide, e.g. `…/e_storyboard:10:100,w_160/dog.jpg`. */
export function storyboardSpriteUrl(publicId: string, options: StoryboardOptions): string {
  return storyboard(publicId, options, options?.spriteFormat ?? 'jpg');
}

/** The WebVTT file whose cues map time ranges to tiles of the sprite (`…/e_storyboard:10:100,w_160/dog.vtt`). */
export function storyboardVttUrl(publicId: string, options: StoryboardOptions): string {
  return storyboard(publicId, options, 'vtt');
}
