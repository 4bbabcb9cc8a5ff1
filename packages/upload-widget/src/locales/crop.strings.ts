import { uploadTable } from '../part-kit.js';

/** The crop step (its title is the widget's). */
export const cropEnglish = {
  'crop.crop_btn': 'Crop and upload',
  'crop.skip_btn': 'Upload without cropping',
  'crop.reset_btn': 'Reset',
  'crop.aspect_ratio': 'Aspect ratio',
  'crop.free': 'Free',
  'crop.move': 'Move the crop area',
  'crop.move_hint': 'Arrow keys move the crop area; Shift with the arrow keys resizes it.',
  'crop.shrink': 'Smaller',
  'crop.grow': 'Larger',
  'crop.loading': 'Loading the cropping tool…',
  'crop.selection': ({ width, height }: { width: number; height: number }) =>
    `Crop area ${width} × ${height} pixels`,
};

export const cropStrings = uploadTable(cropEnglish);
