/**
 * Cloudinary's upload widget methods over a `<kumo-upload-widget>`, with the callback fed from the
 * element's events and Cloudinary's form side effects. Lives in the widget's chunk: by the time it
 * is constructed the element is registered.
 */
import type { UploadResponse } from '@kumo/core';
import { warnInDev } from '@kumo/ui';
import type { CloseOptions, KumoUploadWidget, OpenOptions, UploadSource } from '@kumo/upload-widget';
import type { DevWarning } from './dev-warning.js';
import { mapWidgetEvent, type UploadWidgetCallback, WIDGET_EVENT_TYPES } from './upload-widget-events.js';
import {
  addHiddenInput,
  addThumbnail,
  DEFAULT_THUMBNAIL_TRANSFORMATION,
  resolveTarget,
} from './upload-widget-form.js';
import {
  type MapOptionsContext,
  mapUploadWidgetOptions,
  type PageOptions,
  type UploadWidgetConfig,
} from './upload-widget-options.js';
import type { UploadWidget } from './upload-widget-proxy.js';
import { deleteByTokenEndpoint } from './upload-widget-thumbnail-delete.js';

export function reportWarnings(warnings: readonly DevWarning[]): void {
  for (const warning of warnings) warnInDev(warning.code, warning.message);
}

let batchCounter = 0;

export class EmbeddedUploadWidget implements UploadWidget {
  private readonly element: KumoUploadWidget;
  private readonly page: PageOptions;
  private readonly added: Element[] = [];
  private destroyed = false;
  private batchId = '';

  constructor(
    config: UploadWidgetConfig | undefined,
    private readonly callback: UploadWidgetCallback | undefined,
    context: MapOptionsContext,
    /** Page options the caller knows better (applyUploadWidget's form and field name). */
    pageDefaults: PageOptions = {},
  ) {
    const mapped = mapUploadWidgetOptions(config, context);
    reportWarnings(mapped.warnings);
    this.page = { ...pageDefaults, ...mapped.page };
    this.element = document.createElement('kumo-upload-widget');
    this.mount(mapped.element);
  }

  /** The `<kumo-upload-widget>` behind this widget. */
  get widgetElement(): KumoUploadWidget {
    return this.element;
  }

  open(source?: string | null, options?: OpenOptions): void {
    if (this.destroyed) return;
    void this.element.open((source ?? undefined) as UploadSource | undefined, options);
  }

  close(options?: CloseOptions): void {
    this.element.close(options);
  }

  hide(): void {
    this.close({ quiet: true });
  }

  show(): void {
    this.open();
  }

  minimize(): void {
    if (!this.destroyed) this.element.minimize();
  }

  update(options: UploadWidgetConfig): void {
    const mapped = mapUploadWidgetOptions(options, { updating: true });
    reportWarnings(mapped.warnings);
    this.element.update(mapped.element);
  }

  async destroy(options: { removeThumbnails?: boolean } = {}): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const type of WIDGET_EVENT_TYPES) this.element.removeEventListener(type, this.handleEvent);
    await this.element.destroy();
    this.element.remove();
    if (options.removeThumbnails) for (const node of this.added) node.remove();
  }

  isShowing(): boolean {
    return !this.destroyed && this.element.isShowing;
  }

  isMinimized(): boolean {
    return !this.destroyed && this.element.isMinimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  private mount(properties: Record<string, unknown>): void {
    const element = this.element;
    Object.assign(element, properties);
    for (const type of WIDGET_EVENT_TYPES) element.addEventListener(type, this.handleEvent);
    const container = resolveTarget(this.page.inlineContainer);
    if (this.page.inlineContainer && !container)
      warnInDev(
        'embed-inline-container-missing',
        `inlineContainer ${String(this.page.inlineContainer)} matches no element; the widget opens as a modal.`,
      );
    if (container) {
      container.append(element);
    } else {
      element.mode = 'modal';
      // The page opens this widget through the API: an empty trigger replaces the element's button.
      const trigger = document.createElement('span');
      trigger.slot = 'trigger';
      element.append(trigger);
      document.body.append(element);
    }
  }

  private readonly handleEvent = (event: Event): void => {
    if (event.target !== this.element) return;
    if (event.type === 'kumo-queue-start') this.batchId = `uw-batch${++batchCounter}`;
    const detail = (event as Event & { detail?: unknown }).detail;
    if (event.type === 'kumo-upload-success') this.placeResult((detail as { info: UploadResponse }).info);
    for (const { error, result } of mapWidgetEvent(event.type, detail, this.batchId)) {
      try {
        this.callback?.(error, result);
      } catch (callbackError) {
        // A throwing page callback must not break the widget's own event dispatch.
        console.error(callbackError);
      }
    }
  };

  /** Cloudinary's loader side effects of a success: a hidden form input and a thumbnail. */
  private placeResult(info: UploadResponse): void {
    const form = resolveTarget(this.page.form);
    const input = form ? addHiddenInput(form, this.page.fieldName ?? 'image', info) : undefined;
    if (input) this.added.push(input);
    const thumbnails = resolveTarget(this.page.thumbnails);
    if (thumbnails)
      this.added.push(
        addThumbnail(
          thumbnails,
          info,
          this.page.thumbnailTransformation ?? DEFAULT_THUMBNAIL_TRANSFORMATION,
          {
            endpoint: deleteByTokenEndpoint(this.element.apiBase, this.element.cloudName),
            input,
          },
        ),
      );
  }
}
