import { type Component, parseTransformation, type Transformation } from '@kumo/core';
import type { ClientHints } from '../../render/image/index.js';

/** Client hints and `Accept`, as the route read them from the request. */
export interface RequestHints {
  readonly accept?: string;
  readonly clientHints: ClientHints;
}

/**
 * The part of the request a rendering depends on, as a short string for the derived cache key:
 * the `Accept` class for `f_auto`, the DPR for `dpr_auto`, the width hints for `w_auto`. Empty when
 * the transformation uses none of them, so such renderings are shared by every client.
 */
export function variantOf(transformation: Transformation, hints: RequestHints): string {
  const parts: string[] = [];
  const auto = (value: unknown) => typeof value === 'string' && value.startsWith('auto');
  if (transformation.some((c) => auto(c.format))) parts.push(`accept=${acceptClass(hints.accept)}`);
  const { dpr, width, viewportWidth } = hints.clientHints;
  if (transformation.some((c) => c.dpr === 'auto')) parts.push(`dpr=${dpr ?? ''}`);
  if (transformation.some((c) => auto(c.width)))
    parts.push(`w=${width ?? ''}:${viewportWidth ?? ''}:${dpr ?? ''}`);
  return parts.join('&');
}

/** What `f_auto` looks at: whether the client takes AVIF, else WebP. */
function acceptClass(accept: string | undefined): string {
  const types = (accept ?? '').toLowerCase();
  if (types.includes('image/avif')) return 'avif';
  if (types.includes('image/webp')) return 'webp';
  return 'other';
}

/** Names of the named transformations (`t_a.b` → a, b) a chain refers to. */
export function namedTransformationsOf(transformation: Transformation): string[] {
  return transformation.flatMap((component) => {
    const named = component.namedTransformation;
    if (named === undefined) return [];
    return (Array.isArray(named) ? named : [named]).flatMap((name: string) => name.split('.'));
  });
}

const NAMED_DEPTH = 8;

/**
 * Loads every named transformation a chain uses, recursively (the renderer looks them up
 * synchronously). Unknown names are left out: the renderer reports them.
 */
export async function loadNamedTransformations(
  transformation: Transformation,
  lookup: (name: string) => Promise<string | undefined>,
): Promise<Map<string, Transformation>> {
  const found = new Map<string, Transformation>();
  let pending = namedTransformationsOf(transformation);
  for (let depth = 0; depth < NAMED_DEPTH && pending.length; depth++) {
    const next: string[] = [];
    for (const name of new Set(pending)) {
      if (found.has(name)) continue;
      const definition = await lookup(name);
      if (definition === undefined) continue;
      const parsed = parseTransformation(definition);
      found.set(name, parsed);
      next.push(...namedTransformationsOf(parsed));
    }
    pending = next;
  }
  return found;
}

/** True when every component only names named transformations (`t_thumb`). */
export function isNamedOnly(transformation: Transformation): boolean {
  return (
    transformation.length > 0 &&
    transformation.every((component: Component) =>
      Object.keys(component).every((key) => key === 'namedTransformation'),
    )
  );
}
