import { LocalizeController, type LocalizeHost } from '@kumo/ui/localize';
import {
  languageCandidates,
  lookupTerm,
  type Strings,
  type StringTable,
  type TermArgs,
} from '@kumo/ui/localize/strings';
import {
  interpolate,
  onTextOverridesChange,
  type TextOverrides,
  textOverridesFor,
} from './text-overrides.js';

/**
 * One element's strings from its table of the widget's strings, with the widget's `text` overrides
 * applied first. Parts inside the widget take the overrides of the widget they are in; the widget
 * sets `overrides` itself.
 */
export class UploadLocalizeController<T extends Strings> extends LocalizeController<T> {
  /** The normalized `text` option in effect. */
  overrides: TextOverrides = {};

  private readonly element: LocalizeHost;
  private readonly strings: StringTable<T>;
  private readonly consume: boolean;
  private stopListening: (() => void) | undefined;

  constructor(host: LocalizeHost, strings: StringTable<T>, options: { readonly consume?: boolean } = {}) {
    super(host, strings);
    this.element = host;
    this.strings = strings;
    this.consume = options.consume ?? true;
  }

  override hostConnected(): void {
    super.hostConnected();
    if (!this.consume) return;
    const follow = () => {
      const overrides = textOverridesFor(this.element);
      if (overrides === this.overrides) return;
      this.overrides = overrides;
      this.element.requestUpdate();
    };
    follow();
    this.stopListening = onTextOverridesChange(follow);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.stopListening?.();
    this.stopListening = undefined;
  }

  override term<K extends keyof T & string>(key: K, ...args: TermArgs<T[K]>): string {
    return this.termIn(this.strings, key, ...args);
  }

  /** A term of another of the widget's tables (a part's), in this element's language and overrides. */
  termIn<U extends Strings, K extends keyof U & string>(
    table: StringTable<U>,
    key: K,
    ...args: TermArgs<U[K]>
  ): string {
    const override = this.overrideOf(table, key);
    if (override !== undefined) return interpolate(override, args[0]);
    const term = lookupTerm(table, this.lang, key);
    return typeof term === 'function' ? term(...args) : (term as string);
  }

  private overrideOf<U extends Strings>(table: StringTable<U>, key: keyof U & string): string | undefined {
    for (const tag of languageCandidates(this.lang)) {
      const text = this.overrides[tag]?.[key];
      if (text !== undefined) return text;
    }
    // English overrides apply wherever English is what would show (no translation of the key).
    const english = this.overrides.en?.[key];
    if (english === undefined) return undefined;
    return lookupTerm(table, this.lang, key) === table.source[key] ? english : undefined;
  }
}
