import { plural, uploadTable } from '../part-kit.js';

/** What screen readers hear about the queue: files added, progress, failures, the end of a run. */
export const announceEnglish = {
  'queue.announce_progress': ({ percent }: { percent: string }) => `Uploading, ${percent} done`,
  'queue.announce_done': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file uploaded', other: '# files uploaded' }),
  'queue.announce_added': ({ count }: { count: number }) =>
    plural('en', count, { one: '# file added', other: '# files added' }),
  'queue.announce_restored': ({ count }: { count: number }) =>
    plural('en', count, { one: 'Resuming # unfinished upload', other: 'Resuming # unfinished uploads' }),
  'errors.file_failed': ({ name, message }: { name: string; message: string }) =>
    `“${name}” failed: ${message}`,
};

export const announceStrings = uploadTable(announceEnglish);
