/** What asked a dialog to close. */
export const DIALOG_CLOSE_SOURCES = ['escape', 'close-button', 'backdrop', 'method'] as const;
export type DialogCloseSource = (typeof DIALOG_CLOSE_SOURCES)[number];
