import { defineStrings, type Strings, type TranslationLoader } from '@kumo/ui/localize/strings';

const LOADERS = {
  ar: () => import('./ar.js'),
  fr: () => import('./fr.js'),
};

/**
 * A table of the widget's strings (namespace `upload-widget`). Each part has a table of its own
 * English, loaded with the part; the French and Arabic files cover every part and load on demand.
 */
export function uploadTable<T extends Strings>(english: T) {
  return defineStrings('upload-widget', english, LOADERS as Record<string, TranslationLoader<T>>);
}
