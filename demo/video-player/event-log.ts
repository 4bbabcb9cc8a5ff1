// The preview's event log: one row per `kumo-*` event the player sends, newest last.
import { summarizePlayerEvent } from './player-event-summary.js';

const started = performance.now();
const seconds = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Rows kept; older ones go, so a long session (a looping video) does not grow the page forever. */
const MAX_ROWS = 200;

export class EventLog {
  constructor(
    private readonly list: HTMLOListElement,
    private readonly empty: HTMLElement,
  ) {}

  /** Logs `names` from `element` until the returned function is called. */
  watch(element: HTMLElement, names: readonly string[]): () => void {
    const handle = (event: Event) => {
      // Events of controls slotted into the player bubble through it too; only the player's count.
      if (event.target === element) this.add(event);
    };
    for (const name of names) element.addEventListener(name, handle);
    return () => {
      for (const name of names) element.removeEventListener(name, handle);
    };
  }

  clear(): void {
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  private add(event: Event): void {
    const detail = ((event as CustomEvent).detail ?? {}) as Record<string, unknown>;
    const row = document.createElement('li');
    row.setAttribute('data-event', event.type);
    row.classList.toggle('is-error', event.type === 'kumo-error');
    const cell = (className: string, text: string) => {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      return span;
    };
    row.append(
      cell('time', `${seconds.format((performance.now() - started) / 1000)} s`),
      cell('name', event.type),
      cell('payload', summarizePlayerEvent(event.type, detail)),
    );
    this.list.append(row);
    while (this.list.childElementCount > MAX_ROWS) this.list.firstElementChild?.remove();
    this.empty.hidden = true;
    this.list.scrollTop = this.list.scrollHeight;
  }
}
