/**
 * Pointer cropping with Cropper.js 2, loaded only when the crop step opens (this module is itself
 * imported dynamically, so neither it nor the library is in the widget's first bundle). The crop
 * rectangle stays in image pixels on the widget's side; this module maps it to and from the
 * library's selection, which is positioned in the cropper canvas's own coordinates.
 */
import type { CropRect } from '../engine/upload-queue.types.js';
import type { ImageSize } from './crop-rect.js';

interface CropperSelectionElement extends HTMLElement {
  x: number;
  y: number;
  width: number;
  height: number;
  aspectRatio: number;
  $change(x: number, y: number, width?: number, height?: number, aspectRatio?: number): unknown;
}

interface CropperInstance {
  getCropperCanvas(): HTMLElement | null;
  getCropperImage(): (HTMLElement & { $ready(): Promise<unknown> }) | null;
  getCropperSelection(): CropperSelectionElement | null;
}

interface CropperModule {
  default: new (
    image: HTMLImageElement,
    options: { container: HTMLElement; template: string },
  ) => CropperInstance;
}

// A fixed image (no move, zoom or rotation) under one selection with move and resize handles.
const TEMPLATE =
  '<cropper-canvas background>' +
  '<cropper-image initial-center-size="contain"></cropper-image>' +
  '<cropper-shade hidden></cropper-shade>' +
  '<cropper-selection movable resizable outlined>' +
  '<cropper-grid role="grid" bordered covered></cropper-grid>' +
  '<cropper-handle action="move" theme-color="rgba(255, 255, 255, 0.35)"></cropper-handle>' +
  ['n', 'e', 's', 'w', 'ne', 'nw', 'se', 'sw']
    .map((edge) => `<cropper-handle action="${edge}-resize"></cropper-handle>`)
    .join('') +
  '</cropper-selection>' +
  '</cropper-canvas>';

/** A mounted cropper the crop step drives. */
export interface CropperHandle {
  /** Moves the selection to `rect` (image pixels) with `ratio` locked, or free when undefined. */
  set(rect: CropRect, ratio: number | undefined): void;
  destroy(): void;
}

/**
 * Mounts Cropper.js over `image` inside `container`; `onChange` receives the selection in image
 * pixels whenever the person moves or resizes it. Rejects when the library cannot be loaded.
 */
export async function mountCropper(
  container: HTMLElement,
  image: HTMLImageElement,
  size: ImageSize,
  onChange: (rect: CropRect) => void,
): Promise<CropperHandle> {
  const { default: Cropper } = (await import('cropperjs')) as unknown as CropperModule;
  // Elements inserted while disconnected would never upgrade: the crop step closed meanwhile.
  if (!container.isConnected) throw new DOMException('The crop step closed', 'AbortError');
  const cropper = new Cropper(image, { container, template: TEMPLATE });
  const canvas = cropper.getCropperCanvas();
  const cropperImage = cropper.getCropperImage();
  const selection = cropper.getCropperSelection();
  if (!canvas || !cropperImage || !selection) throw new Error('Cropper.js did not render its elements');
  await cropperImage.$ready();

  // The image's box inside the canvas, and how many canvas pixels one image pixel takes.
  const frame = () => {
    const canvasBox = canvas.getBoundingClientRect();
    const imageBox = cropperImage.getBoundingClientRect();
    return {
      left: imageBox.left - canvasBox.left,
      top: imageBox.top - canvasBox.top,
      scale: imageBox.width / size.width || 1,
    };
  };
  let applying = false;
  let current: { rect: CropRect; ratio: number | undefined } | undefined;
  const apply = () => {
    if (!current) return;
    const { rect, ratio } = current;
    const { left, top, scale } = frame();
    applying = true;
    try {
      selection.aspectRatio = ratio ?? Number.NaN;
      selection.$change(left + rect.x * scale, top + rect.y * scale, rect.width * scale, rect.height * scale);
    } finally {
      applying = false;
    }
  };
  // The library fits the image into the canvas after it loads (and the event comes before the new
  // position applies): the selection is put back over the same image pixels afterwards.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const handleTransform = () => {
    clearTimeout(pending);
    pending = setTimeout(apply, 0);
  };
  const handleChange = (event: Event) => {
    if (applying) return;
    const detail = (event as CustomEvent<{ x: number; y: number; width: number; height: number }>).detail;
    const { left, top, scale } = frame();
    const rect = {
      x: (detail.x - left) / scale,
      y: (detail.y - top) / scale,
      width: detail.width / scale,
      height: detail.height / scale,
    };
    current = { rect, ratio: current?.ratio };
    onChange(rect);
  };
  selection.addEventListener('change', handleChange);
  cropperImage.addEventListener('transform', handleTransform);
  return {
    set(rect, ratio) {
      current = { rect, ratio };
      apply();
    },
    destroy() {
      clearTimeout(pending);
      selection.removeEventListener('change', handleChange);
      cropperImage.removeEventListener('transform', handleTransform);
      canvas.remove();
    },
  };
}
