/**
 * The widget's panel: the title, the body (sources, crop step, queue or uploaded files), the action
 * buttons and, in `modal` mode, the dialog around them, with the handlers of what happens in it.
 * Loaded the first time the widget opens (inline: first renders), or earlier when the page is idle;
 * until then the element shows only its trigger (or an empty, busy frame).
 */
import type { KumoDialogRequestCloseEvent } from '@kumo/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { QueueFile, UploadSource } from '../engine/upload-queue.types.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
import type { KumoUploadAdvancedChangeEvent } from '../upload-advanced/upload-advanced.events.js';
import type {
  KumoUploadCropConfirmEvent,
  KumoUploadCropSkipEvent,
} from '../upload-crop/upload-crop.events.js';
import type { KumoUploadFileActionEvent } from '../upload-file-item/upload-file-item.events.js';
import type { KumoUploadPhotoCaptureEvent } from '../upload-source-camera/upload-source-camera.events.js';
import type { KumoUploadFilesPickEvent } from '../upload-source-local/upload-source-local.events.js';
import type { KumoUploadUrlSubmitEvent } from '../upload-source-url/upload-source-url.events.js';
import type { LazyPartsController } from './lazy-parts.js';
import { askPreBatch, batchFiles } from './pre-batch.js';
import { isActive, type QueueController } from './queue-controller.js';
import { KumoUploadBatchCancelledEvent } from './upload-widget.events.js';
import type { KumoUploadWidget } from './upload-widget.js';
import { type AdvancedParameters, acceptOf, validOr } from './upload-widget.options.js';
import { CROPPING_MODES, type WidgetView } from './upload-widget.types.js';
import {
  actionsView,
  completedView,
  cropView,
  noticesView,
  panelStrings,
  sourcesView,
  titleText,
} from './upload-widget.views.js';
import {
  KumoUploadPublicIdChangedEvent,
  KumoUploadShowCompletedEvent,
  KumoUploadTagsChangedEvent,
} from './widget-panel.events.js';

export { styles } from './upload-widget.views.js';

/** What the panel reads and changes of its widget beyond the public API. */
export interface PanelHost {
  readonly widget: KumoUploadWidget;
  readonly queue: QueueController;
  readonly parts: LazyPartsController;
  readonly localize: UploadLocalizeController<WidgetStrings>;
  /** The widget's state as the panel shows it. */
  readonly state: () => {
    readonly shown: boolean;
    readonly inline: boolean;
    readonly off: boolean;
    readonly view: WidgetView;
    readonly sources: readonly UploadSource[];
    readonly activeSource: UploadSource | undefined;
  };
  /** Changes the widget's own state; `advanced` re-applies the queue's options. */
  readonly set: (change: {
    readonly browsing?: boolean;
    readonly activeSource?: UploadSource;
    readonly advanced?: AdvancedParameters;
  }) => void;
  /** The queue's templates, once loaded (they load when first asked for). */
  readonly queueViews: () => typeof import('./queue-views.js') | undefined;
  /** The minimized bar, floating in `modal` mode. */
  readonly mini: (floating: boolean) => TemplateResult | typeof nothing;
  readonly trigger: () => TemplateResult;
}

type AddEvent = KumoUploadFilesPickEvent | KumoUploadPhotoCaptureEvent | KumoUploadUrlSubmitEvent;

/**
 * The panel's event handlers, made once per widget so that Lit keeps the same listeners; also where
 * the widget starts following its queue for `autoMinimize` and `singleUploadAutoClose` (files only
 * arrive once the panel is there).
 */
function handlersOf(host: PanelHost) {
  const { widget, queue } = host;
  let typed: AdvancedParameters = {};
  const finish = () => {
    queue.clearFinished();
    host.set({ browsing: false });
  };
  widget.addEventListener('kumo-queue-start', () => {
    if (widget.autoMinimize && widget.isShowing) widget.minimize();
  });
  widget.addEventListener('kumo-queue-end', ({ detail }) => {
    if (!widget.singleUploadAutoClose || widget.multiple) return;
    if (detail.successful.length !== 1 || detail.failed.length > 0 || !widget.isShowing) return;
    finish();
    widget.close();
  });
  return {
    async add(event: AddEvent): Promise<void> {
      event.stopPropagation();
      const { detail } = event;
      const batch = 'url' in detail ? detail.url : 'file' in detail ? [detail.file] : detail.files;
      if (widget.preBatch && !(await askPreBatch(widget.preBatch, batchFiles(batch)))) {
        widget.dispatchEvent(new KumoUploadBatchCancelledEvent('PREBATCH_CANCELLED'));
        return;
      }
      host.set({ browsing: false });
      if (typeof batch === 'string') void queue.addUrl(batch);
      else void queue.addFiles(batch, 'file' in detail ? 'camera' : 'local');
    },
    fileAction(event: KumoUploadFileActionEvent): void {
      event.stopPropagation();
      const { id, action } = event.detail;
      if (action === 'retry') queue.retry(id);
      else if (action === 'cancel') queue.cancel(id);
      else queue.remove(id);
    },
    crop(event: KumoUploadCropConfirmEvent | KumoUploadCropSkipEvent): void {
      event.stopPropagation();
      const mode = validOr(widget.croppingMode, CROPPING_MODES, 'coordinates');
      const rect = 'rect' in event.detail ? event.detail.rect : undefined;
      queue.finishCrop(rect ? { rect, mode } : undefined);
    },
    advanced(event: KumoUploadAdvancedChangeEvent): void {
      event.stopPropagation();
      const { publicId, tags } = event.detail;
      const previous = typed;
      typed = { publicId: publicId || undefined, tags };
      host.set({ advanced: typed });
      if ((previous.publicId ?? '') !== publicId)
        widget.dispatchEvent(new KumoUploadPublicIdChangedEvent(publicId));
      if ((previous.tags ?? []).join() !== tags.join())
        widget.dispatchEvent(new KumoUploadTagsChangedEvent(tags));
    },
    dialogRequestClose(event: KumoDialogRequestCloseEvent): void {
      event.stopPropagation();
      // Closing while files upload would hide their progress: the widget shrinks to its bar instead.
      if (queue.snapshot.files.some(isActive) && !queue.pendingCrop) {
        event.preventDefault();
        widget.minimize();
      }
    },
    dialogClose(event: Event): void {
      event.stopPropagation();
      if (widget.isShowing && !widget.isMinimized) widget.close();
    },
    done(): void {
      finish();
      if (!host.state().inline) widget.close();
    },
  };
}

const handlers = new WeakMap<PanelHost, ReturnType<typeof handlersOf>>();
/** The view each widget showed at its last rendering (undefined while closed or minimized). */
const shownViews = new WeakMap<PanelHost, WidgetView | undefined>();

function bodyContent(host: PanelHost, on: ReturnType<typeof handlersOf>) {
  const { widget: w, queue: q, parts, localize } = host;
  const state = host.state();
  const messages = q.describeRejection ? q.rejections.map(q.describeRejection) : [];
  const notices = noticesView(messages, localize.termIn(panelStrings, 'dismiss'), () =>
    q.dismissRejections(),
  );
  switch (state.view) {
    case 'crop':
      parts.need('kumo-upload-crop');
      return cropView(
        q.pendingCrop,
        {
          aspectRatio: w.croppingAspectRatio,
          aspectRatios: w.croppingAspectRatios,
          showSkip: w.showSkipCropButton,
        },
        on.crop,
      );
    case 'completed':
      parts.need('kumo-upload-completed');
      return html`${notices}${completedView(q.uploaded, w.apiBase, w.cloudName)}`;
    case 'queue':
      return html`${notices}${host.queueViews()?.queueView(q.snapshot, localize) ?? nothing}`;
    default:
      parts.need('kumo-upload-sources');
      if (w.showAdvancedOptions) parts.need('kumo-upload-advanced');
      return html`${notices}${sourcesView(
        {
          sources: state.sources,
          active: state.activeSource ?? state.sources[0] ?? 'local',
          multiple: w.multiple,
          accept: acceptOf(w.clientAllowedFormats),
          maxFileSize: w.maxFileSize,
          formats: w.clientAllowedFormats,
          pasteScope: state.inline ? 'target' : 'document',
          disabled: state.off,
          advanced: w.showAdvancedOptions,
        },
        (event) => host.set({ activeSource: event.detail.source }),
        on.advanced,
      )}`;
  }
}

/** The widget's whole rendering once the panel has loaded. */
export function renderPanel(host: PanelHost): TemplateResult {
  let on = handlers.get(host);
  if (!on) {
    on = handlersOf(host);
    handlers.set(host, on);
  }
  const { queue, localize } = host;
  const { shown, inline, off, view } = host.state();
  const files: readonly QueueFile[] = queue.snapshot.files;
  const shownView = shown ? view : undefined;
  if (shownView === 'completed' && shownViews.get(host) !== 'completed') {
    const items = files.filter((file) => file.status === 'done');
    // After this rendering: listeners find the uploaded files on screen.
    void host.widget.updateComplete.then(() =>
      host.widget.dispatchEvent(new KumoUploadShowCompletedEvent(items)),
    );
  }
  shownViews.set(host, shownView);
  const actions = actionsView(
    view,
    files,
    localize,
    { canMinimize: !inline, canAdd: !off },
    {
      back: () => host.set({ browsing: false }),
      retryAll: () => queue.retryAll(),
      cancelAll: () => queue.cancelAll(),
      minimize: () => host.widget.minimize(),
      uploadMore: () => host.set({ browsing: true }),
      done: on.done,
    },
  );
  // Out of the page while closed or minimized: a closed widget keeps no camera on, no live preview.
  const body = html`<div
    part="body"
    class="body"
    aria-busy=${host.parts.busy ? 'true' : nothing}
    @kumo-upload-files-pick=${on.add}
    @kumo-upload-photo-capture=${on.add}
    @kumo-upload-url-submit=${on.add}
    @kumo-upload-file-action=${on.fileAction}
  >
    ${shown ? bodyContent(host, on) : nothing}
  </div>`;
  const title = (slot?: string) =>
    html`<h2 part="title" class="title" id="title" tabindex="-1" slot=${slot ?? nothing}>${titleText(view, files, localize)}</h2>`;
  if (inline) {
    return html`${host.mini(false)}
      <section part="panel" class="panel" aria-labelledby="title" ?hidden=${!shown}>
        <div part="header" class="header">${title()}</div>
        ${body}
        ${actions === nothing ? nothing : html`<div part="footer" class="footer">${actions}</div>`}
      </section>`;
  }
  return html`${host.trigger()}
    <kumo-dialog
      part="dialog"
      @kumo-dialog-request-close=${on.dialogRequestClose}
      @kumo-dialog-close=${on.dialogClose}
      @kumo-dialog-open=${(event: Event) => event.stopPropagation()}
    >
      ${title('heading')} ${body}
      ${actions === nothing ? nothing : html`<div slot="footer" part="footer" class="footer">${actions}</div>`}
    </kumo-dialog>
    ${host.mini(true)}`;
}
