import type { UploadResponse } from '@kumo/core';
import type { KumoDialog } from '@kumo/ui';
import { warnInDev } from '@kumo/ui/dev';
import { drawIcon } from '@kumo/ui/icon/draw-icon';
import { uploadIcon } from '@kumo/ui/icon/drawings/upload';
import { themeStyles } from '@kumo/ui/theme';
import { applyPalette } from '@kumo/ui/theme/palette';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { UploadSource } from '../engine/upload-queue.types.js';
import { provideTextOverrides } from '../locales/text-overrides.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { widgetStrings } from '../locales/widget.strings.js';
import { buttonStyles } from '../styles/button.styles.js';
import type { KumoUploadSources } from '../upload-sources/upload-sources.js';
import { LazyOptions } from './lazy-options.js';
import {
  announceSoon,
  LazyPartsController,
  loadAnnouncer,
  loadOnce,
  loadPanel,
  loadQueueViews,
  prefetchParts,
} from './lazy-parts.js';
import { QueueController } from './queue-controller.js';
import { UploadWidgetBase } from './upload-widget.base.js';
import { KumoUploadCloseEvent, KumoUploadDisplayChangedEvent } from './upload-widget.events.js';
import {
  type AdvancedParameters,
  CHECKED_OPTIONS,
  formValues,
  knownSources,
  OPTION_NAMES,
  readOptions,
  recoveryKeyOf,
  splitOptions,
  toQueueOptions,
  validOr,
} from './upload-widget.options.js';
import { uploadWidgetStyles } from './upload-widget.styles.js';
import {
  type CloseOptions,
  type DisplayState,
  type OpenOptions,
  type UploadWidgetOptions,
  VALUE_FORMATS,
  WIDGET_MODES,
  type WidgetView,
} from './upload-widget.types.js';

type Display = Exclude<DisplayState, 'expanded'>;
type PanelModule = typeof import('./widget-panel.js');
type PanelHost = import('./widget-panel.js').PanelHost;

/**
 * @summary Uploads files to a Kumo (or Cloudinary-compatible) server from the person's files, a web
 * address or the camera, with a queue showing each file's progress, optional cropping, crash
 * recovery and form participation. Options and events follow Cloudinary's Upload Widget.
 * @tag kumo-upload-widget
 *
 * @slot trigger - Replaces the button that opens the widget in `modal` mode.
 *
 * @csspart trigger - The default "Upload files" button.
 * @csspart dialog - The `kumo-dialog` of `modal` mode.
 * @csspart panel - The widget's frame in `inline` mode.
 * @csspart header - The title row in `inline` mode.
 * @csspart title - The title.
 * @csspart body - The current view: sources, crop step, queue or uploaded files.
 * @csspart footer - The action buttons.
 * @csspart sources - The source tabs and panels.
 * @csspart notices - Messages about files that were not added.
 * @csspart queue - The queue: total progress and file rows.
 * @csspart total-progress - The queue's total progress bar.
 * @csspart completed - The uploaded files.
 * @csspart mini - The minimized queue bar.
 *
 * @cssproperty --kumo-upload-width - Width of the dialog or inline panel; 40rem at most.
 * @cssproperty --kumo-upload-min-height - Smallest height of the body; 18rem.
 * @cssproperty --kumo-upload-thumbnail-size - Side of a queue row's thumbnail; 3rem.
 * @cssproperty --kumo-upload-dropzone-border - Border of the drop zone.
 * @cssproperty --kumo-upload-mini-inset - Distance of the floating minimized bar from the viewport's corner; 1rem.
 *
 * @event kumo-upload-added - Files joined the queue (`detail.files`).
 * @event kumo-upload-rejected - Files were refused before upload (`detail.rejections`).
 * @event kumo-queue-start - Uploading started.
 * @event kumo-upload-progress - Progress (`detail.file`, `detail.totals`).
 * @event kumo-upload-success - A file was uploaded (`detail.file`, `detail.info`: the Upload API response).
 * @event kumo-upload-error - A file failed (`detail.file`, `detail.error`).
 * @event kumo-upload-abort - Uploads were canceled (`detail.ids`, `detail.all`).
 * @event kumo-upload-retry - Uploads were retried (`detail.ids`, `detail.all`).
 * @event kumo-queue-end - Nothing is left to upload (`detail.successful`, `detail.failed`).
 * @event kumo-upload-restored - Unfinished uploads from an earlier visit resume (`detail.files`).
 * @event kumo-display-changed - Shown, hidden, minimized or expanded (`detail.state`).
 * @event kumo-source-changed - The person chose another source (`detail.source`).
 * @event kumo-close - The widget was closed.
 * @event kumo-batch-cancelled - A batch was refused (`detail.reason`): more files than allowed (`MAX_EXCEEDED`) or `preBatch` cancelled it (`PREBATCH_CANCELLED`).
 * @event kumo-public-id-changed - The person changed the public id in the advanced options (`detail.id`).
 * @event kumo-tags-changed - The person changed the tags in the advanced options (`detail.tags`).
 * @event kumo-show-completed - The widget shows its uploaded files (`detail.items`).
 */
export class KumoUploadWidget extends UploadWidgetBase {
  static override styles = [themeStyles, buttonStyles, uploadWidgetStyles];

  static override properties: PropertyDeclarations = {
    display: { state: true },
    activeSource: { state: true },
    browsing: { state: true },
  };

  declare private display: Display;
  declare private activeSource: UploadSource | undefined;
  /** The person asked for the sources while the queue has files ("upload more"). */
  declare private browsing: boolean;

  private readonly localize = new UploadLocalizeController(this, widgetStrings, { consume: false });
  private readonly parts = new LazyPartsController(this);
  private readonly lazyOptions = new LazyOptions(this.parts, (overrides) => {
    this.localize.overrides = overrides;
    provideTextOverrides(this, overrides);
    this.requestUpdate();
  });
  private readonly queue = new QueueController(this, {
    cropping: () => this.cropping,
    multiple: () => this.multiple,
    onUploadedChange: () => this.requestUpdate(),
    onQueueEnd: () => this.requestUpdate(),
    speak: (say, politeness) => announceSoon(this.localize, say, politeness),
    rejectionText: () =>
      import('./rejection-message.js').then(
        ({ rejectionMessage }) =>
          (rejection) =>
            rejectionMessage(rejection, this.localize, this),
      ),
  });
  private advanced: AdvancedParameters = {};
  private paletteTokens: string[] = [];
  private lastView: WidgetView | undefined;
  private hadFocus = false;
  /** Set once the widget first shows its panel; from then on the panel's templates are used. */
  private panelWanted = false;
  /** What the panel (widget-panel.ts, loaded on first showing) uses of the widget's own state. */
  private readonly panelHost: PanelHost = {
    widget: this,
    queue: this.queue,
    parts: this.parts,
    localize: this.localize,
    state: () => ({
      shown: this.display === 'shown',
      inline: this.inline,
      off: this.off,
      view: this.view,
      sources: this.shownSources,
      activeSource: this.activeSource,
    }),
    set: ({ browsing, activeSource, advanced }) => {
      if (browsing !== undefined) this.browsing = browsing;
      if (activeSource) this.activeSource = activeSource;
      if (advanced) {
        this.advanced = advanced;
        this.queue.ensure(this.queueOptions());
      }
    },
    queueViews: () => this.queueViews(),
    mini: (floating) => this.renderMini(floating),
    trigger: () => this.renderTrigger(),
  };

  constructor() {
    super();
    this.display = 'hidden';
    this.activeSource = undefined;
    this.browsing = false;
  }

  /** All options as one object (Cloudinary's names). */
  get options(): UploadWidgetOptions {
    return readOptions(this);
  }

  /** Whether the widget is open (shown or minimized). */
  get isShowing(): boolean {
    return this.display !== 'hidden';
  }

  /** Whether the widget is minimized to its queue bar. */
  get isMinimized(): boolean {
    return this.display === 'minimized';
  }

  /** The Upload API responses of the files uploaded since the last form reset. */
  get uploaded(): UploadResponse[] {
    return this.queue.uploaded;
  }

  /** The form value: each uploaded file's public id, or its secure URL with `value-format="url"`. */
  get value(): string[] {
    return formValues(this.queue.uploaded, validOr(this.valueFormat, VALUE_FORMATS, 'public_id'));
  }

  /**
   * Opens the widget (expands it when minimized), on `source` when given; `files` (File objects, or
   * URLs for the server to fetch) are queued and uploaded at once.
   */
  async open(source?: UploadSource, options: OpenOptions = {}): Promise<void> {
    if (source && this.shownSources.includes(source)) {
      this.activeSource = source;
      this.browsing = true;
    }
    this.setDisplay('shown');
    // Files come next: the queue loads while the person picks them.
    loadOnce(loadQueueViews).catch(() => undefined);
    await this.updateComplete;
    await this.renderRoot.querySelector<KumoUploadSources>('kumo-upload-sources')?.updateComplete;
    const files = options.files ?? [];
    const local = files.filter((file): file is File => typeof file !== 'string');
    if (local.length > 0) await this.queue.addFiles(local, 'local');
    for (const url of files.filter((file): file is string => typeof file === 'string'))
      await this.queue.addUrl(url);
    if (files.length > 0) this.browsing = false;
  }

  /** Closes the widget; uploads carry on. `quiet` leaves out the `kumo-close` event. */
  close(options: CloseOptions = {}): void {
    if (this.display === 'hidden') return;
    this.setDisplay('hidden');
    if (!options.quiet) this.dispatchEvent(new KumoUploadCloseEvent());
  }

  /** Shrinks the widget to a bar with the queue's total progress; `open()` expands it again. */
  minimize(): void {
    this.setDisplay('minimized');
  }

  /**
   * Lit calls `update(changedProperties)` to render; called with an options object (Cloudinary's
   * `widget.update(options)`), it changes those options instead. Unknown names are reported.
   */
  override update(changes: PropertyValues | Partial<UploadWidgetOptions>): void {
    if (changes instanceof Map) {
      super.update(changes);
      return;
    }
    const { known, unknown } = splitOptions(changes as Record<string, unknown>);
    for (const name of unknown)
      warnInDev('upload-widget-unknown-option', `update(): "${name}" is not an option.`);
    Object.assign(this, known);
  }

  /** Closes the widget, stops every upload and removes the element. */
  async destroy(): Promise<void> {
    this.close({ quiet: true });
    this.queue.destroy();
    this.remove();
  }

  formResetCallback(): void {
    this.queue.reset();
  }

  private get shownSources(): UploadSource[] {
    return knownSources(this.sources);
  }

  private get inline(): boolean {
    return validOr(this.mode, WIDGET_MODES, 'modal') === 'inline';
  }

  private get off(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get view(): WidgetView {
    const files = this.queue.snapshot.files;
    if (this.queue.pendingCrop) return 'crop';
    if (this.browsing || files.length === 0) return 'sources';
    return files.every((file) => file.status === 'done') ? 'completed' : 'queue';
  }

  private setDisplay(next: Display): void {
    const previous = this.display;
    if (previous === next) return;
    this.display = next;
    const state: DisplayState = previous === 'minimized' && next === 'shown' ? 'expanded' : next;
    this.dispatchEvent(new KumoUploadDisplayChangedEvent(state));
  }

  protected override getUpdateComplete(): Promise<boolean> {
    // A part that arrives re-renders the widget; whoever waits for the update waits for that too.
    return this.parts.settle(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.hadFocus = this.matches(':focus-within');
    if (changed.has('mode')) this.display = this.inline ? 'shown' : 'hidden';
    if (changed.has('text')) this.lazyOptions.text(this.text);
    if (changed.has('sources') || changed.has('defaultSource')) {
      const sources = this.shownSources;
      const preferred =
        this.defaultSource && sources.includes(this.defaultSource) ? this.defaultSource : sources[0];
      if (!this.activeSource || !sources.includes(this.activeSource)) this.activeSource = preferred;
    }
    if (CHECKED_OPTIONS.some((name) => changed.has(name))) this.lazyOptions.check(() => this.options);
    if (this.queue.ready && OPTION_NAMES.some((name) => changed.has(name))) {
      this.queue.ensure(this.queueOptions());
    }
  }

  protected override firstUpdated(): void {
    // The panel, the dialog and the source tabs are not part of the first load: they come when the
    // page is idle (or when the pointer or focus reaches the trigger, or on opening).
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => this.prefetch(), { timeout: 5000 });
    else setTimeout(() => this.prefetch(), 1000);
  }

  private prefetch(): void {
    if (!this.isConnected) return;
    for (const load of [loadPanel, loadAnnouncer]) loadOnce<unknown>(load).catch(() => undefined);
    prefetchParts('kumo-upload-sources');
    if (!this.inline) prefetchParts('kumo-dialog');
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.queue.ready && this.isConnected) this.queue.ensure(this.queueOptions());
    if (changed.has('palette')) {
      for (const token of this.paletteTokens) this.style.removeProperty(token);
      this.paletteTokens = applyPalette(this, this.palette ?? {});
    }
    const dialog = this.renderRoot.querySelector<KumoDialog>('kumo-dialog');
    if (dialog) dialog.open = this.display === 'shown';
    this.syncFormValue();
    const view = this.view;
    if (this.hadFocus && this.lastView !== undefined && view !== this.lastView) this.focusTitle();
    this.lastView = view;
  }

  private queueOptions() {
    const recoveryKey = recoveryKeyOf({
      cloudName: this.cloudName,
      id: this.id,
      recoveryKey: this.recoveryKey,
    });
    return toQueueOptions(this.options, { recoveryKey, advanced: this.advanced });
  }

  /** When a view change took the focused control away, reading resumes at the title. */
  private focusTitle(): void {
    if (this.matches(':focus-within') || this.display !== 'shown') return;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  private syncFormValue(): void {
    const anchor = this.renderRoot.querySelector<HTMLElement>(this.inline ? '#title' : '[part="trigger"]');
    this.setFormValues(this.value, this.localize.term('form.value_missing'), anchor ?? undefined);
  }

  private queueViews() {
    const own = (this.constructor as typeof KumoUploadWidget).elementStyles;
    return this.parts.useViews(loadQueueViews, this.renderRoot as ShadowRoot, own);
  }

  private panel(): PanelModule | undefined {
    if (!this.panelWanted) return undefined;
    const own = (this.constructor as typeof KumoUploadWidget).elementStyles;
    return this.parts.useViews(loadPanel, this.renderRoot as ShadowRoot, own);
  }

  private renderMini(floating: boolean) {
    if (this.display !== 'minimized') return nothing;
    return (
      this.queueViews()?.miniView(this.queue.snapshot, this.localize, floating, () => this.open()) ?? nothing
    );
  }

  private renderTrigger() {
    return html`<slot
      name="trigger"
      @click=${() => !this.off && this.open()}
      @pointerover=${this.prefetch}
      @focusin=${this.prefetch}
    >
      <button part="trigger" class="button primary" type="button" ?disabled=${this.off}>
        ${drawIcon(uploadIcon)}${this.localize.term('button_caption')}
      </button>
    </slot>`;
  }

  protected override render() {
    // Until the `text` first given is read, nothing shows rather than words about to change.
    if (this.lazyOptions.textPending && !this.hasUpdated) return nothing;
    const shown = this.display === 'shown';
    if (shown || this.inline) this.panelWanted = true;
    if (shown && !this.inline) this.parts.need('kumo-dialog');
    const panel = this.panel();
    if (!panel) {
      // The panel's code is on its way; the source tabs are fetched alongside rather than after it.
      if (shown) prefetchParts('kumo-upload-sources');
      if (!this.inline) return html`${this.renderTrigger()}${this.renderMini(true)}`;
      return html`${this.renderMini(false)}
        <section part="panel" class="panel" ?hidden=${!shown}>
          <div part="body" class="body" aria-busy="true"></div>
        </section>`;
    }
    return panel.renderPanel(this.panelHost);
  }
}
