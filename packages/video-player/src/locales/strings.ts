import { defineStrings } from '@kumo/ui';
import en from './en.js';

/** The video player's string table (namespace `video-player`); fr and ar load when needed. */
export const playerStrings = defineStrings('video-player', en, {
  ar: () => import('./ar.js'),
  fr: () => import('./fr.js'),
});

export type PlayerStrings = typeof en;
