import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaQualityRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoQualityMenu } from './quality-menu.js';

const levels = [
  { index: 1, width: 1280, height: 720, bitrate: 2_500_000 },
  { index: 0, width: 640, height: 360, bitrate: 700_000 },
];
const items = (element: KumoQualityMenu) => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]'),
];

describe('<kumo-quality-menu>', () => {
  afterEach(cleanupFixtures);

  it('is hidden for progressive files and single-rendition streams', async () => {
    const element = await fixture<KumoQualityMenu>(html`<kumo-quality-menu></kumo-quality-menu>`);
    assert.equal(getComputedStyle(element).display, 'none');
    element.media = mediaState({ qualityLevels: levels.slice(0, 1) });
    await element.updateComplete;
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('lists Auto (with the level playing) and each rendition', async () => {
    const element = await fixture<KumoQualityMenu>(
      html`<kumo-quality-menu .media=${mediaState({ qualityLevels: levels, playingLevel: 0 })}></kumo-quality-menu>`,
    );
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Quality');
    assert.deepEqual(
      items(element).map((item) => [item.textContent?.trim(), item.getAttribute('aria-checked')]),
      [
        ['Auto (360p)', 'true'],
        ['720p', 'false'],
        ['360p', 'false'],
      ],
    );
  });

  it('asks for a level by engine index, or auto', async () => {
    const recorder = recordEvents<KumoMediaQualityRequestEvent>('kumo-media-quality-request');
    const element = await fixture<KumoQualityMenu>(
      html`<kumo-quality-menu .media=${mediaState({ qualityLevels: levels, currentQuality: 1 })}></kumo-quality-menu>`,
    );
    assert.equal(items(element)[1]!.getAttribute('aria-checked'), 'true');
    items(element)[2]!.click();
    items(element)[0]!.click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.level),
      [0, 'auto'],
    );
  });

  it('is accessible', async () => {
    const element = await fixture<KumoQualityMenu>(
      html`<kumo-quality-menu .media=${mediaState({ qualityLevels: levels })}></kumo-quality-menu>`,
    );
    await element.show();
    await expectAccessible(element);
  });
});
