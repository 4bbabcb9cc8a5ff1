export type { KumoElementComponent, KumoEventProps } from './element-component.js';
export * from './generated/index.js';
export { isKumoElement, KUMO_TAG_PREFIX } from './is-kumo-element.js';
export { defineKumoElements, KumoVue, type KumoVueOptions } from './plugin.js';
