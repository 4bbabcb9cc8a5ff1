/** Which cropping view is up: the built-in one while Cropper.js loads (or if it cannot), or Cropper.js. */
export const CROP_ENGINES = ['basic', 'cropper'] as const;
export type CropEngine = (typeof CROP_ENGINES)[number];
