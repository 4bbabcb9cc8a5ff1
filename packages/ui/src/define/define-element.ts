/** A custom element class that may say which version of its package it comes from. */
export type VersionedElementConstructor = CustomElementConstructor & { readonly version?: string };

const versionOf = (ctor: VersionedElementConstructor | undefined): string =>
  ctor?.version ?? 'unknown version';

/**
 * Registers `ctor` as `tag` unless the tag is taken. Registering the same class again does nothing;
 * when a different class (usually another copy of the package) holds the tag, the first one stays
 * and a warning names both versions. Never throws, and does nothing where there is no registry
 * (server-side rendering).
 */
export function defineElement(
  tag: string,
  ctor: VersionedElementConstructor,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  if (!registry) return;
  const existing = registry.get(tag) as VersionedElementConstructor | undefined;
  if (existing === ctor) return;
  if (existing) {
    console.warn(
      `[kumo] <${tag}> is already registered by another copy (${versionOf(existing)}); ` +
        `this copy (${versionOf(ctor)}) was not registered. Load one copy of the package so both ` +
        'parts of the page use the same element.',
    );
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[kumo] <${tag}> (${versionOf(ctor)}) could not be registered: ${reason}`);
  }
}
