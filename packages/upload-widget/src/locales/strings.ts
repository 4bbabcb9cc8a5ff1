import en from './en.js';
import { uploadTable } from './string-table.js';

/** Every string of the upload widget (namespace `upload-widget`); French and Arabic load on demand. */
export const uploadStrings = uploadTable(en);

/** The English source table: every key and the shape of each term. */
export type UploadStrings = typeof en;

/** A key of the upload widget's strings (`local.browse`, `queue.retry_failed`, …). */
export type UploadStringKey = keyof UploadStrings & string;
