import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';

type EventNames = Record<string, EventName | string>;

export interface KumoComponentOptions<E extends EventNames> {
  /** The element's tag, e.g. `kumo-upload-widget`. */
  readonly tagName: string;
  /** Name shown in React's developer tools. */
  readonly displayName: string;
  /** The element's settable properties: props with these names are set as properties, not attributes. */
  readonly properties: readonly string[];
  /** Event props → DOM event names (`onUploadSuccess` → `kumo-upload-success`). */
  readonly events: E;
  /** Loads the package entry point that registers the element (`@kumo/upload-widget/define`). */
  readonly define: () => Promise<unknown>;
}

const definitions = new Map<() => Promise<unknown>, Promise<unknown>>();

/** Runs a define loader once per page; a failure is reported, not thrown into React. */
export function defineOnce(define: () => Promise<unknown>): Promise<unknown> {
  let pending = definitions.get(define);
  if (!pending) {
    pending = define().catch((error: unknown) => {
      definitions.delete(define);
      console.error('Kumo: could not register an element', error);
    });
    definitions.set(define, pending);
  }
  return pending;
}

/**
 * `@lit/react` decides prop by prop whether to set a property (`name in elementClass.prototype`).
 * Importing the real class on the server would evaluate Lit, the element and its engine there, so
 * the wrapper gets a stand-in whose prototype only lists the property names (from the element's
 * custom-elements.json); the types still come from the real class.
 */
function standIn<I extends HTMLElement>(properties: readonly string[]): new () => I {
  const prototype: Record<string, undefined> = Object.create(null);
  for (const name of properties) prototype[name] = undefined;
  return { prototype } as unknown as new () => I;
}

/**
 * A React component for a Kumo element, with typed props (from the element class `I`) and typed
 * event props (`E`). Importing it touches no browser API: the element is registered by `define`
 * from an effect, so the module is safe to import during server rendering. Properties set before
 * the element is registered are kept by Lit and applied when it upgrades.
 */
export function createKumoComponent<I extends HTMLElement, E extends EventNames>(
  options: KumoComponentOptions<E>,
): ReactWebComponent<I, E> {
  const { tagName, displayName, properties, events, define } = options;
  const Inner = createComponent<I, E>({
    react: React,
    tagName,
    elementClass: standIn<I>(properties),
    events,
    displayName,
  });
  // The public type is Inner's; inside, props only pass through, so a loose type keeps the
  // compiler from comparing the (large) generic prop types.
  type LooseProps = Record<string, unknown>;
  const Passing = Inner as unknown as React.ComponentType<LooseProps & React.RefAttributes<I>>;
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like @lit/react's own, called once per element at module level.
  const Outer = React.forwardRef<I, LooseProps>((props, ref) => {
    React.useEffect(() => {
      void defineOnce(define);
    }, []);
    return React.createElement(Passing, { ...props, ref });
  });
  Outer.displayName = displayName;
  return Outer as unknown as ReactWebComponent<I, E>;
}
