import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import { playerStrings } from '../locales/strings.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoPlayButton } from './play-button.js';

const button = (element: KumoPlayButton) => inShadow<HTMLButtonElement>(element, 'button');

describe('<kumo-play-button>', () => {
  afterEach(cleanupFixtures);

  it('offers to play by default', async () => {
    const element = await fixture<KumoPlayButton>(html`<kumo-play-button></kumo-play-button>`);
    assert.equal(button(element).getAttribute('aria-label'), 'Play');
    assert.isFalse(element.big);
  });

  it('reflects the big variant', async () => {
    const element = await fixture<KumoPlayButton>(html`<kumo-play-button big></kumo-play-button>`);
    assert.isTrue(element.hasAttribute('big'));
    assert.isTrue(element.big);
  });

  it('reads Pause while playing and Replay once ended', async () => {
    const element = await fixture<KumoPlayButton>(
      html`<kumo-play-button .media=${mediaState({ paused: false })}></kumo-play-button>`,
    );
    assert.equal(button(element).getAttribute('aria-label'), 'Pause');
    element.media = mediaState({ paused: true, ended: true });
    await element.updateComplete;
    assert.equal(button(element).getAttribute('aria-label'), 'Replay');
  });

  it('asks to play when paused and to pause when playing', async () => {
    const recorder = recordEvents('kumo-media-play-request', 'kumo-media-pause-request');
    const element = await fixture<KumoPlayButton>(html`<kumo-play-button></kumo-play-button>`);
    button(element).click();
    element.media = mediaState({ paused: false });
    await element.updateComplete;
    button(element).click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.type),
      ['kumo-media-play-request', 'kumo-media-pause-request'],
    );
    assert.isTrue(recorder.events[0]!.composed && recorder.events[0]!.bubbles);
  });

  it('works from the keyboard', async () => {
    const recorder = recordEvents('kumo-media-play-request');
    const element = await fixture<KumoPlayButton>(html`<kumo-play-button></kumo-play-button>`);
    button(element).focus();
    await sendKeys({ press: 'Enter' });
    recorder.stop();
    assert.lengthOf(recorder.events, 1);
  });

  it('speaks French', async () => {
    await loadTranslation(playerStrings, 'fr');
    const wrapper = await fixture(html`<div lang="fr"><kumo-play-button></kumo-play-button></div>`);
    const element = wrapper.querySelector('kumo-play-button')!;
    await element.updateComplete;
    assert.equal(button(element).getAttribute('aria-label'), 'Lecture');
  });

  it('is accessible', async () => {
    const element = await fixture<KumoPlayButton>(html`<kumo-play-button big></kumo-play-button>`);
    await expectAccessible(element);
  });
});
