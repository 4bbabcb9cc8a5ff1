import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoJumpButton } from './jump-button.js';

describe('<kumo-jump-button>', () => {
  afterEach(cleanupFixtures);

  it('jumps forward 10 seconds by default', async () => {
    const element = await fixture<KumoJumpButton>(html`<kumo-jump-button></kumo-jump-button>`);
    assert.equal(element.seconds, 10);
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Forward 10 seconds');
    assert.equal(inShadow(element, 'text').textContent, '10');
  });

  it('takes the seconds attribute, negative going back', async () => {
    const element = await fixture<KumoJumpButton>(html`<kumo-jump-button seconds="-5"></kumo-jump-button>`);
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Back 5 seconds');
    assert.equal(inShadow(element, 'text').textContent, '5');
  });

  it('asks for a position inside the video', async () => {
    const recorder = recordEvents<KumoMediaSeekRequestEvent>('kumo-media-seek-request');
    const back = await fixture<KumoJumpButton>(
      html`<kumo-jump-button seconds="-10" .media=${mediaState({ currentTime: 3, duration: 40 })}></kumo-jump-button>`,
    );
    inShadow<HTMLButtonElement>(back, 'button').click();
    back.seconds = 10;
    back.media = mediaState({ currentTime: 35, duration: 40 });
    await back.updateComplete;
    inShadow<HTMLButtonElement>(back, 'button').click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.time),
      [0, 40],
    );
    assert.deepEqual(recorder.events[1]!.request, { type: 'seek', time: 40 });
  });

  it('is accessible', async () => {
    await expectAccessible(await fixture(html`<kumo-jump-button seconds="-10"></kumo-jump-button>`));
  });
});
