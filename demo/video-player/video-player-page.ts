// The video player studio page: the shared workbench over this player's state, form and event log,
// with the server's sample videos in the picker.
import '@kumo/video-player/define';
import { startWorkbench } from '../shared/studio-workbench.js';
import { EventLog } from './event-log.js';
import { OptionsForm } from './options-form.js';
import type { VideoPlayerStudioState } from './video-player-state.js';
import * as playerStates from './video-player-state.js';

let listedFrom: string | undefined;
let listing: AbortController | undefined;

async function listSampleVideos(state: VideoPlayerStudioState, form: OptionsForm): Promise<void> {
  const url = playerStates.tagListUrl(state, location.origin);
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
    const ids = playerStates.publicIdsOfTagList(await response.json());
    form.setSampleVideos(
      ids,
      ids.length > 0
        ? `Public videos tagged “${playerStates.SAMPLE_TAG}” on the server.`
        : `No public videos tagged “${playerStates.SAMPLE_TAG}” on the server; type a public id.`,
    );
  } catch (error) {
    if (controller.signal.aborted) return;
    form.setSampleVideos(
      [],
      `Could not list the server’s videos (${(error as Error).message}); type a public id.`,
    );
  }
}

startWorkbench({
  tag: 'kumo-video-player',
  noun: 'player',
  states: playerStates,
  describe: playerStates.describePlayer,
  OptionsForm,
  EventLog,
  onUpdate: (state, form) => void listSampleVideos(state, form),
});
