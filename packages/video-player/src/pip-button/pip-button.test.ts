import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaPipRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoPipButton } from './pip-button.js';

describe('<kumo-pip-button>', () => {
  afterEach(cleanupFixtures);

  it('is hidden where picture-in-picture is unavailable', async () => {
    const element = await fixture<KumoPipButton>(html`<kumo-pip-button></kumo-pip-button>`);
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('asks to enter, then to leave', async () => {
    const recorder = recordEvents<KumoMediaPipRequestEvent>('kumo-media-pip-request');
    const element = await fixture<KumoPipButton>(
      html`<kumo-pip-button .media=${mediaState({ pipAvailable: true })}></kumo-pip-button>`,
    );
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Picture in picture');
    inShadow<HTMLButtonElement>(element, 'button').click();
    element.media = mediaState({ pipAvailable: true, pip: true });
    await element.updateComplete;
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Exit picture in picture');
    inShadow<HTMLButtonElement>(element, 'button').click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.on),
      [true, false],
    );
  });

  it('is accessible', async () => {
    await expectAccessible(
      await fixture(html`<kumo-pip-button .media=${mediaState({ pipAvailable: true })}></kumo-pip-button>`),
    );
  });
});
