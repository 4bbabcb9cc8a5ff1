export {
  BUILT_IN_VARIABLES,
  isExpression,
  isNumberToken,
  isUserVariableName,
  normalizeExpression,
  PREDEFINED_VARIABLES,
} from './expression.js';
export {
  decodeFetchUrl,
  decodeLayerText,
  encodeFetchUrl,
  encodeLayerText,
  LayerSyntaxError,
  parseLayer,
  parseTextStyle,
  serializeLayer,
  serializeTextStyle,
} from './layer.js';
export type {
  Component,
  CropMode,
  Effect,
  Gravity,
  Layer,
  Scalar,
  TextStyle,
  Transformation,
  VideoCodec,
} from './model.js';
export { COMPASS_GRAVITIES, CROP_MODES, FONT_WEIGHTS, TEXT_ALIGNMENTS, TEXT_DECORATIONS } from './model.js';
export { TRANSFORMATION_KEYS } from './params.js';
export {
  canonicalizeTransformation,
  isTransformationSegment,
  parseTransformation,
  TransformationParseError,
} from './parse.js';
export { assembleComponent, serializeComponent, serializeTransformation, TransformationError } from './serialize.js';
