/**
 * Small helpers for element tests (Chromium only; not part of the build): render a template into
 * the page, wait for things, and capture console warnings.
 */
import { render, type TemplateResult } from 'lit';

const containers = new Set<HTMLElement>();

/** Renders `template` into a fresh container in the document and returns its first element, updated. */
export async function fixture<T extends Element = HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  containers.add(container);
  render(template, container);
  const element = container.firstElementChild as T | null;
  if (!element) throw new Error('fixture: the template rendered no element');
  await (element as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Removes everything `fixture` rendered (call in `afterEach`). */
export function cleanupFixtures(): void {
  for (const container of containers) container.remove();
  containers.clear();
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once `condition()` is true, polling every 10 ms; rejects after `timeout` ms. Timers, not
 * animation frames: the runner's pages share one browser, and a page in the background gets none.
 */
export async function waitUntil(
  condition: () => boolean,
  message = 'condition',
  timeout = 2000,
): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await sleep(10);
  }
}

/** Records `console.warn` calls until `restore()`; the messages are joined into strings. */
export function captureWarnings(): { readonly messages: string[]; restore(): void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return {
    messages,
    restore: () => {
      console.warn = original;
    },
  };
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

let tagCounter = 0;
/** A tag name no other test has used, for registering throwaway element classes. */
export const uniqueTag = (stem = 'kumo-test') =>
  `${stem}-${++tagCounter}-${Math.random().toString(36).slice(2, 8)}`;
