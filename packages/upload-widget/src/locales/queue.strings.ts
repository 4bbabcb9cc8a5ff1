import { plural, uploadTable } from '../part-kit.js';

/** The queue: its total progress, the minimized bar, and each file's row. */
export const queueEnglish = {
  'queue.total_progress': 'Total progress',
  'queue.files': 'Files in the queue',
  'queue.mini_title': 'Uploads',
  'queue.mini_upload_count': ({ done, total }: { done: number; total: number }) =>
    plural('en', total, { one: `${done} of # file uploaded`, other: `${done} of # files uploaded` }),
  expand: 'Show uploads',
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
  'errors.upload_failed': ({ message }: { message: string }) => `Upload failed: ${message}`,
  'errors.network': 'The connection to the server was lost.',
};

export const queueStrings = uploadTable(queueEnglish);
