import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, deepActiveElement, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import { playerStrings } from '../locales/strings.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoPlayerError } from './player-error.js';

const notFound = mediaState({ error: { kind: 'not-found', status: 404, detail: 'manifestLoadError' } });

describe('<kumo-player-error>', () => {
  afterEach(cleanupFixtures);

  it('shows nothing without an error', async () => {
    const element = await fixture<KumoPlayerError>(html`<kumo-player-error></kumo-player-error>`);
    assert.equal(getComputedStyle(element).display, 'none');
  });

  it('says what went wrong, with the status and a retry button', async () => {
    const element = await fixture<KumoPlayerError>(
      html`<kumo-player-error .media=${notFound}></kumo-player-error>`,
    );
    assert.equal(inShadow(element, '[part="message"]').textContent, 'This video could not be found.');
    assert.equal(inShadow(element, '[part="code"]').textContent, 'Error 404');
    assert.include(inShadow(element, '[part="retry"]').textContent, 'Try again');
    assert.isNotNull(element.shadowRoot!.querySelector('[role="alert"] [part="panel"]'));
  });

  it('words each kind of failure, and offers no retry when there is nothing to play', async () => {
    const element = await fixture<KumoPlayerError>(html`<kumo-player-error></kumo-player-error>`);
    const messages: string[] = [];
    for (const kind of ['network', 'unsupported', 'decode', 'empty'] as const) {
      element.media = mediaState({ error: { kind, detail: '' } });
      await element.updateComplete;
      messages.push(inShadow(element, '[part="message"]').textContent ?? '');
    }
    assert.deepEqual(messages, [
      'The video could not be loaded. Check your connection and try again.',
      'This video cannot be played in this browser.',
      'The video is damaged and could not be played.',
      'There is no video to play.',
    ]);
    assert.isNull(element.shadowRoot!.querySelector('[part="retry"]'));
  });

  it('asks to retry, and takes focus on its retry button', async () => {
    const recorder = recordEvents('kumo-media-retry-request');
    const element = await fixture<KumoPlayerError>(
      html`<kumo-player-error .media=${notFound}></kumo-player-error>`,
    );
    element.focus();
    assert.equal(deepActiveElement(), inShadow(element, '[part="retry"]'));
    inShadow<HTMLButtonElement>(element, '[part="retry"]').click();
    recorder.stop();
    assert.lengthOf(recorder.events, 1);
  });

  it('speaks French', async () => {
    await loadTranslation(playerStrings, 'fr');
    const wrapper = await fixture(
      html`<div lang="fr"><kumo-player-error .media=${notFound}></kumo-player-error></div>`,
    );
    const element = wrapper.querySelector<KumoPlayerError>('kumo-player-error')!;
    await element.updateComplete;
    assert.equal(inShadow(element, '[part="message"]').textContent, 'Cette vidéo est introuvable.');
    assert.include(inShadow(element, '[part="retry"]').textContent, 'Réessayer');
  });

  it('is accessible', async () => {
    await expectAccessible(await fixture(html`<kumo-player-error .media=${notFound}></kumo-player-error>`));
  });
});
