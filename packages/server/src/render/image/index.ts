export { RenderError } from './render-error.js';
export type { RenderEngineOptions } from './render-image.js';
export { DEFAULT_LIMITS, renderImage } from './render-image.js';
export type { ClientHints, RenderContext, RenderLimits, RenderResult } from './render-types.js';
