/**
 * @kumo/ui — the shared Lit layer of Kumo's elements. Importing this module registers nothing;
 * import `@kumo/ui/dialog/define` (and so on) to register an element.
 */

export {
  announce,
  announcerRegion,
  flushAnnouncements,
  type Politeness,
  pushAnnouncerContainer,
} from './announcer/announcer.js';
export {
  closestAttribute,
  directionOfLanguage,
  INHERITED_ATTRIBUTES,
  type InheritedAttribute,
  resolveDir,
  resolveLang,
  watchInheritedAttributes,
} from './base/inherited-attributes.js';
export { KumoElement, THEMES, type Theme } from './base/kumo-element.js';
export {
  DropController,
  type DropControllerOptions,
  type FileSource,
} from './controllers/drop-controller.js';
export {
  type DirectoryEntryLike,
  type DroppedFile,
  type EntryLike,
  type FileEntryLike,
  filesFromDataTransfer,
  filesFromEntry,
} from './controllers/file-entries.js';
export {
  KeyboardController,
  type KeyboardControllerOptions,
  type ShortcutHandler,
} from './controllers/keyboard-controller.js';
export { matchesShortcut, parseShortcut, type Shortcut } from './controllers/shortcut.js';
export { defineElement, type VersionedElementConstructor } from './define/define-element.js';
export { devWarningsEnabled, resetDevWarnings, setDevWarnings, warnInDev } from './dev/warn.js';
export {
  KumoDialogCloseEvent,
  KumoDialogOpenEvent,
  KumoDialogRequestCloseEvent,
} from './dialog/dialog.events.js';
export { KumoDialog } from './dialog/dialog.js';
export { DIALOG_CLOSE_SOURCES, type DialogCloseSource } from './dialog/dialog.types.js';
export { KumoEvent } from './events/kumo-event.js';
export { KumoIcon } from './icon/icon.js';
export { ICON_NAMES, type IconName, isIconName } from './icon/icon.types.js';
export { drawIcon, ICONS, type IconDrawing, iconTemplate } from './icon/icon-set.js';
export { type UiStrings, uiStrings } from './locales/strings.js';
export {
  type FormatBytesOptions,
  formatBytes,
  formatDuration,
  formatDurationSpoken,
  formatNumber,
  formatPercent,
} from './localize/format.js';
export { LocalizeController, type LocalizeHost } from './localize/localize-controller.js';
export { type PluralForms, plural } from './localize/plural.js';
export {
  addTranslation,
  defineStrings,
  isTranslationLoaded,
  languageCandidates,
  loadTranslation,
  lookupTerm,
  onTranslationsChange,
  type Strings,
  type StringTable,
  type Term,
  type TermArgs,
  type Translation,
  type TranslationLoader,
} from './localize/strings.js';
export { KumoProgress } from './progress/progress.js';
export { PROGRESS_STATES, type ProgressState } from './progress/progress.types.js';
export {
  applyPalette,
  PALETTE_TOKENS,
  type Palette,
  type PaletteKey,
  paletteToTokens,
} from './theme/palette.js';
export { hostStyles, themeStyles } from './theme/theme.styles.js';
export {
  type ColorToken,
  darkColors,
  lightColors,
  reducedMotionTokens,
  sharedTokens,
  type Token,
} from './theme/tokens.js';
export { version } from './version.js';
