// HTML escaping for generated markup. Vue's template compiler decodes entities the same way, so
// these serve Vue templates too.

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Text for a double-quoted attribute value that the HTML parser decodes back to `value`. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/** Text content that the HTML parser decodes back to `value`. */
export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}
