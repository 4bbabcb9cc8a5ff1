import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoVolumeControl } from './volume-control.js';

const REQUESTS = ['kumo-media-mute-request', 'kumo-media-volume-request'];

describe('<kumo-volume-control>', () => {
  afterEach(cleanupFixtures);

  it('shows a mute button and a slider at full volume by default', async () => {
    const element = await fixture<KumoVolumeControl>(html`<kumo-volume-control></kumo-volume-control>`);
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Mute');
    const slider = inShadow<HTMLInputElement>(element, 'input');
    assert.equal(slider.value, '100');
    assert.equal(slider.getAttribute('aria-label'), 'Volume');
    assert.equal(slider.getAttribute('aria-valuetext'), '100%');
  });

  it('leaves the slider out with no-slider', async () => {
    const element = await fixture<KumoVolumeControl>(
      html`<kumo-volume-control no-slider></kumo-volume-control>`,
    );
    assert.isNull(element.shadowRoot!.querySelector('input'));
  });

  it('shows muted as silence', async () => {
    const element = await fixture<KumoVolumeControl>(
      html`<kumo-volume-control .media=${mediaState({ muted: true, volume: 0.6 })}></kumo-volume-control>`,
    );
    assert.equal(inShadow(element, 'button').getAttribute('aria-label'), 'Unmute');
    assert.equal(inShadow<HTMLInputElement>(element, 'input').value, '0');
  });

  it('asks to mute, to unmute (with some volume back when it was 0) and for a volume', async () => {
    const recorder = recordEvents<KumoMediaRequestEvent<unknown>>(...REQUESTS);
    const element = await fixture<KumoVolumeControl>(html`<kumo-volume-control></kumo-volume-control>`);
    inShadow<HTMLButtonElement>(element, 'button').click();
    element.media = mediaState({ muted: false, volume: 0 });
    await element.updateComplete;
    inShadow<HTMLButtonElement>(element, 'button').click();
    const slider = inShadow<HTMLInputElement>(element, 'input');
    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.request),
      [
        { type: 'mute', muted: true },
        { type: 'mute', muted: false },
        { type: 'volume', volume: 0.5 },
        { type: 'volume', volume: 0.4 },
      ],
    );
  });

  it('keeps its arrow keys from reaching the player', async () => {
    const element = await fixture<KumoVolumeControl>(html`<kumo-volume-control></kumo-volume-control>`);
    const seen: string[] = [];
    element.addEventListener('keydown', (event) => seen.push(event.key));
    inShadow<HTMLInputElement>(element, 'input').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'm' });
    assert.deepEqual(seen, ['m']);
  });

  it('is accessible', async () => {
    await expectAccessible(await fixture(html`<kumo-volume-control></kumo-volume-control>`));
  });
});
