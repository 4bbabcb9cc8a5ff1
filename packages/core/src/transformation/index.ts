export {
  BUILT_IN_VARIABLES,
  isExpression,
  isNumberToken,
  isUserVariableName,
  normalizeExpression,
  PREDEFINED_VARIABLES,
  toScalar,
} from './expression.js';
export {
  decodeFetchUrl,
  decodeLayerText,
  LayerSyntaxError,
  parseLayer,
  parseTextStyle,
} from './layer-read.js';
export { encodeFetchUrl, encodeLayerText, serializeLayer, serializeTextStyle } from './layer-write.js';
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
export { PARAM_KEYS, type ParamField } from './param-keys.js';
export {
  canonicalizeTransformation,
  isTransformationSegment,
  parseTransformation,
  TransformationParseError,
} from './parse.js';
export { TRANSFORMATION_KEYS } from './read-params.js';
export {
  assembleComponent,
  serializeComponent,
  serializeTransformation,
  TransformationError,
} from './serialize.js';
