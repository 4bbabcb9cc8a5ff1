import { plural } from '@kumo/ui';

/**
 * The upload widget's strings in English: the source of every key and of each term's shape.
 * Keys follow Cloudinary's `text` names where it has one (`local.browse`, `queue.retry_failed`), so
 * existing `text` overrides carry over. Terms with values take one object, whose names are also the
 * `{{name}}` placeholders an override string may use.
 */
const en = {
  button_caption: 'Upload files',
  title: 'Upload files',
  close: 'Close',
  minimize: 'Minimize',
  expand: 'Show uploads',
  back: 'Back to the upload queue',
  or: 'or',
  dismiss: 'Dismiss',
  advanced: 'Advanced options',
  'advanced.public_id': 'Public ID',
  'advanced.tags': 'Tags',
  'advanced.tags_hint': 'Separate tags with commas.',
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
  'url.label': 'Web address of the file',
  'url.hint': 'The server downloads the file from this address.',
  'url.upload': 'Upload',
  'url.invalid': 'Enter a full web address starting with http:// or https://.',
  'camera.preview': 'Camera preview',
  'camera.starting': 'Starting the camera…',
  'camera.capture': 'Take photo',
  'camera.retake': 'Retake',
  'camera.use': 'Upload photo',
  'camera.no_camera': 'No camera was found on this device. You can still upload photos from your files.',
  'camera.denied':
    'The camera cannot be used because access was refused. Allow camera access in the browser’s site settings, or upload photos from your files.',
  'camera.unsupported':
    'This page cannot use a camera (it needs a secure https address and a browser that supports cameras). Upload photos from your files instead.',
  'camera.error': 'The camera could not be started. Upload photos from your files instead.',
  'queue.title': 'Upload queue',
  'queue.title_uploading_with_counter': ({ count }: { count: number }) =>
    plural('en', count, { one: 'Uploading # file', other: 'Uploading # files' }),
  'queue.title_done': 'Upload complete',
  'queue.title_failed': ({ count }: { count: number }) =>
    plural('en', count, { one: '# upload failed', other: '# uploads failed' }),
  'queue.total_progress': 'Total progress',
  'queue.files': 'Files in the queue',
  'queue.retry_failed': 'Retry failed',
  'queue.abort_all': 'Cancel all',
  'queue.upload_more': 'Upload more',
  'queue.done': 'Done',
  'queue.retry': 'Retry',
  'queue.cancel': 'Cancel',
  'queue.remove': 'Remove',
  'queue.statuses.pending': 'Waiting',
  'queue.statuses.uploading': 'Uploading',
  'queue.statuses.processing': 'Processing',
  'queue.statuses.done': 'Uploaded',
  'queue.statuses.error': 'Failed',
  'queue.statuses.aborted': 'Canceled',
  'queue.statuses.restored': 'Resuming',
  'queue.bytes_of': ({ done, total }: { done: string; total: string }) => `${done} of ${total}`,
  'queue.speed': ({ speed }: { speed: string }) => `${speed}/s`,
  'queue.time_left': ({ time }: { time: string }) => `${time} left`,
  'queue.mini_title': 'Uploads',
  'queue.mini_upload_count': ({ done, total }: { done: number; total: number }) =>
    plural('en', total, { one: `${done} of # file uploaded`, other: `${done} of # files uploaded` }),
  'queue.announce_progress': ({ percent }: { percent: string }) => `Uploading, ${percent} done`,
  'queue.announce_done': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file uploaded', other: '# files uploaded' }),
  'queue.announce_added': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file added', other: '# files added' }),
  'queue.announce_restored': ({ count }: { count: number }) =>
    plural('en', count, { one: 'Resuming # unfinished upload', other: 'Resuming # unfinished uploads' }),
  'completed.title': 'Uploaded files',
  'completed.open': ({ name }: { name: string }) => `Open ${name}`,
  'crop.title': 'Crop the image',
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
  'errors.file_too_large': ({ name, size }: { name: string; size: string }) =>
    `“${name}” was not added: it is larger than ${size}.`,
  'errors.format_not_allowed': ({ name, formats }: { name: string; formats: string }) =>
    `“${name}” was not added: only these formats are allowed: ${formats}.`,
  'errors.min_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `“${name}” was not added: images must be at least ${width} × ${height} pixels.`,
  'errors.max_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `“${name}” was not added: images must be at most ${width} × ${height} pixels.`,
  'errors.max_number_of_files': ({ name, max }: { name: string; max: number }) =>
    plural('en', max, {
      one: `“${name}” was not added: only # file can be uploaded.`,
      other: `“${name}” was not added: at most # files can be uploaded.`,
    }),
  'errors.unreadable': ({ name }: { name: string }) => `“${name}” was not added: it could not be read.`,
  'errors.upload_failed': ({ message }: { message: string }) => `Upload failed: ${message}`,
  'errors.file_failed': ({ name, message }: { name: string; message: string }) =>
    `“${name}” failed: ${message}`,
  'errors.network': 'The connection to the server was lost.',
  'form.value_missing': 'Upload at least one file.',
};

export default en;
