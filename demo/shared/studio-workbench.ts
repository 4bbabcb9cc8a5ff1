// The workbench every widget page of the studio has: the options form, kept in the URL hash so a
// link shares a configuration; a live preview element configured exactly like the generated code;
// its event log; and the code in four flavours. A page supplies its state module and its form over
// #options; this builds the preview, log and code panels into #workbench-output and wires them.
import { type ElementDescription, generateSnippets } from './code-generator/code-generator.js';
import { CodeTabs } from './code-tabs.js';

/** Waits for typing to pause before replacing the preview element. */
const PREVIEW_DELAY_MS = 300;

export interface StudioEventLog {
  /** Logs `names` from `element` until the returned function is called. */
  watch(element: HTMLElement, names: readonly string[]): () => void;
  clear(): void;
}

export interface StudioOptionsForm<State> {
  /** Puts a state into the controls. */
  write(state: State): void;
}

/** What a page's state module (upload-widget-state.ts, video-player-state.ts) provides. */
export interface StudioStateModule<State> {
  /** The events the preview's log shows. */
  readonly EVENT_NAMES: readonly string[];
  stateFromHash(hash: string): State;
  stateToHash(state: State): string;
  /** What the code sets on the element, which the preview sets too. */
  previewProperties(state: State, origin: string): object;
}

export interface WorkbenchConfig<Tag extends keyof HTMLElementTagNameMap, State, Form> {
  /** The previewed element. */
  readonly tag: Tag;
  /** What the page calls the element in prose ("widget", "player"). */
  readonly noun: string;
  /** The page's state module. */
  readonly states: StudioStateModule<State>;
  /** The element as the code generator describes it. */
  describe(state: State, origin: string): ElementDescription;
  /** The page's form over #options; it calls `onChange` with the state after every edit. */
  readonly OptionsForm: new (
    form: HTMLFormElement,
    onChange: (state: State) => void,
  ) => Form;
  readonly EventLog: new (list: HTMLOListElement, empty: HTMLElement) => StudioEventLog;
  /** Releases a preview element that is about to be replaced. */
  retire?(element: HTMLElementTagNameMap[Tag]): void;
  /** Runs on every change, once the code shows the new state. */
  onUpdate?(state: State, form: Form): void;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The panels every widget page shows beside its form. */
function outputPanels(noun: string): string {
  return `
    <section class="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <div id="preview" class="preview"></div>
    </section>

    <section class="panel" aria-labelledby="log-heading">
      <div class="toolbar">
        <h2 id="log-heading">Events</h2>
        <button type="button" id="log-clear">Clear</button>
      </div>
      <ol id="event-log" class="event-log" aria-labelledby="log-heading"></ol>
      <p id="event-log-empty" class="hint">Events the ${noun} sends appear here.</p>
    </section>

    <section aria-labelledby="code-heading">
      <h2 id="code-heading">Code</h2>
      <div id="code"></div>
    </section>
  `;
}

/** Wires the page and shows the configuration in the URL hash. */
export function startWorkbench<
  Tag extends keyof HTMLElementTagNameMap,
  State,
  Form extends StudioOptionsForm<State>,
>(config: WorkbenchConfig<Tag, State, Form>): void {
  // Static markup: the noun is the page's own text.
  byId<HTMLDivElement>('workbench-output').innerHTML = outputPanels(config.noun);
  const preview = byId<HTMLDivElement>('preview');
  const eventLog = new config.EventLog(
    byId<HTMLOListElement>('event-log'),
    byId<HTMLElement>('event-log-empty'),
  );
  const codeTabs = new CodeTabs(byId<HTMLDivElement>('code'), 'Embed code');

  let previewKey: string | undefined;
  let stopLogging: (() => void) | undefined;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Replaces the preview with a fresh element carrying exactly the options the code sets, so the
   * preview is what a pasted snippet gives. An unchanged configuration keeps the element (and what
   * it is doing: an upload in progress, where it is in the video).
   */
  const renderPreview = (state: State, hash: string): void => {
    const properties = config.states.previewProperties(state, location.origin);
    const key = JSON.stringify(properties);
    if (key !== previewKey) {
      previewKey = key;
      stopLogging?.();
      const previous = preview.querySelector(config.tag);
      if (previous) config.retire?.(previous);
      const element = Object.assign(document.createElement(config.tag), properties);
      preview.replaceChildren(element);
      stopLogging = eventLog.watch(element, config.states.EVENT_NAMES);
    }
    // Tells tests (and curious people) which configuration the preview shows.
    preview.dataset.hash = hash;
  };

  const update = (state: State, { immediate = false } = {}): void => {
    const hash = config.states.stateToHash(state);
    if (location.hash.slice(1) !== hash)
      history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
    codeTabs.update(generateSnippets(config.describe(state, location.origin)));
    config.onUpdate?.(state, form);
    clearTimeout(previewTimer);
    if (immediate) renderPreview(state, hash);
    else previewTimer = setTimeout(() => renderPreview(state, hash), PREVIEW_DELAY_MS);
  };

  const form = new config.OptionsForm(byId<HTMLFormElement>('options'), (state) => update(state));

  const loadFromHash = (): void => {
    const state = config.states.stateFromHash(location.hash);
    form.write(state);
    update(state, { immediate: true });
  };

  byId<HTMLButtonElement>('log-clear').addEventListener('click', () => eventLog.clear());
  window.addEventListener('hashchange', loadFromHash);
  loadFromHash();
}
