/**
 * Helpers for the widget's element tests (Chromium only; not part of the build): the real test
 * server, generated files, and reaching into the widget's parts the way a person would.
 */
import { expectNoAxeViolations } from '@kumo/ui/testing/axe';
import { fixture } from '@kumo/ui/testing/fixture';
import { admin, type TestServer, testServer } from '@kumo/ui/testing/kumo-server';
import { html } from 'lit';
import type { KumoUploadWidget } from '../upload-widget/upload-widget.js';

export { admin, type TestServer, testServer };

let counter = 0;

/** A name no other test uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}_${counter}_${Math.random().toString(36).slice(2, 7)}`;
}

/** Creates an unsigned upload preset through the Admin API and returns its name. */
export async function unsignedPreset(): Promise<string> {
  const name = uniqueName('widget_preset');
  const created = await admin('POST', '/upload_presets', { name, unsigned: true });
  if (created.status !== 200) throw new Error(`Could not create preset: ${JSON.stringify(created.body)}`);
  return name;
}

/** How many assets of `resourceType` carry `tag` on the server. */
export async function countTagged(tag: string, resourceType = 'image'): Promise<number> {
  const answer = await admin<{ resources?: unknown[] }>('GET', `/resources/${resourceType}/tags/${tag}`);
  return answer.body.resources?.length ?? 0;
}

/** A PNG of the given size in two colours. */
export async function pngFile(width: number, height: number, name = 'photo.png'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2f5bd3';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffcc00';
  context.fillRect(0, 0, Math.ceil(width / 2), Math.ceil(height / 2));
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

/** A file of `size` bytes. */
export function bytesFile(size: number, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(size).fill(7)], name, { type });
}

/** The first element matching each selector in turn, descending through shadow roots. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let node: Element | ShadowRoot = root;
  for (const selector of selectors) {
    const scope: Element | ShadowRoot = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
    const found: Element | null = scope.querySelector(selector);
    if (!found) throw new Error(`deep(): nothing matches ${selector}`);
    node = found;
  }
  return node as T;
}

/** Puts files into a file input as the browser's picker does, and reports the change. */
export function setInputFiles(input: HTMLInputElement, files: readonly File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Resolves with the next event `type` on `target`, rejecting after `timeout` ms. */
export function nextEvent<T extends Event = Event>(
  target: EventTarget,
  type: string,
  timeout = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

/** Every event of the given types on `target`, in order, as `type` strings and events. */
export function recordEvents(target: EventTarget, types: readonly string[]): Event[] {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event));
  return seen;
}

/** `expectNoAxeViolations` of @kumo/ui. */
export async function expectAccessible(
  element: Element,
  disabledRules: readonly string[] = [],
): Promise<void> {
  await expectNoAxeViolations(element, disabledRules);
}

/**
 * An inline widget talking to the test server, with `attributes` (true: present, false: absent) and
 * `properties` set before it connects. The test file registers the element.
 */
export async function inlineWidget(
  attributes: Record<string, string | boolean> = {},
  properties: Partial<KumoUploadWidget> = {},
): Promise<KumoUploadWidget> {
  const widget = document.createElement('kumo-upload-widget');
  widget.setAttribute('mode', 'inline');
  widget.setAttribute('api-base', testServer().apiBase);
  widget.setAttribute('cloud-name', testServer().cloudName);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) widget.setAttribute(name, '');
    else if (value !== false) widget.setAttribute(name, value);
  }
  Object.assign(widget, properties);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(widget);
  await widget.updateComplete;
  return widget;
}
