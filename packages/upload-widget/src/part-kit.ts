/**
 * What the widget's lazily loaded parts and modules use of the code every page loads, gathered in
 * one module each of them imports from. Bundlers that split code group it by the set of chunks that
 * reach it; reached through here, the shared code stays one or two files instead of a dozen small
 * ones, each downloaded and compressed apart.
 *
 * The widget's own classes are here for the same reason although no part uses them: reached from the
 * parts too, everything the widget loads up front lands in that one shared file rather than split
 * between it and the entry's own (two gzip streams cost about a kilobyte more than one). Bundlers
 * drop the unused exports, so a page that registers one part on its own does not get the widget.
 */
export { KumoElement } from '@kumo/ui/base';
export { defineElement } from '@kumo/ui/define-element';
export { warnInDev } from '@kumo/ui/dev';
// The dialog, registered through here when the widget first opens (it also brings the strings of
// @kumo/ui the queue's progress bars use).
export { KumoDialog } from '@kumo/ui/dialog';
export { KumoEvent } from '@kumo/ui/events';
export { drawIcon } from '@kumo/ui/icon/icon-set';
export { plural } from '@kumo/ui/localize/plural';
export { themeStyles } from '@kumo/ui/theme';
export { abortError } from './engine/engine-kit.js';
export { uploadTable } from './locales/string-table.js';
export { UploadLocalizeController } from './locales/upload-localize-controller.js';
export { widgetEnglish } from './locales/widget.strings.js';
export { controlStyles } from './styles/control.styles.js';
export { KumoUploadSourceLocal } from './upload-source-local/upload-source-local.js';
export { KumoUploadSources } from './upload-sources/upload-sources.js';
export { isActive } from './upload-widget/queue-controller.js';
export { KumoUploadWidget } from './upload-widget/upload-widget.js';
export { DEFAULT_OPTIONS, oneOf } from './upload-widget/upload-widget.options.js';
