/** Every Kumo element's tag starts with this. */
export const KUMO_TAG_PREFIX = 'kumo-';

/**
 * Whether Vue's template compiler should leave `tag` to the browser as a custom element, for
 * `compilerOptions.isCustomElement`. Combine it with other checks if the app has other elements:
 * `isCustomElement: (tag) => isKumoElement(tag) || tag.startsWith('my-')`.
 */
export function isKumoElement(tag: string): boolean {
  return tag.startsWith(KUMO_TAG_PREFIX);
}
