import type { UploadWidgetStudioState } from '../upload-widget/upload-widget-state.js';

/**
 * The crop step's extras and the widget's behaviour while uploading, as the studio's form sets them
 * and as the element then has them (the same names and values): shared by the state tests and the
 * end-to-end flavour tests.
 */
export const BEHAVIOUR_OPTIONS = {
  singleUploadAutoClose: true,
  cropping: true,
  croppingAspectRatios: [1, 4 / 3, 16 / 9],
  croppingMode: 'apply',
  showSkipCropButton: true,
  showAdvancedOptions: true,
  parallelUploads: 2,
  autoMinimize: true,
} as const satisfies Partial<UploadWidgetStudioState>;

/** The events that come with those options. */
export const BEHAVIOUR_EVENTS = ['kumo-public-id-changed', 'kumo-tags-changed', 'kumo-show-completed'];
