// Wires the upload widget studio page: form ↔ state ↔ URL hash, a live preview element configured
// exactly like the generated code, its event log, and the code in four flavours.
import '@kumo/upload-widget/define';
import { generateSnippets } from '../shared/code-generator/code-generator.js';
import { CodeTabs } from '../shared/code-tabs.js';
import { EventLog } from './event-log.js';
import { OptionsForm } from './options-form.js';
import {
  describeWidget,
  EVENT_NAMES,
  previewProperties,
  stateFromHash,
  stateToHash,
  type UploadWidgetStudioState,
} from './upload-widget-state.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PREVIEW_DELAY_MS = 300;

const preview = byId<HTMLDivElement>('preview');
const eventLog = new EventLog(byId<HTMLOListElement>('event-log'), byId<HTMLElement>('event-log-empty'));
const codeTabs = new CodeTabs(byId<HTMLDivElement>('code'), 'Embed code');

let previewKey: string | undefined;
let stopLogging: (() => void) | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Replaces the preview with a fresh element carrying exactly the options the code sets, so the
 * preview is what a pasted snippet gives. An unchanged configuration keeps the element (and any
 * upload in progress).
 */
function renderPreview(state: UploadWidgetStudioState, hash: string): void {
  const properties = previewProperties(state, location.origin);
  const key = JSON.stringify(properties);
  if (key !== previewKey) {
    previewKey = key;
    stopLogging?.();
    const previous = preview.querySelector('kumo-upload-widget');
    previous?.destroy();
    const widget = Object.assign(document.createElement('kumo-upload-widget'), properties);
    preview.replaceChildren(widget);
    stopLogging = eventLog.watch(widget, EVENT_NAMES);
  }
  // Tells tests (and curious people) which configuration the preview shows.
  preview.dataset.hash = hash;
}

function update(state: UploadWidgetStudioState, { immediate = false } = {}): void {
  const hash = stateToHash(state);
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  codeTabs.update(generateSnippets(describeWidget(state, location.origin)));
  clearTimeout(previewTimer);
  if (immediate) renderPreview(state, hash);
  else previewTimer = setTimeout(() => renderPreview(state, hash), PREVIEW_DELAY_MS);
}

const form = new OptionsForm(byId<HTMLFormElement>('options'), (state) => update(state));

function loadFromHash(): void {
  const state = stateFromHash(location.hash);
  form.write(state);
  update(state, { immediate: true });
}

byId<HTMLButtonElement>('log-clear').addEventListener('click', () => eventLog.clear());
window.addEventListener('hashchange', loadFromHash);
loadFromHash();
