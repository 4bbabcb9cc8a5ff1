/** What a file row's buttons ask the widget to do. */
export const FILE_ACTIONS = ['retry', 'cancel', 'remove'] as const;
export type FileAction = (typeof FILE_ACTIONS)[number];
