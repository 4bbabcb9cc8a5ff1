export { type BreakpointOptions, breakpoints } from './breakpoints.js';
export {
  PLACEHOLDER_MODES,
  type PlaceholderMode,
  type PlaceholderOptions,
  placeholderTransformation,
  placeholderUrl,
} from './placeholder.js';
export { breakpointSizes, type SizesRule, sizes } from './sizes.js';
export { type DprSrcsetOptions, dprSrcset, type SrcsetOptions, srcset } from './srcset.js';
