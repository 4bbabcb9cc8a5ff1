import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import { playerStrings } from '../locales/strings.js';
import type { KumoMediaRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoCaptionsMenu } from './captions-menu.js';

const tracks = mediaState({
  textTracks: [
    { label: 'English', language: 'en', kind: 'captions' },
    { label: 'Français', language: 'fr', kind: 'subtitles' },
  ],
  activeTextTrack: 1,
});
const groups = (element: KumoCaptionsMenu) =>
  [...element.shadowRoot!.querySelectorAll('[role="group"]')].map((group) => ({
    label: group.getAttribute('aria-label'),
    items: [...group.querySelectorAll('[role="menuitemradio"]')].map(
      (item) => `${item.textContent?.trim()}${item.getAttribute('aria-checked') === 'true' ? ' ✓' : ''}`,
    ),
  }));

describe('<kumo-captions-menu>', () => {
  afterEach(cleanupFixtures);

  it('is hidden when the source has no tracks', async () => {
    const element = await fixture<KumoCaptionsMenu>(html`<kumo-captions-menu></kumo-captions-menu>`);
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('lists Off, the tracks and the caption sizes', async () => {
    const element = await fixture<KumoCaptionsMenu>(
      html`<kumo-captions-menu .media=${tracks}></kumo-captions-menu>`,
    );
    assert.deepEqual(groups(element), [
      { label: 'Subtitles/closed captions', items: ['Off', 'English', 'Français ✓'] },
      { label: 'Caption size', items: ['Small', 'Medium ✓', 'Large'] },
    ]);
  });

  it('asks for a track, for off and for a size', async () => {
    const recorder = recordEvents<KumoMediaRequestEvent<unknown>>(
      'kumo-media-text-track-request',
      'kumo-media-caption-size-request',
    );
    const element = await fixture<KumoCaptionsMenu>(
      html`<kumo-captions-menu .media=${tracks}></kumo-captions-menu>`,
    );
    const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    items[1]!.click();
    items[0]!.click();
    items[5]!.click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.request),
      [
        { type: 'text-track', index: 0 },
        { type: 'text-track', index: -1 },
        { type: 'caption-size', size: 'large' },
      ],
    );
  });

  it('speaks Arabic', async () => {
    await loadTranslation(playerStrings, 'ar');
    const wrapper = await fixture(
      html`<div lang="ar" dir="rtl"><kumo-captions-menu .media=${tracks}></kumo-captions-menu></div>`,
    );
    const element = wrapper.querySelector<KumoCaptionsMenu>('kumo-captions-menu')!;
    await element.updateComplete;
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'الترجمة والشرح');
    assert.equal(groups(element)[1]!.label, 'حجم الترجمة');
  });

  it('is accessible', async () => {
    const element = await fixture<KumoCaptionsMenu>(
      html`<kumo-captions-menu .media=${tracks}></kumo-captions-menu>`,
    );
    await element.show();
    await expectAccessible(element);
  });
});
