import { warnInDev } from '../dev/warn.js';

/** One localizable string: text, or a function of parameters (counts, names) returning text. */
// biome-ignore lint/suspicious/noExplicitAny: parameter lists differ per term; each table's own type keeps them exact.
export type Term = string | ((...args: any[]) => string);

/** A table of terms, keyed by name. An English table written `as const`-free is the type source. */
export type Strings = { readonly [key: string]: Term };

/**
 * What a locale provides for a table whose English source is `T`: any subset of its keys (missing
 * ones fall back to English), each with the same shape as in English.
 */
export type Translation<T extends Strings> = {
  readonly [K in keyof T]?: T[K] extends string ? string : T[K];
};

/** The parameters a term takes: none for plain text, the function's parameters otherwise. */
export type TermArgs<V> = V extends (...args: infer A) => string ? A : [];

/** Lazily loads one locale of a table; each locale is its own module so bundlers split them. */
export type TranslationLoader<T extends Strings> = () => Promise<{ default: Translation<T> }>;

/** A namespaced table of strings: the English source plus loaders for the other locales. */
export interface StringTable<T extends Strings> {
  /** Namespace, e.g. `kumo` for @kumo/ui's own strings, `upload-widget` for the widget's. */
  readonly namespace: string;
  /** The English source, also the fallback for every missing key. */
  readonly source: T;
  /** Loaders by lower-case language tag (`fr`, `ar`, `pt-br`). */
  readonly loaders: Readonly<Record<string, TranslationLoader<T>>>;
}

interface NamespaceState {
  /** Loaded locales by lower-case tag. */
  readonly loaded: Map<string, Strings>;
  /** Strings an application added (`addTranslation`); they win over loaded ones. */
  readonly added: Map<string, Record<string, Term>>;
  readonly pending: Map<string, Promise<void>>;
}

const namespaces = new Map<string, NamespaceState>();
const listeners = new Set<(namespace: string) => void>();

function stateOf(namespace: string): NamespaceState {
  let state = namespaces.get(namespace);
  if (!state) {
    state = { loaded: new Map(), added: new Map(), pending: new Map() };
    namespaces.set(namespace, state);
  }
  return state;
}

function notify(namespace: string): void {
  for (const listener of [...listeners]) listener(namespace);
}

/**
 * Calls `listener` with the namespace whenever translations of it load or are added; returns the
 * unsubscribe function.
 */
export function onTranslationsChange(listener: (namespace: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Declares an element's string table. `source` is the English text and the type every other
 * locale must match; `loaders` import the other locales on demand:
 *
 * ```ts
 * export const strings = defineStrings('upload-widget', en, {
 *   ar: () => import('./locales/ar.js'),
 *   fr: () => import('./locales/fr.js'),
 * });
 * ```
 */
export function defineStrings<T extends Strings>(
  namespace: string,
  source: T,
  loaders: Readonly<Record<string, TranslationLoader<T>>> = {},
): StringTable<T> {
  const normalized: Record<string, TranslationLoader<T>> = {};
  for (const [lang, loader] of Object.entries(loaders)) normalized[lang.toLowerCase()] = loader;
  stateOf(namespace);
  return { namespace, source, loaders: normalized };
}

/**
 * The tags to try for `lang`, most specific first: `pt-BR` gives `pt-br`, then `pt`.
 * English is not listed: it is the source every lookup ends at.
 */
export function languageCandidates(lang: string): string[] {
  const tag = lang.toLowerCase().replaceAll('_', '-');
  const base = tag.split('-')[0] ?? tag;
  return base === tag ? [tag] : [tag, base];
}

/**
 * Adds (or overrides) strings of a table for a language, as an application does with its own
 * wording or a locale Kumo does not ship. Unknown keys are reported in development.
 */
export function addTranslation<T extends Strings>(
  table: StringTable<T>,
  lang: string,
  strings: Translation<T>,
): void {
  const state = stateOf(table.namespace);
  const tag = lang.toLowerCase();
  for (const key of Object.keys(strings)) {
    if (!(key in table.source)) {
      warnInDev(
        'unknown-translation-key',
        `"${key}" is not a string of "${table.namespace}"; it is ignored.`,
      );
    }
  }
  state.added.set(tag, { ...state.added.get(tag), ...(strings as Record<string, Term>) });
  notify(table.namespace);
}

/**
 * Loads the translations `lang` needs (its own tag and its base language) for a table, once.
 * Resolves when they are loaded, or when loading failed (then English is used and the failure is
 * reported in development).
 */
export function loadTranslation<T extends Strings>(table: StringTable<T>, lang: string): Promise<void> {
  const state = stateOf(table.namespace);
  const loads = languageCandidates(lang)
    .filter((tag) => tag !== 'en' && table.loaders[tag] && !state.loaded.has(tag))
    .map((tag) => {
      let pending = state.pending.get(tag);
      if (!pending) {
        pending = table.loaders[tag]!().then(
          (module) => {
            state.loaded.set(tag, module.default as Strings);
            notify(table.namespace);
          },
          (error: unknown) => {
            warnInDev(
              'translation-load-failed',
              `could not load "${tag}" strings of "${table.namespace}" (${String(error)}); using English.`,
            );
          },
        );
        state.pending.set(tag, pending);
      }
      return pending;
    });
  return Promise.all(loads).then(() => undefined);
}

/** Whether every translation `lang` needs for `table` has finished loading (or cannot be loaded). */
export function isTranslationLoaded<T extends Strings>(table: StringTable<T>, lang: string): boolean {
  const state = stateOf(table.namespace);
  return languageCandidates(lang).every(
    (tag) => tag === 'en' || !table.loaders[tag] || state.loaded.has(tag),
  );
}

/**
 * The term `key` of `table` for `lang`: the application's added strings first, then the loaded
 * locale (regional before base language), then English.
 */
export function lookupTerm<T extends Strings, K extends keyof T & string>(
  table: StringTable<T>,
  lang: string,
  key: K,
): T[K] {
  const state = stateOf(table.namespace);
  for (const tag of languageCandidates(lang)) {
    const term = state.added.get(tag)?.[key] ?? state.loaded.get(tag)?.[key];
    if (term !== undefined) return term as T[K];
  }
  return (state.added.get('en')?.[key] as T[K] | undefined) ?? table.source[key];
}
