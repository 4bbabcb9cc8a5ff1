/**
 * The base of Kumo's custom events. Each event is its own class with a typed, read-only `detail`,
 * and always bubbles out of shadow roots (`bubbles` and `composed`), so a page can listen on any
 * ancestor. Declare the name once, as a constant, and add it to `GlobalEventHandlersEventMap` in
 * the same file so `addEventListener` is typed:
 *
 * ```ts
 * const name = 'kumo-thing-change';
 * export class KumoThingChangeEvent extends KumoEvent<{ readonly value: string }> {
 *   static readonly eventName = name;
 *   constructor(detail: { value: string }) { super(name, detail); }
 * }
 * declare global { interface GlobalEventHandlersEventMap { [name]: KumoThingChangeEvent } }
 * ```
 *
 * "Before" events (requests a listener may veto with `preventDefault()`) pass `cancelable: true`.
 */
export class KumoEvent<Detail> extends Event {
  /** What happened, for listeners. */
  readonly detail: Readonly<Detail>;

  constructor(type: string, detail: Detail, options: { readonly cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = Object.freeze({ ...detail });
  }
}
