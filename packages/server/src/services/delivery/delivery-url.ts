import {
  DeliveryUrlError,
  type ParsedDeliveryUrl,
  parseTransformation,
  parseUrl,
  type Transformation,
  TransformationParseError,
} from '@kumo/core';
import { DeliveryError } from './delivery-error.js';

/** Parses a request path (query string included) as a standard-form delivery URL, or throws a 400/404. */
export function parseDeliveryPath(path: string): ParsedDeliveryUrl {
  let parsed: ParsedDeliveryUrl;
  try {
    parsed = parseUrl(path);
  } catch (error) {
    if (error instanceof DeliveryUrlError) throw new DeliveryError(400, error.message);
    throw error;
  }
  if (parsed.pathForm !== 'standard') throw new DeliveryError(404, 'Not a delivery URL');
  return parsed;
}

/** Parses the URL's transformation components, or throws a 400. */
export function parseChain(text: string): Transformation {
  if (!text) return [];
  try {
    return parseTransformation(text);
  } catch (error) {
    if (error instanceof TransformationParseError || error instanceof Error)
      throw new DeliveryError(400, `Invalid transformation: ${error.message}`);
    throw error;
  }
}
