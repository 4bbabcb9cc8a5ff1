import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, deepActiveElement, fixture } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaRateRequestEvent } from '../media-context/media-request.events.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoRateMenu } from './rate-menu.js';

const rates = mediaState({ playbackRates: [2, 0.5, 1, 1.5], playbackRate: 1 });
const items = (element: KumoRateMenu) => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]'),
];

describe('<kumo-rate-menu>', () => {
  afterEach(cleanupFixtures);

  it('is hidden without playback rates', async () => {
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu></kumo-rate-menu>`);
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('shows the speed on a closed menu button', async () => {
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    const button = inShadow(element, 'button');
    assert.equal(button.textContent?.trim(), '1×');
    assert.equal(button.getAttribute('aria-label'), 'Playback speed 1×');
    assert.equal(button.getAttribute('aria-expanded'), 'false');
    assert.isTrue(inShadow(element, '[role="menu"]').hidden);
    assert.isFalse(element.open);
  });

  it('lists the speeds in order, "Normal" for 1, with the current one checked', async () => {
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    assert.deepEqual(
      items(element).map((item) => [item.textContent?.trim(), item.getAttribute('aria-checked')]),
      [
        ['0.5×', 'false'],
        ['Normal', 'true'],
        ['1.5×', 'false'],
        ['2×', 'false'],
      ],
    );
  });

  it('asks for the chosen speed and closes', async () => {
    const recorder = recordEvents<KumoMediaRateRequestEvent>('kumo-media-rate-request');
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    await element.show();
    items(element)[2]!.click();
    await element.updateComplete;
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.rate),
      [1.5],
    );
    assert.isFalse(element.open);
  });

  it('opens on the checked item, moves with arrows, chooses with Enter and returns focus', async () => {
    const recorder = recordEvents<KumoMediaRateRequestEvent>('kumo-media-rate-request');
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    inShadow(element, 'button').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    assert.isTrue(element.open);
    assert.equal(inShadow(element, 'button').getAttribute('aria-expanded'), 'true');
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(deepActiveElement()?.textContent?.trim(), 'Normal');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    assert.equal(deepActiveElement()?.textContent?.trim(), '2×');
    await sendKeys({ press: 'Home' });
    assert.equal(deepActiveElement()?.textContent?.trim(), '0.5×');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.rate),
      [0.5],
    );
    assert.isFalse(element.open);
    assert.equal(deepActiveElement(), inShadow(element, 'button'));
  });

  it('closes on Escape without choosing', async () => {
    const recorder = recordEvents('kumo-media-rate-request');
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    inShadow(element, 'button').focus();
    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    assert.isTrue(element.open);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    recorder.stop();
    assert.isFalse(element.open);
    assert.lengthOf(recorder.events, 0);
  });

  it('is accessible, open and closed', async () => {
    const element = await fixture<KumoRateMenu>(html`<kumo-rate-menu .media=${rates}></kumo-rate-menu>`);
    await expectAccessible(element);
    await element.show();
    await expectAccessible(element);
  });
});
