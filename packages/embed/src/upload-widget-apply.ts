/**
 * `kumo.applyUploadWidget(element, options, callback)`: Cloudinary's way of turning a form field
 * into an upload button. A `<button>` or link is used as it is; an `<input>` (a file or hidden
 * field kept as a no-JavaScript fallback) is hidden behind a new button; any other element is made
 * keyboard-operable as a button.
 */
import { warnInDev } from '@kumo/ui';
import type { ElementTarget, PageOptions, UploadWidgetConfig } from './upload-widget-options.js';
import type { UploadWidget } from './upload-widget-proxy.js';

/** Cloudinary's defaults for the button applyUploadWidget makes. */
export const DEFAULT_BUTTON_CAPTION = 'Upload image';
export const DEFAULT_BUTTON_CLASS = 'cloudinary-button';

/**
 * Turns `target` into the opener of the widget `create` makes; the page options tell that widget
 * where its results go (the field's form, under the field's name). The button exists at once,
 * before the widget's code has loaded.
 */
export function applyUploadWidget(
  target: ElementTarget,
  options: UploadWidgetConfig,
  create: (pageDefaults: PageOptions) => UploadWidget,
): UploadWidget {
  const element = typeof target === 'string' ? document.querySelector(target) : target;
  const form = element?.closest('form') ?? undefined;
  const widget = create({
    ...(form ? { form, thumbnails: form } : {}),
    fieldName: element?.getAttribute('name') || 'image',
  });
  if (!element) {
    warnInDev('embed-apply-target-missing', `applyUploadWidget: ${String(target)} matches no element.`);
    return widget;
  }
  buttonFor(element, options).addEventListener('click', (event) => {
    event.preventDefault();
    widget.open();
  });
  return widget;
}

function buttonFor(element: Element, options: UploadWidgetConfig): HTMLElement {
  if (element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement) return element;
  if (element instanceof HTMLInputElement) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = typeof options.buttonClass === 'string' ? options.buttonClass : DEFAULT_BUTTON_CLASS;
    button.textContent =
      typeof options.buttonCaption === 'string' ? options.buttonCaption : DEFAULT_BUTTON_CAPTION;
    // The field is replaced by the hidden inputs of the uploads; keep it out of the form post.
    element.hidden = true;
    element.disabled = true;
    element.after(button);
    return button;
  }
  const host = element as HTMLElement;
  if (!host.hasAttribute('role')) host.setAttribute('role', 'button');
  if (host.tabIndex < 0) host.tabIndex = 0;
  host.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    host.click();
  });
  return host;
}
