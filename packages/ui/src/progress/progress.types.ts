/** How a progress bar is coloured: running, finished, or failed. */
export const PROGRESS_STATES = ['active', 'complete', 'error'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
