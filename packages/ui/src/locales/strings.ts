import { defineStrings } from '../localize/strings.js';
import en from './en.js';

/** @kumo/ui's string table (namespace `kumo`); other locales load when an element needs them. */
export const uiStrings = defineStrings('kumo', en, {
  ar: () => import('./ar.js'),
  fr: () => import('./fr.js'),
});

export type UiStrings = typeof en;
