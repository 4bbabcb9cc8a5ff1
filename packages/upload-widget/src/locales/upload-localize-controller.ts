import {
  LocalizeController,
  type LocalizeHost,
  languageCandidates,
  lookupTerm,
  type TermArgs,
} from '@kumo/ui';
import { ContextConsumer } from '@lit/context';
import { type UploadStringKey, type UploadStrings, uploadStrings } from './strings.js';
import { interpolate, type TextOverrides, textOverridesContext } from './text-overrides.js';

/**
 * The widget's strings for one element, with the widget's `text` overrides applied first. Parts
 * inside the widget receive the overrides through context; the widget sets `overrides` itself.
 */
export class UploadLocalizeController extends LocalizeController<UploadStrings> {
  /** The normalized `text` option in effect. */
  overrides: TextOverrides = {};

  constructor(host: LocalizeHost, options: { readonly consume?: boolean } = {}) {
    super(host, uploadStrings);
    if (options.consume ?? true) {
      new ContextConsumer(host, {
        context: textOverridesContext,
        subscribe: true,
        callback: (value) => {
          this.overrides = value;
          host.requestUpdate();
        },
      });
    }
  }

  override term<K extends UploadStringKey>(key: K, ...args: TermArgs<UploadStrings[K]>): string {
    const override = this.overrideOf(key);
    return override === undefined ? super.term(key, ...args) : interpolate(override, args[0]);
  }

  private overrideOf(key: UploadStringKey): string | undefined {
    for (const tag of languageCandidates(this.lang)) {
      const text = this.overrides[tag]?.[key];
      if (text !== undefined) return text;
    }
    // English overrides apply wherever English is what would show (no translation of the key).
    const english = this.overrides.en?.[key];
    if (english === undefined) return undefined;
    return lookupTerm(uploadStrings, this.lang, key) === uploadStrings.source[key] ? english : undefined;
  }
}
