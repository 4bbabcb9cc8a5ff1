/**
 * Templates of the widget's panel, as functions of the data they show: the notices about refused
 * files, the parts the body shows (sources, crop step, uploaded files), the title and the action
 * buttons, with their styles (the queue and its minimized bar are in queue-views.ts, loaded with the
 * first files). The element decides which to show and wires the handlers. Loaded when the widget
 * first opens (or, inline, first renders), or earlier when the page is idle.
 */

import type { UploadResponse } from '@kumo/core';
import { errorIcon } from '@kumo/ui/icon/icon-set';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { QueueFile, UploadSource } from '../engine/upload-queue.types.js';
import { panelStrings } from '../locales/panel.strings.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
// Through the module the parts share, so that what they share stays one file (see part-kit.ts).
import { controlStyles, drawIcon, isActive } from '../part-kit.js';
import type { KumoUploadAdvancedChangeEvent } from '../upload-advanced/upload-advanced.events.js';
import type {
  KumoUploadCropConfirmEvent,
  KumoUploadCropSkipEvent,
} from '../upload-crop/upload-crop.events.js';
import type { KumoUploadSourceChangedEvent } from './upload-widget.events.js';
import type { WidgetView } from './upload-widget.types.js';

/** The panel's styles, added to the widget's own when they load. */
export const styles = css`
  ${controlStyles}

  .header {
    padding-block: var(--kumo-space-3);
    padding-inline: var(--kumo-space-5);
    border-block-end: 1px solid var(--kumo-color-border);
  }

  .title {
    margin: 0;
    font-size: var(--kumo-font-size-heading);
    font-weight: var(--kumo-font-weight-bold);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--kumo-space-2);
  }

  .panel .footer {
    padding: var(--kumo-space-3) var(--kumo-space-5);
    border-block-start: 1px solid var(--kumo-color-border);
  }

  .notices {
    display: flex;
    align-items: flex-start;
    gap: var(--kumo-space-2);
    padding: var(--kumo-space-3);
    border: 1px solid var(--kumo-color-danger);
    border-radius: var(--kumo-radius);
    background: color-mix(in srgb, var(--kumo-color-danger) 8%, var(--kumo-color-surface));
  }

  .notices ul {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .notices li {
    display: flex;
    gap: var(--kumo-space-2);
  }

  .notices .icon {
    color: var(--kumo-color-danger);
  }
`;

export { panelStrings };

const failedCount = (files: readonly QueueFile[]) => files.filter((file) => file.status === 'error').length;

/** Messages about files that were not added, with a button to dismiss them. */
export function noticesView(messages: readonly string[], dismissLabel: string, onDismiss: () => void) {
  if (messages.length === 0) return nothing;
  return html`<div part="notices" class="notices">
    <ul>
      ${messages.map((message) => html`<li>${drawIcon(errorIcon)}<span>${message}</span></li>`)}
    </ul>
    <button class="button quiet" type="button" @click=${onDismiss}>${dismissLabel}</button>
  </div>`;
}

/** What the source tabs show, and whether the advanced options come with them. */
export interface SourcesViewOptions {
  readonly sources: readonly UploadSource[];
  readonly active: UploadSource;
  readonly multiple: boolean;
  readonly accept: string;
  readonly maxFileSize: number | undefined;
  readonly formats: readonly string[];
  readonly pasteScope: 'target' | 'document';
  readonly disabled: boolean;
  readonly advanced: boolean;
}

/** The source tabs, and the advanced options when asked for. */
export function sourcesView(
  options: SourcesViewOptions,
  onSourceChange: (event: KumoUploadSourceChangedEvent) => void,
  onAdvancedChange: (event: KumoUploadAdvancedChangeEvent) => void,
) {
  return html`<kumo-upload-sources
      part="sources"
      .sources=${options.sources}
      .active=${options.active}
      ?multiple=${options.multiple}
      accept=${options.accept}
      .maxFileSize=${options.maxFileSize}
      .formats=${options.formats}
      paste-scope=${options.pasteScope}
      ?disabled=${options.disabled}
      @kumo-source-changed=${onSourceChange}
    ></kumo-upload-sources>
    ${options.advanced ? html`<kumo-upload-advanced @kumo-upload-advanced-change=${onAdvancedChange}></kumo-upload-advanced>` : nothing}`;
}

/** The crop step for the image waiting in it. */
export function cropView(
  file: QueueFile | undefined,
  options: {
    readonly aspectRatio?: number;
    readonly aspectRatios: readonly number[];
    readonly showSkip: boolean;
  },
  onDone: (event: KumoUploadCropConfirmEvent | KumoUploadCropSkipEvent) => void,
) {
  return html`<kumo-upload-crop
    .file=${file}
    .aspectRatio=${options.aspectRatio}
    .aspectRatios=${options.aspectRatios}
    ?show-skip=${options.showSkip}
    @kumo-upload-crop-confirm=${onDone}
    @kumo-upload-crop-skip=${onDone}
  ></kumo-upload-crop>`;
}

/** What was uploaded, with delivery thumbnails from the server at `apiBase`. */
export function completedView(assets: readonly UploadResponse[], apiBase: string, cloudName: string) {
  return html`<kumo-upload-completed
    part="completed"
    .assets=${assets}
    api-base=${apiBase}
    cloud-name=${cloudName}
  ></kumo-upload-completed>`;
}

/** The title of each view; the queue's says what is going on. */
export function titleText(
  view: WidgetView,
  files: readonly QueueFile[],
  l: UploadLocalizeController<WidgetStrings>,
): string {
  if (view === 'crop') return l.termIn(panelStrings, 'crop.title');
  if (view === 'completed') return l.termIn(panelStrings, 'queue.title_done');
  if (view === 'sources') return l.termIn(panelStrings, 'title');
  const active = files.filter(isActive).length;
  if (active > 0) return l.termIn(panelStrings, 'queue.title_uploading_with_counter', { count: active });
  const failed = failedCount(files);
  return failed > 0
    ? l.termIn(panelStrings, 'queue.title_failed', { count: failed })
    : l.termIn(panelStrings, 'queue.title');
}

/** What the action buttons do. */
export interface ActionHandlers {
  readonly back: () => void;
  readonly retryAll: () => void;
  readonly cancelAll: () => void;
  readonly minimize: () => void;
  readonly uploadMore: () => void;
  readonly done: () => void;
}

/** The action buttons of each view; `canMinimize` in a dialog, `canAdd` unless disabled. */
export function actionsView(
  view: WidgetView,
  files: readonly QueueFile[],
  l: UploadLocalizeController<WidgetStrings>,
  options: { readonly canMinimize: boolean; readonly canAdd: boolean },
  on: ActionHandlers,
): TemplateResult | typeof nothing {
  const button = (label: string, onClick: () => void, primary = false) =>
    html`<button class="button ${primary ? 'primary' : ''}" type="button" @click=${onClick}>${label}</button>`;
  const active = files.some(isActive);
  const more = options.canAdd ? button(l.termIn(panelStrings, 'queue.upload_more'), on.uploadMore) : nothing;
  const done = button(l.termIn(panelStrings, 'queue.done'), on.done, true);
  switch (view) {
    case 'sources':
      return files.length > 0 && options.canAdd ? button(l.termIn(panelStrings, 'back'), on.back) : nothing;
    case 'queue':
      return html`${failedCount(files) > 0 ? button(l.termIn(panelStrings, 'queue.retry_failed'), on.retryAll) : nothing}
      ${active ? button(l.termIn(panelStrings, 'queue.abort_all'), on.cancelAll) : nothing}
      ${active && options.canMinimize ? button(l.termIn(panelStrings, 'minimize'), on.minimize) : nothing} ${more}
      ${active ? nothing : done}`;
    case 'completed':
      return html`${more} ${done}`;
    default:
      return nothing;
  }
}
