/** The names of the built-in icons. */
export const ICON_NAMES = [
  'camera',
  'captions',
  'check',
  'chevron-end',
  'chevron-start',
  'close',
  'crop',
  'error',
  'exit-fullscreen',
  'file',
  'folder',
  'fullscreen',
  'image',
  'link',
  'more',
  'muted',
  'pause',
  'play',
  'retry',
  'search',
  'settings',
  'trash',
  'upload',
  'video',
  'volume',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** Whether `value` names a built-in icon. */
export const isIconName = (value: string): value is IconName =>
  (ICON_NAMES as readonly string[]).includes(value);
