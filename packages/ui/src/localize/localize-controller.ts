import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveDir, resolveLang, watchInheritedAttributes } from '../base/inherited-attributes.js';
import {
  type FormatBytesOptions,
  formatBytes,
  formatDuration,
  formatDurationSpoken,
  formatNumber,
  formatPercent,
} from './format.js';
import {
  loadTranslation,
  lookupTerm,
  onTranslationsChange,
  type Strings,
  type StringTable,
  type TermArgs,
} from './strings.js';

/** An element a controller can attach to. */
export type LocalizeHost = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element its strings and formatters in the language it is in. The language is the
 * element's own or nearest ancestor's `lang` (through shadow roots), else the browser's; when it
 * changes, or when a locale finishes loading, the element re-renders. Missing locales and keys
 * fall back to English.
 *
 * ```ts
 * private readonly localize = new LocalizeController(this, strings);
 * render() { return html`<button aria-label=${this.localize.term('close')}>…</button>`; }
 * ```
 */
export class LocalizeController<T extends Strings> implements ReactiveController {
  /** The language in effect (a BCP 47 tag as written in `lang`). */
  lang = 'en';
  /** The direction in effect: the nearest `dir`, else the language's. */
  dir: 'ltr' | 'rtl' = 'ltr';

  private readonly host: LocalizeHost;
  private readonly table: StringTable<T>;
  private unsubscribe: Array<() => void> = [];

  constructor(host: LocalizeHost, table: StringTable<T>) {
    this.host = host;
    this.table = table;
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = [
      watchInheritedAttributes(this.host, () => this.resolve()),
      onTranslationsChange((namespace) => {
        if (namespace === this.table.namespace) this.host.requestUpdate();
      }),
    ];
    this.resolve();
  }

  hostDisconnected(): void {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
  }

  /** Settles once the strings for the current language have loaded (or failed to). */
  get ready(): Promise<void> {
    return loadTranslation(this.table, this.lang);
  }

  /** The text of `key` in the current language, with its parameters applied. */
  term<K extends keyof T & string>(key: K, ...args: TermArgs<T[K]>): string {
    const term = lookupTerm(this.table, this.lang, key);
    return typeof term === 'function' ? term(...args) : term;
  }

  /** A number formatted for the current language. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, value, options);
  }

  /** A fraction (0–1) as a percentage for the current language. */
  percent(fraction: number, maximumFractionDigits?: number): string {
    return formatPercent(this.lang, fraction, maximumFractionDigits);
  }

  /** A byte count with its unit for the current language ("1.5 MB"). */
  bytes(bytes: number, options?: FormatBytesOptions): string {
    return formatBytes(this.lang, bytes, options);
  }

  /** A media time as a clock ("1:05"). */
  duration(seconds: number): string {
    return formatDuration(this.lang, seconds);
  }

  /** A duration in words, for screen readers ("1 minute, 5 seconds"). */
  durationSpoken(seconds: number): string {
    return formatDurationSpoken(this.lang, seconds);
  }

  private resolve(): void {
    const lang = resolveLang(this.host);
    const dir = resolveDir(this.host, lang);
    const changed = lang !== this.lang || dir !== this.dir;
    this.lang = lang;
    this.dir = dir;
    if (changed) this.host.requestUpdate();
    // Loaded strings announce themselves through onTranslationsChange.
    void loadTranslation(this.table, lang);
  }
}
