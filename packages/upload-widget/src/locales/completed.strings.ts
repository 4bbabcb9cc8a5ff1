import { uploadTable } from '../part-kit.js';

/** The uploaded files. */
export const completedEnglish = {
  'completed.title': 'Uploaded files',
  'completed.open': ({ name }: { name: string }) => `Open ${name}`,
};

export const completedStrings = uploadTable(completedEnglish);
