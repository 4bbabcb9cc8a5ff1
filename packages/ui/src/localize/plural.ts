/** The plural forms a language may distinguish (CLDR categories); `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesCache = new Map<string, Intl.PluralRules>();
const numberCache = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, create: () => T): T {
  let value = cache.get(locale);
  if (!value) {
    value = create();
    cache.set(locale, value);
  }
  return value;
}

/**
 * Picks the form of `forms` that `Intl.PluralRules` selects for `count` in `locale` and puts the
 * count, formatted for the locale, in place of `#`. Arabic, for one, needs `zero`, `one`, `two`,
 * `few`, `many` and `other`; English only `one` and `other`.
 *
 * ```ts
 * fileCount: (count: number) => plural('en', count, { one: '# file', other: '# files' }),
 * ```
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const rules = cached(rulesCache, locale, () => new Intl.PluralRules(locale));
  const numbers = cached(numberCache, locale, () => new Intl.NumberFormat(locale));
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('#', numbers.format(count));
}
