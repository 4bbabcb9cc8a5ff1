/**
 * The transformation model: a chain of components, each an object of typed parameters.
 *
 * A component is order-free: the serializer always writes its parameters in Cloudinary's canonical
 * order (condition, variables, then `key_value` pairs sorted as strings, then raw text), which is what
 * the official SDKs emit and what the server uses as its derived-cache key.
 */

/** A number, or a string for anything else: expressions (`iw_mul_0.5`), keywords (`auto`), literals (`1.0`). */
export type Scalar = number | string;

export const CROP_MODES = [
  'scale',
  'fit',
  'limit',
  'mfit',
  'fill',
  'lfill',
  'pad',
  'lpad',
  'mpad',
  'fill_pad',
  'crop',
  'thumb',
  'auto',
  'auto_pad',
  'imagga_crop',
  'imagga_scale',
] as const;
/** Crop and resize modes (`c_…`). */
export type CropMode = (typeof CROP_MODES)[number];

export const COMPASS_GRAVITIES = [
  'north_west',
  'north',
  'north_east',
  'west',
  'center',
  'east',
  'south_west',
  'south',
  'south_east',
] as const;
/** Gravity (`g_…`): a compass point, `xy_center`, `auto[:focus]`, `face`, `custom`, object names… */
export type Gravity =
  | (typeof COMPASS_GRAVITIES)[number]
  | 'xy_center'
  | 'auto'
  | 'face'
  | 'faces'
  | (string & {});

/** An effect (`e_name:arg:arg`), e.g. `{ name: 'sepia', args: [50] }`. */
export interface Effect {
  readonly name: string;
  readonly args?: readonly Scalar[];
}

export const FONT_WEIGHTS = ['bold', 'thin', 'light', 'semibold', 'extrabold', 'black', 'medium'] as const;
export const TEXT_ALIGNMENTS = ['left', 'center', 'right', 'justify', 'start', 'end'] as const;
export const TEXT_DECORATIONS = ['underline', 'strikethrough'] as const;

/** Font options of a text or subtitles layer (`Arial_18_bold_italic_letter_spacing_4`). */
export interface TextStyle {
  readonly fontFamily: string;
  readonly fontSize: Scalar;
  readonly fontWeight?: (typeof FONT_WEIGHTS)[number];
  readonly fontStyle?: 'italic';
  readonly textDecoration?: (typeof TEXT_DECORATIONS)[number];
  readonly textAlign?: (typeof TEXT_ALIGNMENTS)[number];
  readonly stroke?: boolean;
  readonly letterSpacing?: Scalar;
  readonly lineSpacing?: Scalar;
  readonly fontHinting?: string;
  readonly fontAntialias?: string;
}

/** The asset drawn by an overlay (`l_…`) or underlay (`u_…`). */
export type Layer =
  | {
      readonly kind: 'asset';
      /** Public id, folders separated by `/` (written as `:` in the URL), extension included if any. */
      readonly publicId: string;
      readonly resourceType?: 'image' | 'video' | 'raw';
      readonly type?: 'upload' | 'private' | 'authenticated';
    }
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Font options, or the name of a user variable holding them (`$style`). */
      readonly style?: TextStyle | `$${string}`;
    }
  | { readonly kind: 'subtitles'; readonly publicId: string; readonly style?: TextStyle }
  | { readonly kind: 'fetch'; readonly url: string; readonly resourceType?: 'image' | 'video' };

/** A video codec with optional profile and level (`vc_h264:baseline:3.1`). */
export interface VideoCodec {
  readonly codec: string;
  readonly profile?: string;
  readonly level?: Scalar;
}

/** One component of a transformation chain (the text between two `/`). */
export interface Component {
  /** Condition (`if_w_lt_200`), already in URL form; `else` and `end` close a conditional block. */
  readonly if?: string;
  /** User variables defined in this component, in order: `[['$size', 200]]` → `$size_200`. */
  readonly variables?: ReadonlyArray<readonly [name: `$${string}`, value: Scalar]>;
  readonly angle?: Scalar | readonly Scalar[];
  readonly aspectRatio?: Scalar;
  readonly audioCodec?: string;
  readonly audioFrequency?: Scalar;
  readonly background?: string;
  readonly baseline?: string;
  readonly bitRate?: Scalar;
  readonly border?: string;
  readonly color?: string;
  readonly colorSpace?: string;
  readonly crop?: CropMode;
  readonly customFunction?: string;
  readonly defaultImage?: string;
  readonly delay?: Scalar;
  readonly density?: Scalar;
  readonly dpr?: Scalar;
  readonly duration?: Scalar;
  readonly effect?: Effect;
  readonly endOffset?: Scalar;
  readonly flags?: readonly string[];
  readonly format?: string;
  readonly fps?: Scalar;
  readonly gravity?: Gravity;
  readonly height?: Scalar;
  readonly keyframeInterval?: Scalar;
  readonly namedTransformation?: string | readonly string[];
  readonly opacity?: Scalar;
  readonly overlay?: Layer;
  readonly page?: Scalar;
  readonly prefix?: string;
  readonly quality?: Scalar;
  readonly radius?: Scalar | readonly Scalar[];
  readonly startOffset?: Scalar;
  readonly streamingProfile?: string;
  readonly underlay?: Layer;
  readonly videoCodec?: string | VideoCodec;
  readonly videoSampling?: Scalar;
  readonly width?: Scalar;
  readonly x?: Scalar;
  readonly y?: Scalar;
  readonly zoom?: Scalar;
  /** Text appended to the component verbatim (the SDKs' `raw_transformation`). */
  readonly raw?: string;
}

/** A chain of components applied left to right. */
export type Transformation = readonly Component[];
