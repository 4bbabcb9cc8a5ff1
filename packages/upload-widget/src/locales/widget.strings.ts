import { plural } from '@kumo/ui/localize/plural';
import { uploadTable } from './string-table.js';

/** The widget itself and the parts it needs to open: sources, "My files", queue titles and announcements. */
export const widgetEnglish = {
  button_caption: 'Upload files',
  title: 'Upload files',
  close: 'Close',
  minimize: 'Minimize',
  back: 'Back to the upload queue',
  or: 'or',
  dismiss: 'Dismiss',
  'menu.label': 'Upload from',
  'menu.files': 'My files',
  'menu.web': 'Web address',
  'menu.camera': 'Camera',
  'local.browse': 'Browse',
  'local.input_label': 'Choose files to upload',
  'local.dd_title_single': 'Drag and drop a file here',
  'local.dd_title_multi': 'Drag and drop files or folders here',
  'local.drop_title_single': 'Drop the file to upload it',
  'local.drop_title_multiple': 'Drop the files to upload them',
  'local.paste_hint': 'You can also paste a file you copied.',
  'local.max_size': ({ size }: { size: string }) => `Up to ${size} per file.`,
  'local.formats': ({ formats }: { formats: string }) => `Allowed formats: ${formats}.`,
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
  'queue.announce_progress': ({ percent }: { percent: string }) => `Uploading, ${percent} done`,
  'queue.announce_done': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file uploaded', other: '# files uploaded' }),
  'queue.announce_added': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file added', other: '# files added' }),
  'queue.announce_restored': ({ count }: { count: number }) =>
    plural('en', count, { one: 'Resuming # unfinished upload', other: 'Resuming # unfinished uploads' }),
  'crop.title': 'Crop the image',
  'errors.file_failed': ({ name, message }: { name: string; message: string }) =>
    `“${name}” failed: ${message}`,
  'form.value_missing': 'Upload at least one file.',
};

export const widgetStrings = uploadTable(widgetEnglish);
export type WidgetStrings = typeof widgetEnglish;
