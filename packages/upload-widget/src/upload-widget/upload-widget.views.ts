/**
 * Templates of the widget's queue-related views, as functions of the data they show: the notices
 * about refused files, the queue, the minimized bar, the title and the action buttons. The element
 * decides which to show and wires the handlers.
 */
import { iconTemplate } from '@kumo/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { QueueFile, QueueSnapshot } from '../engine/upload-queue.types.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { isActive } from './queue-controller.js';
import type { WidgetView } from './upload-widget.types.js';

const failedCount = (files: readonly QueueFile[]) => files.filter((file) => file.status === 'error').length;

/** Messages about files that were not added, with a button to dismiss them. */
export function noticesView(messages: readonly string[], dismissLabel: string, onDismiss: () => void) {
  if (messages.length === 0) return nothing;
  return html`<div part="notices" class="notices">
    <ul>
      ${messages.map((message) => html`<li>${iconTemplate('error')}<span>${message}</span></li>`)}
    </ul>
    <button class="button quiet" type="button" @click=${onDismiss}>${dismissLabel}</button>
  </div>`;
}

/** The queue: total progress over one row per file. */
export function queueView(snapshot: QueueSnapshot, l: UploadLocalizeController) {
  const { files, totals } = snapshot;
  const state = failedCount(files) > 0 ? 'error' : files.some(isActive) ? 'active' : 'complete';
  return html`<div part="queue" class="queue">
    <kumo-progress
      part="total-progress"
      label=${l.term('queue.total_progress')}
      .value=${totals.percent}
      state=${state}
    ></kumo-progress>
    <ul class="files" aria-label=${l.term('queue.files')}>
      ${repeat(
        files,
        (file) => file.id,
        (file) => html`<li><kumo-upload-file-item .file=${file}></kumo-upload-file-item></li>`,
      )}
    </ul>
  </div>`;
}

/** The minimized bar: files done of all, total progress, and a button to expand the widget. */
export function miniView(
  snapshot: QueueSnapshot,
  l: UploadLocalizeController,
  floating: boolean,
  onExpand: () => void,
) {
  const { files, totals } = snapshot;
  const done = files.filter((file) => file.status === 'done').length;
  return html`<div
    part="mini"
    class="mini ${floating ? 'floating' : ''}"
    role="region"
    aria-label=${l.term('queue.mini_title')}
  >
    <span class="mini-title">${l.term('queue.mini_upload_count', { done, total: files.length })}</span>
    <kumo-progress label=${l.term('queue.total_progress')} .value=${totals.percent}></kumo-progress>
    <button class="button" type="button" @click=${onExpand}>${l.term('expand')}</button>
  </div>`;
}

/** The title of each view; the queue's says what is going on. */
export function titleText(
  view: WidgetView,
  files: readonly QueueFile[],
  l: UploadLocalizeController,
): string {
  if (view === 'crop') return l.term('crop.title');
  if (view === 'completed') return l.term('queue.title_done');
  if (view === 'sources') return l.term('title');
  const active = files.filter(isActive).length;
  if (active > 0) return l.term('queue.title_uploading_with_counter', { count: active });
  const failed = failedCount(files);
  return failed > 0 ? l.term('queue.title_failed', { count: failed }) : l.term('queue.title');
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
  l: UploadLocalizeController,
  options: { readonly canMinimize: boolean; readonly canAdd: boolean },
  on: ActionHandlers,
): TemplateResult | typeof nothing {
  const button = (label: string, onClick: () => void, primary = false) =>
    html`<button class="button ${primary ? 'primary' : ''}" type="button" @click=${onClick}>${label}</button>`;
  const active = files.some(isActive);
  const more = options.canAdd ? button(l.term('queue.upload_more'), on.uploadMore) : nothing;
  const done = button(l.term('queue.done'), on.done, true);
  switch (view) {
    case 'sources':
      return files.length > 0 && options.canAdd ? button(l.term('back'), on.back) : nothing;
    case 'queue':
      return html`${failedCount(files) > 0 ? button(l.term('queue.retry_failed'), on.retryAll) : nothing}
      ${active ? button(l.term('queue.abort_all'), on.cancelAll) : nothing}
      ${active && options.canMinimize ? button(l.term('minimize'), on.minimize) : nothing} ${more}
      ${active ? nothing : done}`;
    case 'completed':
      return html`${more} ${done}`;
    default:
      return nothing;
  }
}
