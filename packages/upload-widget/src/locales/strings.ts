import { defineStrings } from '@kumo/ui';
import en from './en.js';

/** The upload widget's string table (namespace `upload-widget`); French and Arabic load on demand. */
export const uploadStrings = defineStrings('upload-widget', en, {
  ar: () => import('./ar.js'),
  fr: () => import('./fr.js'),
});

/** The English source table: every key and the shape of each term. */
export type UploadStrings = typeof en;

/** A key of the upload widget's strings (`local.browse`, `queue.retry_failed`, …). */
export type UploadStringKey = keyof UploadStrings & string;
