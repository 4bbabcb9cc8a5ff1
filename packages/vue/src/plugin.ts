import { type App, isRuntimeOnly, type Plugin } from 'vue';
import { KUMO_ELEMENT_LOADERS, type KumoElementTag } from './generated/elements.js';
import { isKumoElement } from './is-kumo-element.js';

export interface KumoVueOptions {
  /** Elements to register in the browser when the plugin is installed (`['kumo-upload-widget']`). */
  readonly elements?: readonly KumoElementTag[];
}

/**
 * Registers Kumo elements in the browser by loading their packages' define entry points; does
 * nothing during server rendering. Resolves once every listed element is defined, so awaiting it
 * before `mount()` lets Vue set properties (objects, arrays) on upgraded elements from the start.
 */
export async function defineKumoElements(tags: readonly KumoElementTag[]): Promise<void> {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return;
  await Promise.all(tags.map((tag) => KUMO_ELEMENT_LOADERS[tag]()));
}

/**
 * `app.use(KumoVue, { elements })`. Vue itself gets no components: Kumo elements are custom
 * elements, and templates compiled at build time (SFCs) need `isKumoElement` in the build's
 * `compilerOptions.isCustomElement` (see the README). With Vue's full build, which compiles
 * templates in the browser, the plugin adds that check to `app.config.compilerOptions` itself.
 */
export const KumoVue: Plugin<[KumoVueOptions?]> = {
  install(app: App, options: KumoVueOptions = {}) {
    if (!isRuntimeOnly()) {
      const compilerOptions = app.config.compilerOptions;
      const previous = compilerOptions.isCustomElement;
      compilerOptions.isCustomElement = (tag) => isKumoElement(tag) || previous?.(tag) === true;
    }
    if (options.elements?.length) {
      defineKumoElements(options.elements).catch((error: unknown) => {
        console.error('Kumo: could not register an element', error);
      });
    }
  },
};
