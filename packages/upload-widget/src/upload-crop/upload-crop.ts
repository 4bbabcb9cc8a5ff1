import { KumoElement } from '@kumo/ui/base';
import { warnInDev } from '@kumo/ui/dev';
import { cropIcon, drawIcon, retryIcon } from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CropRect, QueueFile } from '../engine/upload-queue.types.js';
import { cropStrings } from '../locales/crop.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import {
  type ImageSize,
  initialRect,
  moveRect,
  ratioLabel,
  rectPercentages,
  scaleRect,
  withAspectRatio,
} from './crop-rect.js';
import type { CropperHandle } from './cropper-adapter.js';
import { KumoUploadCropConfirmEvent, KumoUploadCropSkipEvent } from './upload-crop.events.js';
import { uploadCropStyles } from './upload-crop.styles.js';
import type { CropEngine } from './upload-crop.types.js';

/**
 * @summary The crop step for one image before it is uploaded: aspect-ratio presets, keyboard
 * moving and resizing, and Cropper.js for pointer cropping, loaded only when this step opens.
 * @tag kumo-upload-crop
 *
 * @csspart stage - The image with the crop area; focusable, arrow keys move the area.
 * @csspart ratios - The aspect-ratio buttons.
 * @csspart crop - The "crop and upload" button.
 * @csspart skip - The "upload without cropping" button.
 *
 * @cssproperty --kumo-upload-crop-max-height - Largest height of the image; 50vh.
 *
 * @event kumo-upload-crop-confirm - The crop was accepted (`detail.rect`, image pixels).
 * @event kumo-upload-crop-skip - The image is to be uploaded uncropped.
 */
export class KumoUploadCrop extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadCropStyles];

  static override properties: PropertyDeclarations = {
    file: { attribute: false },
    aspectRatio: { attribute: 'aspect-ratio', type: Number },
    aspectRatios: { attribute: false },
    showSkip: { type: Boolean, attribute: 'show-skip' },
    engine: { reflect: true },
    ratio: { state: true },
    rect: { state: true },
    size: { state: true },
  };

  /** The image to crop (its `data` is read). */
  declare file: QueueFile | undefined;
  /** The aspect ratio the crop starts with; free when unset. */
  declare aspectRatio: number | undefined;
  /** Aspect ratios offered as buttons (a "free" button comes first). */
  declare aspectRatios: readonly number[];
  /** Shows the "upload without cropping" button. */
  declare showSkip: boolean;
  /** `basic` until Cropper.js is ready (and when it cannot load), then `cropper` (read-only). */
  declare engine: CropEngine;
  declare private ratio: number | undefined;
  declare private rect: CropRect | undefined;
  declare private size: ImageSize | undefined;

  private readonly localize = new UploadLocalizeController(this, cropStrings);
  private imageUrl: string | undefined;
  private cropper: CropperHandle | undefined;
  private drag: { pointer: number; x: number; y: number; start: CropRect } | undefined;

  constructor() {
    super();
    this.file = undefined;
    this.aspectRatio = undefined;
    this.aspectRatios = [];
    this.showSkip = false;
    this.engine = 'basic';
    this.ratio = undefined;
    this.rect = undefined;
    this.size = undefined;
  }

  /** The current crop rectangle in image pixels (undefined until the image has loaded). */
  get selection(): CropRect | undefined {
    return this.rect;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('file')) void this.load();
  }

  private teardown(): void {
    this.cropper?.destroy();
    this.cropper = undefined;
    this.engine = 'basic';
    if (this.imageUrl) URL.revokeObjectURL(this.imageUrl);
    this.imageUrl = undefined;
  }

  private async load(): Promise<void> {
    this.teardown();
    this.size = undefined;
    this.rect = undefined;
    const data = this.file?.data;
    if (!data) return;
    const url = URL.createObjectURL(data);
    this.imageUrl = url;
    const image = new Image();
    // The load event, not decode(): decoding waits for a rendered frame, which a page in the
    // background does not get.
    const loaded = await new Promise<boolean>((resolve) => {
      image.onload = () => resolve(true);
      image.onerror = () => resolve(false);
      image.src = url;
    });
    if (!loaded) return;
    if (this.imageUrl !== url) return;
    this.size = { width: image.naturalWidth, height: image.naturalHeight };
    this.ratio = this.aspectRatio && this.aspectRatio > 0 ? this.aspectRatio : undefined;
    this.rect = initialRect(this.size, this.ratio);
    await this.updateComplete;
    void this.loadCropper(image, url);
  }

  private async loadCropper(image: HTMLImageElement, url: string): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.cropper');
    const size = this.size;
    if (!container || !size) return;
    try {
      const { mountCropper } = await import('./cropper-adapter.js');
      // The step may have closed while the library loaded.
      if (!container.isConnected || this.imageUrl !== url) return;
      const handle = await mountCropper(container, image, size, (rect) => {
        this.rect = rect;
      });
      if (this.imageUrl !== url) {
        handle.destroy();
        return;
      }
      this.cropper = handle;
      this.engine = 'cropper';
      if (this.rect) handle.set(this.rect, this.ratio);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // The built-in view keeps working: presets, keyboard and dragging the area.
      warnInDev('upload-widget-cropper-unavailable', `Cropper.js could not be loaded (${String(error)}).`);
    }
  }

  private setRect(rect: CropRect): void {
    this.rect = rect;
    this.cropper?.set(rect, this.ratio);
  }

  private chooseRatio(ratio: number | undefined): void {
    if (!this.rect || !this.size) return;
    this.ratio = ratio;
    this.setRect(withAspectRatio(this.rect, this.size, ratio));
  }

  private scale(factor: number): void {
    if (this.rect && this.size) this.setRect(scaleRect(this.rect, this.size, factor, this.ratio));
  }

  private reset(): void {
    if (!this.size) return;
    this.ratio = this.aspectRatio && this.aspectRatio > 0 ? this.aspectRatio : undefined;
    this.setRect(initialRect(this.size, this.ratio));
  }

  private handleKeyDown(event: KeyboardEvent): void {
    const { rect, size } = this;
    if (!rect || !size) return;
    const step = Math.max(1, Math.round(Math.min(size.width, size.height) / 50));
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[event.key];
    if (!delta) return;
    event.preventDefault();
    if (event.shiftKey) {
      // Right and up grow the area, left and down shrink it, whatever the writing direction.
      this.scale(delta[0] > 0 || delta[1] < 0 ? 1.05 : 1 / 1.05);
    } else {
      this.setRect(moveRect(rect, size, delta[0], delta[1]));
    }
  }

  private handlePointerDown(event: PointerEvent): void {
    if (!this.rect || event.button !== 0) return;
    const area = event.currentTarget as HTMLElement;
    area.setPointerCapture(event.pointerId);
    this.drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY, start: this.rect };
  }

  private handlePointerMove(event: PointerEvent): void {
    const drag = this.drag;
    const size = this.size;
    const frame = this.renderRoot.querySelector('.frame img')?.getBoundingClientRect();
    if (!drag || drag.pointer !== event.pointerId || !size || !frame?.width) return;
    const scale = size.width / frame.width;
    this.setRect(
      moveRect(drag.start, size, (event.clientX - drag.x) * scale, (event.clientY - drag.y) * scale),
    );
  }

  private handlePointerUp(): void {
    this.drag = undefined;
  }

  private confirm(): void {
    if (this.rect) this.dispatchEvent(new KumoUploadCropConfirmEvent(this.rect));
  }

  private renderRatios() {
    if (this.aspectRatios.length === 0) return nothing;
    const button = (ratio: number | undefined) => {
      const pressed =
        ratio === undefined ? this.ratio === undefined : Math.abs((this.ratio ?? 0) - ratio) < 1e-6;
      return html`<button
        class="button"
        type="button"
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${() => this.chooseRatio(ratio)}
      >
        ${ratio === undefined ? this.localize.term('crop.free') : ratioLabel(ratio)}
      </button>`;
    };
    return html`<div part="ratios" class="ratios" role="group" aria-label=${this.localize.term('crop.aspect_ratio')}>
      ${button(undefined)}${this.aspectRatios.map((ratio) => button(ratio))}
    </div>`;
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const { rect, size } = this;
    const ready = rect !== undefined && size !== undefined;
    const label = ready
      ? term('crop.selection', { width: rect.width, height: rect.height })
      : term('crop.loading');
    return html`<div class="crop">
      <p class="hint" id="hint">${term('crop.move_hint')}</p>
      <div
        part="stage"
        class="stage"
        role="group"
        tabindex="0"
        aria-label=${label}
        aria-describedby="hint"
        @keydown=${this.handleKeyDown}
      >
        <div class="cropper" ?hidden=${this.engine !== 'cropper'}></div>
        ${
          this.engine === 'basic' && this.imageUrl
            ? html`<div class="frame">
                <img src=${this.imageUrl} alt="" draggable="false" />
                ${
                  ready
                    ? html`<div
                        class="area"
                        style=${styleMap(rectPercentages(rect, size))}
                        @pointerdown=${this.handlePointerDown}
                        @pointermove=${this.handlePointerMove}
                        @pointerup=${this.handlePointerUp}
                        @pointercancel=${this.handlePointerUp}
                      ></div>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      <div class="toolbar">
        ${this.renderRatios()}
        <button class="button" type="button" ?disabled=${!ready} @click=${() => this.scale(1 / 1.1)}>
          ${term('crop.shrink')}
        </button>
        <button class="button" type="button" ?disabled=${!ready} @click=${() => this.scale(1.1)}>
          ${term('crop.grow')}
        </button>
        <button class="button quiet" type="button" ?disabled=${!ready} @click=${this.reset}>
          ${drawIcon(retryIcon)}${term('crop.reset_btn')}
        </button>
      </div>
      <div class="actions">
        ${
          this.showSkip
            ? html`<button part="skip" class="button" type="button" @click=${() => this.dispatchEvent(new KumoUploadCropSkipEvent())}>
                ${term('crop.skip_btn')}
              </button>`
            : nothing
        }
        <button part="crop" class="button primary" type="button" ?disabled=${!ready} @click=${this.confirm}>
          ${drawIcon(cropIcon)}${term('crop.crop_btn')}
        </button>
      </div>
    </div>`;
  }
}
