import { uploadTable } from './string-table.js';

/**
 * What the widget says before its panel loads: the trigger's caption and the form's message. The
 * panel's words are in panel.strings.ts, the sources' in sources.strings.ts, what screen readers
 * hear about the queue in announce.strings.ts, each loaded with the code that says it.
 */
export const widgetEnglish = {
  button_caption: 'Upload files',
  'form.value_missing': 'Upload at least one file.',
};

export const widgetStrings = uploadTable(widgetEnglish);
export type WidgetStrings = typeof widgetEnglish;
