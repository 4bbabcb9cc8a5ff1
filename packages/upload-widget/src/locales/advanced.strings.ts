import { uploadTable } from '../part-kit.js';

/** The advanced options. */
export const advancedEnglish = {
  advanced: 'Advanced options',
  'advanced.public_id': 'Public ID',
  'advanced.tags': 'Tags',
  'advanced.tags_hint': 'Separate tags with commas.',
};

export const advancedStrings = uploadTable(advancedEnglish);
