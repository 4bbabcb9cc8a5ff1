import type { AllowedComponentProps, ComponentCustomProps, HTMLAttributes, VNodeProps } from 'vue';

/** `kumo-upload-success` → `KumoUploadSuccess`. */
type PascalCase<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<Name>;

/** `@kumo-upload-success="…"` in a template is the prop `onKumoUploadSuccess`. */
export type KumoEventProps<Events extends Record<string, Event>> = {
  [Name in keyof Events & string as `on${PascalCase<Name>}`]?: (event: Events[Name]) => void;
};

/**
 * How a Kumo element looks to Vue's template type checking (vue-tsc / Volar) once it is listed in
 * `GlobalComponents`: its settable properties `Props` as optional props (`:max-files="3"` is
 * `maxFiles`), its events as `on…` props (`@kumo-upload-success`), the usual HTML attributes, and
 * the element itself as what a template ref holds. Nothing of this exists at run time: Vue renders
 * the tag as a custom element (see `isKumoElement`).
 */
export type KumoElementComponent<
  Element extends HTMLElement,
  Props extends keyof Element,
  Events extends Record<string, Event>,
> = new () => Element & {
  /** Template prop types only; not a property of the element. */
  $props: HTMLAttributes &
    Partial<Pick<Element, Props>> &
    KumoEventProps<Events> &
    VNodeProps &
    AllowedComponentProps &
    ComponentCustomProps;
};
