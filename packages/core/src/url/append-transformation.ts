import type { Component, Transformation } from '../transformation/index.js';
import { serializeTransformation } from '../transformation/index.js';

/** Whatever `buildUrl` accepts as a transformation. */
export type TransformationLike = string | Transformation | Component;

/** Serializes `base` and chains `extra` components after it (`base/extra…`), skipping empty parts. */
export function appendTransformation(
  base: TransformationLike | undefined,
  ...extra: TransformationLike[]
): string {
  const parts = [base, ...extra].map((part) => (part == null ? '' : serializeTransformation(part)));
  return parts.filter((part) => part !== '').join('/');
}
