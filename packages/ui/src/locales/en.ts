import { plural } from '../localize/plural.js';

/**
 * @kumo/ui's own strings in English: the source of truth for their keys and shapes. Every other
 * locale is typed `Translation<typeof en>`.
 */
const en = {
  close: 'Close',
  dialog: 'Dialog',
  progress: 'Progress',
  loading: 'Loading…',
  /** Spoken progress of a list of items, e.g. files. */
  itemsProgress: (done: number, total: number) =>
    plural('en', total, { one: `${done} of # item`, other: `${done} of # items` }),
  /** How many files a drop or paste brought in. */
  filesAdded: (count: number) => plural('en', count, { one: '# file added', other: '# files added' }),
};

export default en;
