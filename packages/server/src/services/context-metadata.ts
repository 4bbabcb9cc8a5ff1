import { badRequest } from './service-error.js';

/**
 * Parses Cloudinary's context syntax `key=value|key2=value2`, where `\=` and `\|` escape the
 * separators inside values. A JSON object is accepted too (JSON request bodies send one).
 */
export function parseContext(value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw badRequest('Invalid context: malformed JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw badRequest('Invalid context: expected an object');
    return Object.fromEntries(Object.entries(parsed).map(([key, item]) => [checkKey(key), String(item)]));
  }
  const context: Record<string, string> = {};
  for (const pair of splitUnescaped(trimmed, '|')) {
    if (!pair) continue;
    const [key, ...rest] = splitUnescaped(pair, '=');
    const rawValue = rest.join('=');
    context[checkKey(removeEscapes(key ?? ''))] = removeEscapes(rawValue);
  }
  return context;
}

/** The reverse of `parseContext`, for webhook payloads and responses that echo the wire form. */
export function serializeContext(context: Readonly<Record<string, string>>): string {
  const escapeSeparators = (text: string) => text.replace(/([=|\\])/g, '\\$1');
  return Object.entries(context)
    .map(([key, value]) => `${escapeSeparators(key)}=${escapeSeparators(value)}`)
    .join('|');
}

function checkKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed || /[\u0000-\u001f\u007f]/.test(trimmed) || trimmed.length > 1024) {
    throw badRequest(`Invalid context key ${JSON.stringify(key)}`);
  }
  return trimmed;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && '=|\\'.includes(text[i + 1]!)) {
      current += char + text[i + 1];
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

// Only the separators and the backslash itself are escapes; the Node SDK leaves other backslashes alone.
function removeEscapes(text: string): string {
  return text.replace(/\\([=|\\])/g, '$1');
}
