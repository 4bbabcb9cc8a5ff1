/**
 * The object `kumo.createUploadWidget` returns at once, while the widget's chunk (the element and
 * the option mapping) loads; calls made meanwhile are replayed in order once it has.
 */
import type { CloseOptions, OpenOptions } from '@kumo/upload-widget';
import type { UploadWidgetCallback } from './upload-widget-events.js';
import type { UploadWidgetConfig } from './upload-widget-options.js';

/** Cloudinary's upload widget instance methods. */
export interface UploadWidget {
  /** Shows the widget, on `source`'s tab when given; `options.files` (Files or URLs) are uploaded at once. */
  open(source?: string | null, options?: OpenOptions): void;
  /** Closes it; uploads carry on. `quiet` leaves out the `close` event. */
  close(options?: CloseOptions): void;
  /** Hides it without clearing the queue and without a `close` event. */
  hide(): void;
  /** Shows it again after `hide()`. */
  show(): void;
  /** Shrinks it to the small progress bar. */
  minimize(): void;
  /** Changes options (Cloudinary's names); options fixed at creation are reported and skipped. */
  update(options: UploadWidgetConfig): void;
  /** Removes the widget (and with `removeThumbnails`, the thumbnails it added). */
  destroy(options?: { removeThumbnails?: boolean }): Promise<void>;
  isShowing(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export class UploadWidgetProxy implements UploadWidget {
  private widget: UploadWidget | undefined;
  private destroyed = false;
  private readonly created: Promise<UploadWidget | undefined>;

  constructor(create: Promise<UploadWidget>, callback: UploadWidgetCallback | undefined) {
    this.created = create.then(
      (widget) => {
        this.widget = widget;
        return widget;
      },
      (error: unknown) => {
        callback?.(
          { status: 0, statusText: `The upload widget could not be loaded: ${String(error)}` },
          undefined,
        );
        return undefined;
      },
    );
  }

  private later(action: (widget: UploadWidget) => void): void {
    if (this.widget) action(this.widget);
    else void this.created.then((widget) => widget && action(widget));
  }

  open(source?: string | null, options?: OpenOptions): void {
    this.later((widget) => widget.open(source, options));
  }

  close(options?: CloseOptions): void {
    this.later((widget) => widget.close(options));
  }

  hide(): void {
    this.later((widget) => widget.hide());
  }

  show(): void {
    this.later((widget) => widget.show());
  }

  minimize(): void {
    this.later((widget) => widget.minimize());
  }

  update(options: UploadWidgetConfig): void {
    this.later((widget) => widget.update(options));
  }

  async destroy(options?: { removeThumbnails?: boolean }): Promise<void> {
    this.destroyed = true;
    await (await this.created)?.destroy(options);
  }

  isShowing(): boolean {
    return this.widget?.isShowing() ?? false;
  }

  isMinimized(): boolean {
    return this.widget?.isMinimized() ?? false;
  }

  isDestroyed(): boolean {
    return this.destroyed || (this.widget?.isDestroyed() ?? false);
  }
}
