// What the playground shows for given inputs, apart from the DOM: parse, canonicalize, build the URL.
import { buildUrl, parseTransformation, serializeTransformation, TransformationParseError } from '@kumo/core';

export interface PlaygroundInput {
  transformation: string;
  publicId: string;
  cloudName: string;
  /** Origin of a Kumo server; empty for Cloudinary-style hosts. */
  baseUrl: string;
}

export interface PlaygroundError {
  message: string;
  /** Where in the transformation string the problem starts, when the parser knows. */
  position?: number;
  /** One-based number of the offending `/`-separated component. */
  component?: number;
}

export type PlaygroundResult =
  | { ok: true; model: unknown; canonical: string; url: string }
  | { ok: false; error: PlaygroundError; model?: unknown; canonical?: string };

export const DEFAULT_INPUT: PlaygroundInput = {
  transformation: 'c_fill,g_auto,h_300,w_400/q_auto/f_auto/dpr_2.0',
  publicId: 'sample',
  cloudName: 'demo',
  baseUrl: '',
};

export function evaluate(input: PlaygroundInput): PlaygroundResult {
  let model: unknown;
  let canonical: string;
  try {
    const parsed = parseTransformation(input.transformation.trim());
    model = parsed;
    canonical = serializeTransformation(parsed);
  } catch (error) {
    if (error instanceof TransformationParseError) {
      return {
        ok: false,
        error: { message: error.message, position: error.position, component: error.component + 1 },
      };
    }
    return { ok: false, error: { message: messageOf(error) } };
  }
  try {
    const url = buildUrl(input.publicId.trim(), {
      cloudName: input.cloudName.trim(),
      ...(input.baseUrl.trim() ? { baseUrl: input.baseUrl.trim() } : {}),
      transformation: canonical,
    });
    return { ok: true, model, canonical, url };
  } catch (error) {
    return { ok: false, error: { message: messageOf(error) }, model, canonical };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The input line with a caret under `position`, as compilers point at an error. */
export function pointAt(text: string, position: number): string {
  const at = Math.max(0, Math.min(position, text.length));
  return `${text}\n${' '.repeat(at)}^`;
}
