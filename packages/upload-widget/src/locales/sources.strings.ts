import { uploadTable } from '../part-kit.js';

/** The source tabs and "My files": picking, dropping and pasting files. */
export const sourcesEnglish = {
  or: 'or',
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
};

export const sourcesStrings = uploadTable(sourcesEnglish);
export type SourcesStrings = typeof sourcesEnglish;
