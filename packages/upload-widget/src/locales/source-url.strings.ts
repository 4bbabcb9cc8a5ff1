import { uploadTable } from '../part-kit.js';

/** The "Web address" source. */
export const sourceUrlEnglish = {
  'url.label': 'Web address of the file',
  'url.hint': 'The server downloads the file from this address.',
  'url.upload': 'Upload',
  'url.invalid': 'Enter a full web address starting with http:// or https://.',
};

export const sourceUrlStrings = uploadTable(sourceUrlEnglish);
