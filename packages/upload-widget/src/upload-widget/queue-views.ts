/**
 * The queue and its minimized bar, with their rows and progress bars: loaded when the widget first
 * opens (files come next) or first shows a queue, so pages that only show the widget do not pay
 * for them.
 */
import '@kumo/ui/progress/define';
import { css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { QueueSnapshot } from '../engine/upload-queue.types.js';
import { queueStrings } from '../locales/queue.strings.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
import '../upload-file-item/define.js';

// Statuses with work ahead (the queue controller's `isActive`, which would bring the engine along).
const ACTIVE = new Set(['pending', 'uploading', 'processing']);

/** The styles of both views, added to the widget's own when they load. */
export const styles = css`
  .queue {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-3);
  }

  .files {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .files li + li {
    border-block-start: 1px solid var(--kumo-color-border);
  }

  .mini {
    display: flex;
    align-items: center;
    gap: var(--kumo-space-3);
    padding: var(--kumo-space-2) var(--kumo-space-3);
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius-large);
    background: var(--kumo-color-surface);
    color: var(--kumo-color-text);
    box-shadow: var(--kumo-shadow);
  }

  .mini kumo-progress {
    flex: 1;
    min-inline-size: 6rem;
  }

  .mini.floating {
    position: fixed;
    z-index: var(--kumo-z-toast);
    inset-block-end: var(--kumo-upload-mini-inset, 1rem);
    inset-inline-end: var(--kumo-upload-mini-inset, 1rem);
    inline-size: min(24rem, calc(100vw - 2rem));
    box-shadow: var(--kumo-shadow-overlay);
  }

  .mini-title {
    font-weight: var(--kumo-font-weight-bold);
    white-space: nowrap;
  }
`;

/** The queue: total progress over one row per file. */
export function queueView(snapshot: QueueSnapshot, l: UploadLocalizeController<WidgetStrings>) {
  const { files, totals } = snapshot;
  const state = files.some((file) => file.status === 'error')
    ? 'error'
    : files.some((file) => ACTIVE.has(file.status))
      ? 'active'
      : 'complete';
  return html`<div part="queue" class="queue">
    <kumo-progress
      part="total-progress"
      label=${l.termIn(queueStrings, 'queue.total_progress')}
      .value=${totals.percent}
      state=${state}
    ></kumo-progress>
    <ul class="files" aria-label=${l.termIn(queueStrings, 'queue.files')}>
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
  l: UploadLocalizeController<WidgetStrings>,
  floating: boolean,
  onExpand: () => void,
) {
  const { files, totals } = snapshot;
  const done = files.filter((file) => file.status === 'done').length;
  return html`<div
    part="mini"
    class="mini ${floating ? 'floating' : ''}"
    role="region"
    aria-label=${l.termIn(queueStrings, 'queue.mini_title')}
  >
    <span class="mini-title">${l.termIn(queueStrings, 'queue.mini_upload_count', { done, total: files.length })}</span>
    <kumo-progress label=${l.termIn(queueStrings, 'queue.total_progress')} .value=${totals.percent}></kumo-progress>
    <button class="button" type="button" @click=${onExpand}>${l.termIn(queueStrings, 'expand')}</button>
  </div>`;
}
