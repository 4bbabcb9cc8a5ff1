// The preview's event log: one row per event the widget sends, newest last. Progress events for the
// same file update their row instead of adding one per tick.
import { summarizeEvent } from './event-summary.js';

const started = performance.now();
const seconds = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export class EventLog {
  private lastProgressFile: unknown;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly empty: HTMLElement,
  ) {}

  /** Logs `names` from `element` until the returned function is called. */
  watch(element: HTMLElement, names: readonly string[]): () => void {
    const handle = (event: Event) => this.add(event);
    for (const name of names) element.addEventListener(name, handle);
    return () => {
      for (const name of names) element.removeEventListener(name, handle);
    };
  }

  clear(): void {
    this.list.replaceChildren();
    this.lastProgressFile = undefined;
    this.empty.hidden = false;
  }

  private add(event: Event): void {
    const payload = ((event as CustomEvent).detail ?? {}) as Record<string, unknown>;
    const file = (payload.file as { id?: unknown } | undefined)?.id;
    const last = this.list.lastElementChild;
    const isProgress = event.type === 'kumo-upload-progress';
    const row =
      isProgress && last?.getAttribute('data-event') === event.type && this.lastProgressFile === file
        ? last
        : document.createElement('li');
    this.lastProgressFile = isProgress ? file : undefined;
    row.setAttribute('data-event', event.type);
    row.classList.toggle(
      'is-error',
      event.type === 'kumo-upload-error' || event.type === 'kumo-upload-rejected',
    );
    const cell = (className: string, text: string) => {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      return span;
    };
    row.replaceChildren(
      cell('time', `${seconds.format((performance.now() - started) / 1000)} s`),
      cell('name', event.type),
      cell('payload', summarizeEvent(event.type, payload)),
    );
    if (row !== last) this.list.append(row);
    this.empty.hidden = true;
    this.list.scrollTop = this.list.scrollHeight;
  }
}
