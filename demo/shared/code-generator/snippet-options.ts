// Which options the code mentions and how each flavour can write them. Shared by the four flavours
// so they always agree on what differs from the defaults.
import type { ElementDescription, EventSpec, SnippetOption, SnippetValue } from './code-generator.types.js';

/** Deep equality of option values; object key order does not matter. */
export function sameValue(a: SnippetValue | undefined, b: SnippetValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Readonly<Record<string, SnippetValue>>;
  const right = b as Readonly<Record<string, SnippetValue>>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
  );
}

/** The options that differ from their defaults, in the order of `optionSpecs`. */
export function nonDefaultOptions(description: ElementDescription): SnippetOption[] {
  const chosen: SnippetOption[] = [];
  for (const [property, spec] of Object.entries(description.optionSpecs)) {
    const value = description.options[property];
    if (value === undefined || sameValue(value, description.defaults[property])) continue;
    chosen.push({ property, value, spec });
  }
  return chosen;
}

const LIST_ITEM = /^[^\s,]+$/;

/**
 * The option as attribute text, `true` for a bare boolean attribute, or undefined when only the
 * property can carry it (objects, `false`, lists whose items contain spaces or commas).
 */
export function attributeText(option: SnippetOption): string | true | undefined {
  const { spec, value } = option;
  if (spec.attribute === undefined) return undefined;
  const text = (item: string | number) =>
    typeof item === 'number' && spec.attributeNumber ? spec.attributeNumber(item) : String(item);
  if (typeof value === 'boolean') return value ? true : undefined;
  if (typeof value === 'string' || typeof value === 'number') return text(value);
  if (
    Array.isArray(value) &&
    spec.listAttribute &&
    value.length > 0 &&
    value.every(
      (item) =>
        (typeof item === 'string' && LIST_ITEM.test(item)) ||
        (typeof item === 'number' && Number.isFinite(item)),
    )
  )
    return value.map((item) => text(item as string | number)).join(' ');
  return undefined;
}

/** The script-tag API's options object: Cloudinary's names, nested where a path has dots. */
export function embedOptions(options: readonly SnippetOption[]): Record<string, SnippetValue> {
  const root: Record<string, SnippetValue> = {};
  for (const { property, value, spec } of options) {
    const path = spec.embedPath === undefined ? property : spec.embedPath;
    if (path === null || spec.embedAttribute) continue;
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target = root;
    for (const key of keys) {
      const next = target[key];
      const nested: Record<string, SnippetValue> =
        typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, SnippetValue>) } : {};
      target[key] = nested;
      target = nested;
    }
    target[last] = spec.embedValue ? spec.embedValue(value) : value;
  }
  return root;
}

const pascalCase = (name: string) =>
  name
    .replace(/^kumo-/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** The React wrapper's prop for an event (`onUploadSuccess`). */
export function reactEventProp(event: EventSpec): string {
  return event.reactProp ?? `on${pascalCase(event.name)}`;
}

/** A handler function name for an event (`handleUploadSuccess`). */
export function handlerName(event: EventSpec): string {
  return `handle${pascalCase(event.name)}`;
}
