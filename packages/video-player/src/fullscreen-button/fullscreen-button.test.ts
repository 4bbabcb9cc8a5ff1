import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaFullscreenRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoFullscreenButton } from './fullscreen-button.js';

describe('<kumo-fullscreen-button>', () => {
  afterEach(cleanupFixtures);

  it('is hidden until full screen is available', async () => {
    const element = await fixture<KumoFullscreenButton>(
      html`<kumo-fullscreen-button></kumo-fullscreen-button>`,
    );
    assert.equal(getComputedStyle(element).display, 'none');
    element.media = mediaState({ fullscreenAvailable: true });
    await element.updateComplete;
    assert.notEqual(getComputedStyle(element).display, 'none');
  });

  it('asks to enter, then to leave', async () => {
    const recorder = recordEvents<KumoMediaFullscreenRequestEvent>('kumo-media-fullscreen-request');
    const element = await fixture<KumoFullscreenButton>(
      html`<kumo-fullscreen-button .media=${mediaState({ fullscreenAvailable: true })}></kumo-fullscreen-button>`,
    );
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Full screen');
    inShadow<HTMLButtonElement>(element, 'button').click();
    element.media = mediaState({ fullscreenAvailable: true, fullscreen: true });
    await element.updateComplete;
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Exit full screen');
    inShadow<HTMLButtonElement>(element, 'button').click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.on),
      [true, false],
    );
  });

  it('is accessible', async () => {
    await expectAccessible(
      await fixture(
        html`<kumo-fullscreen-button .media=${mediaState({ fullscreenAvailable: true })}></kumo-fullscreen-button>`,
      ),
    );
  });
});
