import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoChaptersMenu } from './chapters-menu.js';

const chapters = mediaState({
  duration: 120,
  currentTime: 70,
  chapters: [
    { start: 0, end: 60, title: 'Intro' },
    { start: 60, end: 120, title: 'Demo' },
  ],
});
const items = (element: KumoChaptersMenu) => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]'),
];

describe('<kumo-chapters-menu>', () => {
  afterEach(cleanupFixtures);

  it('is hidden without chapters', async () => {
    const element = await fixture<KumoChaptersMenu>(html`<kumo-chapters-menu></kumo-chapters-menu>`);
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('lists chapters with their start times, the current one checked', async () => {
    const element = await fixture<KumoChaptersMenu>(
      html`<kumo-chapters-menu .media=${chapters}></kumo-chapters-menu>`,
    );
    assert.deepEqual(
      items(element).map((item) => [item.textContent?.trim(), item.getAttribute('aria-checked')]),
      [
        ['Intro · 0:00', 'false'],
        ['Demo · 1:00', 'true'],
      ],
    );
  });

  it('asks to seek to the chosen chapter', async () => {
    const recorder = recordEvents<KumoMediaSeekRequestEvent>('kumo-media-seek-request');
    const element = await fixture<KumoChaptersMenu>(
      html`<kumo-chapters-menu .media=${chapters}></kumo-chapters-menu>`,
    );
    items(element)[0]!.click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.time),
      [0],
    );
  });

  it('is accessible', async () => {
    const element = await fixture<KumoChaptersMenu>(
      html`<kumo-chapters-menu .media=${chapters}></kumo-chapters-menu>`,
    );
    await element.show();
    await expectAccessible(element);
  });
});
