import { warnInDev } from '@kumo/ui/dev';
import {
  adoptStyles,
  type CSSResult,
  type CSSResultOrNative,
  type ReactiveController,
  type ReactiveControllerHost,
} from 'lit';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
import type { QueueMessages } from './queue-controller.js';

/**
 * Code a page does not need before the widget shows its trigger (or inline frame), each piece loaded
 * the first time it is shown (or ahead of that, when the page is idle). Every loader is an
 * `import()`, so bundlers put each piece in a chunk of its own.
 */
export const loadQueueViews = () => import('./queue-views.js');
export const loadPanel = () => import('./widget-panel.js');
export const loadAnnouncer = () => import('./queue-messages.js');

type Announcements = Awaited<ReturnType<typeof loadAnnouncer>>;
let announcements: Announcements | undefined;

/**
 * Has the announcer say what `say` picks from the queue's messages in `localize`'s language: at once
 * when their code has loaded (with the first message, or earlier when the page is idle), else as
 * soon as it has, in the order asked for.
 */
export function announceSoon(
  localize: UploadLocalizeController<WidgetStrings>,
  say: (messages: QueueMessages) => string,
  politeness?: 'polite' | 'assertive',
): void {
  const speak = (module: Announcements) => module.announce(say(module.queueMessages(localize)), politeness);
  if (announcements) {
    speak(announcements);
    return;
  }
  loadOnce(loadAnnouncer).then(
    (module) => {
      announcements = module;
      speak(module);
    },
    () => {
      // Without its code (offline) the message is lost; what it says is on screen too.
    },
  );
}

const PART_LOADERS = {
  // Through the module the parts share, so that the code the dialog shares with them is one file.
  'kumo-dialog': () =>
    import('../part-kit.js').then(({ defineElement, KumoDialog }) =>
      defineElement('kumo-dialog', KumoDialog),
    ),
  'kumo-upload-sources': () => import('../upload-sources/define.js'),
  'kumo-upload-source-url': () => import('../upload-source-url/define.js'),
  'kumo-upload-source-camera': () => import('../upload-source-camera/define.js'),
  'kumo-upload-crop': () => import('../upload-crop/define.js'),
  'kumo-upload-completed': () => import('../upload-completed/define.js'),
  'kumo-upload-advanced': () => import('../upload-advanced/define.js'),
} as const;

/** A part registered on first use. */
export type LazyPart = keyof typeof PART_LOADERS;

/**
 * Starts loading parts before they are shown (when the browser is idle, or when the person is
 * about to open the widget), without making anything wait for them.
 */
export function prefetchParts(...tags: LazyPart[]): void {
  for (const tag of tags)
    if (!customElements.get(tag)) loadOnce<unknown>(PART_LOADERS[tag]).catch(() => undefined);
}

type Loader<T> = () => Promise<T>;

const loads = new Map<Loader<unknown>, { promise: Promise<unknown>; value?: unknown }>();

/** Runs `load` once; a failed load is tried again next time. */
export function loadOnce<T>(load: Loader<T>): Promise<T> {
  let entry = loads.get(load);
  if (!entry) {
    const promise = load();
    const loaded: { promise: Promise<unknown>; value?: unknown } = { promise };
    promise.then(
      (value) => {
        loaded.value = value;
      },
      () => loads.delete(load),
    );
    entry = loaded;
    loads.set(load, entry);
  }
  return entry.promise as Promise<T>;
}

/**
 * Loads the parts and views an element renders as it first renders them (and any other code it loads
 * on demand), and re-renders it when they arrive. Until then a part's tag stays an empty, undefined
 * element; `busy` lets the element say so (`aria-busy`), and `settled` lets its `updateComplete`
 * wait for them.
 */
export class LazyPartsController implements ReactiveController {
  private readonly pending = new Set<Promise<unknown>>();
  // Asked for and not loaded: not asked for again. A failure stays here, since each failure
  // re-renders the element, which would ask again at once.
  private readonly requested = new Set<Loader<unknown>>();
  private readonly adopted = new Set<Loader<unknown>>();
  /** The styles of the views loaded so far, in the order they arrived. */
  private readonly viewStyles: CSSResult[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether anything asked for is still loading. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Settles when everything asked for so far has loaded or failed. */
  get settled(): Promise<unknown> {
    return Promise.allSettled(this.pending);
  }

  /** The element's `updateComplete`, also waiting for what is loading and the update its arrival brings. */
  async settle(updateComplete: () => Promise<boolean>): Promise<boolean> {
    let complete = await updateComplete();
    while (this.busy) {
      await this.settled;
      complete = await updateComplete();
    }
    return complete;
  }

  /** Waits for other code loading on demand (for an option), re-rendering the element once it is done. */
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    const done = () => {
      this.pending.delete(work);
      this.host.requestUpdate();
    };
    work.then(done, done);
  }

  /** Runs `work` with the module `load` gives: at once when it has loaded, else when it has. */
  run<T>(load: Loader<T>, work: (module: T) => void): void {
    const entry = loads.get(load);
    if (entry && 'value' in entry) work(entry.value as T);
    else this.track(loadOnce(load).then(work));
  }

  /** The module `load` gives once it has loaded; until then undefined, and it starts loading. */
  use<T>(load: Loader<T>): T | undefined {
    const entry = loads.get(load);
    if (entry && 'value' in entry) return entry.value as T;
    if (!this.requested.has(load)) {
      this.requested.add(load);
      this.track(
        loadOnce(load).then(
          () => this.requested.delete(load),
          (error: unknown) =>
            warnInDev(
              'upload-widget-load-failed',
              `a part of the widget could not be loaded: ${String(error)}`,
            ),
        ),
      );
    }
    return undefined;
  }

  /** `use` for a module of templates whose `styles` join the element's own (`own`) once it loads. */
  useViews<T extends { readonly styles: CSSResult }>(
    load: Loader<T>,
    root: ShadowRoot,
    own: readonly CSSResultOrNative[],
  ): T | undefined {
    const views = this.use(load);
    if (views && !this.adopted.has(load)) {
      this.adopted.add(load);
      this.viewStyles.push(views.styles);
      adoptStyles(root, [...own, ...this.viewStyles]);
    }
    return views;
  }

  /** Starts registering the parts that are not registered yet; true when all of them are. */
  need(...tags: LazyPart[]): boolean {
    let ready = true;
    for (const tag of tags) {
      if (customElements.get(tag)) continue;
      ready = false;
      this.use<unknown>(PART_LOADERS[tag]);
    }
    return ready;
  }
}
