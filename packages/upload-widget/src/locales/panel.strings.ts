import { plural, uploadTable } from '../part-kit.js';

/** The widget's panel: its titles, action buttons and notices. */
export const panelEnglish = {
  title: 'Upload files',
  close: 'Close',
  minimize: 'Minimize',
  back: 'Back to the upload queue',
  dismiss: 'Dismiss',
  'queue.title': 'Upload queue',
  'queue.title_uploading_with_counter': ({ count }: { count: number }) =>
    plural('en', count, { one: 'Uploading # file', other: 'Uploading # files' }),
  'queue.title_done': 'Upload complete',
  'queue.title_failed': ({ count }: { count: number }) =>
    plural('en', count, { one: '# upload failed', other: '# uploads failed' }),
  'queue.retry_failed': 'Retry failed',
  'queue.abort_all': 'Cancel all',
  'queue.upload_more': 'Upload more',
  'queue.done': 'Done',
  'crop.title': 'Crop the image',
};

export const panelStrings = uploadTable(panelEnglish);
