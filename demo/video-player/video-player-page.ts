// Wires the video player studio page: form ↔ state ↔ URL hash, a live preview element configured
// exactly like the generated code, its event log, the server's sample videos in the picker, and the
// code in four flavours.
import '@kumo/video-player/define';
import { generateSnippets } from '../shared/code-generator/code-generator.js';
import { CodeTabs } from '../shared/code-tabs.js';
import { EventLog } from './event-log.js';
import { OptionsForm } from './options-form.js';
import {
  describePlayer,
  EVENT_NAMES,
  previewProperties,
  publicIdsOfTagList,
  SAMPLE_TAG,
  stateFromHash,
  stateToHash,
  tagListUrl,
  type VideoPlayerStudioState,
} from './video-player-state.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PREVIEW_DELAY_MS = 300;

const preview = byId<HTMLDivElement>('preview');
const eventLog = new EventLog(byId<HTMLOListElement>('event-log'), byId<HTMLElement>('event-log-empty'));
const codeTabs = new CodeTabs(byId<HTMLDivElement>('code'), 'Embed code');

let previewKey: string | undefined;
let stopLogging: (() => void) | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let listedFrom: string | undefined;
let listing: AbortController | undefined;

/**
 * Replaces the preview with a fresh element carrying exactly the options the code sets, so the
 * preview is what a pasted snippet gives. An unchanged configuration keeps the element (and where
 * it is in the video).
 */
function renderPreview(state: VideoPlayerStudioState, hash: string): void {
  const properties = previewProperties(state, location.origin);
  const key = JSON.stringify(properties);
  if (key !== previewKey) {
    previewKey = key;
    stopLogging?.();
    const player = Object.assign(document.createElement('kumo-video-player'), properties);
    preview.replaceChildren(player);
    stopLogging = eventLog.watch(player, EVENT_NAMES);
  }
  // Tells tests (and curious people) which configuration the preview shows.
  preview.dataset.hash = hash;
}

/** Fills the sample picker from the server's tag list, once per server and cloud. */
async function listSampleVideos(state: VideoPlayerStudioState): Promise<void> {
  const url = tagListUrl(state, location.origin);
  if (url === listedFrom) return;
  listedFrom = url;
  listing?.abort();
  if (!url) {
    form.setSampleVideos([], 'Enter a cloud name to list its sample videos.');
    return;
  }
  const controller = new AbortController();
  listing = controller;
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const ids = publicIdsOfTagList(await response.json());
    form.setSampleVideos(
      ids,
      ids.length > 0
        ? `Public videos tagged “${SAMPLE_TAG}” on the server.`
        : `No public videos tagged “${SAMPLE_TAG}” on the server; type a public id.`,
    );
  } catch (error) {
    if (controller.signal.aborted) return;
    form.setSampleVideos(
      [],
      `Could not list the server’s videos (${(error as Error).message}); type a public id.`,
    );
  }
}

function update(state: VideoPlayerStudioState, { immediate = false } = {}): void {
  const hash = stateToHash(state);
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  codeTabs.update(generateSnippets(describePlayer(state, location.origin)));
  void listSampleVideos(state);
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
