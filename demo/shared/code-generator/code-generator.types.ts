// What the code generator needs to know about an element to write its embed code. Nothing here is
// specific to one widget: each studio page describes its element with these types.

/** A value an option can hold in generated code: JSON without null. */
export type SnippetValue =
  | string
  | number
  | boolean
  | readonly SnippetValue[]
  | { readonly [key: string]: SnippetValue };

/** The four kinds of embed code the studio writes, in the order its tabs show them. */
export const FLAVOURS = ['script-tag', 'es-module', 'react', 'vue'] as const;
export type Flavour = (typeof FLAVOURS)[number];

/** How one option is written in each flavour. */
export interface OptionSpec {
  /** The kebab-case attribute; absent for property-only options (objects, functions…). */
  readonly attribute?: string;
  /** True when an array of words or numbers may be written as a space-separated attribute (`sources="local url"`). */
  readonly listAttribute?: boolean;
  /**
   * How a number is written in the attribute, when the element reads a friendlier form back as the
   * same number (`16/9` for 1.7777…). Properties keep the number.
   */
  readonly attributeNumber?: (value: number) => string;
  /**
   * Where the option goes in the script-tag API's options object: a dotted path in Cloudinary's
   * names (`styles.palette`, `language`). Defaults to the property name; `null` leaves it out.
   */
  readonly embedPath?: string | null;
  /** The value the script-tag API expects, when it differs from the element's. */
  readonly embedValue?: (value: SnippetValue) => SnippetValue;
  /**
   * In the script-tag flavour, written as an attribute of the container element instead of into
   * the options object: for what the script-tag API does not take but the element reads from its
   * markup (`lang`). Needs an `embed.container`.
   */
  readonly embedAttribute?: boolean;
}

/** A DOM event the generated code listens to. */
export interface EventSpec {
  /** The element's event name (`kumo-upload-success`). */
  readonly name: string;
  /** The property path of the event worth logging (`detail.info`); the whole event when absent. */
  readonly payload?: string;
  /** The React wrapper's prop; defaults to `on` + the PascalCase name without `kumo-` (`onUploadSuccess`). */
  readonly reactProp?: string;
  /** The event's name in the script-tag API (`success`); absent when that API does not report it. */
  readonly embedName?: string;
}

/** How the script-tag API (`kumo.js`) creates the element. */
export interface EmbedSpec {
  /** The factory on the `kumo` global (`createUploadWidget`). */
  readonly factory: string;
  /** The variable that holds what the factory returns (`widget`). */
  readonly instance: string;
  /**
   * `callback`: `factory(options, (error, result) => …)` reporting `result.event` (Cloudinary's
   * upload widget). `on`: `factory(…)` then `instance.on(name, handler)` (Cloudinary's video player).
   */
  readonly events: 'callback' | 'on';
  /**
   * An element written before the script for the instance to render into. With `option` its CSS
   * selector goes into that option (`inlineContainer: '#upload-widget'`); without, its id is the
   * factory's first argument (`videoPlayer('player', …)`).
   */
  readonly container?: { readonly tag: string; readonly id: string; readonly option?: string };
  /** A button that calls `instance[method]()` when clicked (the upload widget is created hidden). */
  readonly opener?: { readonly id: string; readonly label: string; readonly method: string };
  /** A method called right after creation (`open` for an inline widget). */
  readonly callOnLoad?: string;
}

/** Everything the generator needs about one configured element. */
export interface ElementDescription {
  /** The custom element's tag (`kumo-upload-widget`). */
  readonly tag: string;
  /** The npm package whose `/define` entry registers the element (`@kumo/upload-widget`). */
  readonly packageName: string;
  /** The React wrapper component and its package (`KumoUploadWidget` from `@kumo/react`). */
  readonly react: { readonly component: string; readonly packageName: string };
  /** Where `kumo.js` is served from: the Kumo server's origin. */
  readonly serverUrl: string;
  /** Every option the element knows, in the order the code lists them. */
  readonly optionSpecs: Readonly<Record<string, OptionSpec>>;
  /** The current value of each option (by property name); undefined means unset. */
  readonly options: Readonly<Record<string, SnippetValue | undefined>>;
  /** The element's default for each option; options equal to their default are left out of the code. */
  readonly defaults: Readonly<Record<string, SnippetValue | undefined>>;
  /** Events the code listens to, in order. */
  readonly events: readonly EventSpec[];
  readonly embed: EmbedSpec;
}

/** One option that differs from its default, with its spec. */
export interface SnippetOption {
  readonly property: string;
  readonly value: SnippetValue;
  readonly spec: OptionSpec;
}
