import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import { playerStrings } from '../locales/strings.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState } from '../testing/player-fixture.js';
import './define.js';
import type { KumoTimeDisplay } from './time-display.js';

const text = (element: KumoTimeDisplay) => inShadow(element, '[part="time"]').textContent;

describe('<kumo-time-display>', () => {
  afterEach(cleanupFixtures);

  it('shows dashes before the duration is known', async () => {
    const element = await fixture<KumoTimeDisplay>(html`<kumo-time-display></kumo-time-display>`);
    assert.equal(text(element), '0:00 / --:--');
    assert.isFalse(element.remaining);
  });

  it('shows elapsed and total time, with hours for long videos', async () => {
    const element = await fixture<KumoTimeDisplay>(
      html`<kumo-time-display .media=${mediaState({ currentTime: 65, duration: 3725 })}></kumo-time-display>`,
    );
    assert.equal(text(element), '0:01:05 / 1:02:05');
  });

  it('shows the time left with the remaining attribute', async () => {
    const element = await fixture<KumoTimeDisplay>(
      html`<kumo-time-display remaining .media=${mediaState({ currentTime: 1, duration: 4 })}></kumo-time-display>`,
    );
    assert.equal(text(element), '-0:03');
  });

  it('keeps the clock left to right in right-to-left pages, with the language’s digits', async () => {
    await loadTranslation(playerStrings, 'ar');
    const wrapper = await fixture(
      html`<div lang="ar-EG" dir="rtl"><kumo-time-display .media=${mediaState({ currentTime: 5, duration: 60 })}></kumo-time-display></div>`,
    );
    const element = wrapper.querySelector<KumoTimeDisplay>('kumo-time-display')!;
    await element.updateComplete;
    const time = inShadow(element, '[part="time"]');
    assert.equal(time.getAttribute('dir'), 'ltr');
    assert.equal(time.textContent, '٠:٠٥ / ١:٠٠');
  });

  it('is accessible', async () => {
    await expectAccessible(await fixture(html`<kumo-time-display></kumo-time-display>`));
  });
});
