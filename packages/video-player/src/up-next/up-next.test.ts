import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoUpNext } from './up-next.js';

const showing = mediaState({
  upNext: { title: 'Colour bars', poster: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
  upNextVisible: true,
  advanceIn: 4.2,
});

describe('<kumo-up-next>', () => {
  afterEach(cleanupFixtures);

  it('shows nothing by default', async () => {
    const element = await fixture<KumoUpNext>(html`<kumo-up-next></kumo-up-next>`);
    assert.equal(getComputedStyle(element).display, 'none');
    assert.isNull(element.shadowRoot!.querySelector('[part="card"]'));
  });

  it('shows the next item’s poster, title and countdown', async () => {
    const element = await fixture<KumoUpNext>(html`<kumo-up-next .media=${showing}></kumo-up-next>`);
    assert.equal(inShadow(element, '.heading').textContent, 'Up next');
    assert.equal(inShadow(element, '[part="title"]').textContent, 'Colour bars');
    assert.equal(
      inShadow<HTMLImageElement>(element, '[part="poster"]').getAttribute('src'),
      showing.upNext!.poster,
    );
    assert.equal(inShadow(element, '.countdown').textContent, 'Playing in 5 seconds');
  });

  it('names untitled items and leaves the countdown out before the end', async () => {
    const element = await fixture<KumoUpNext>(
      html`<kumo-up-next .media=${mediaState({ upNext: { title: undefined, poster: undefined }, upNextVisible: true })}></kumo-up-next>`,
    );
    assert.equal(inShadow(element, '[part="title"]').textContent, 'Untitled video');
    assert.isNull(element.shadowRoot!.querySelector('.countdown'));
  });

  it('asks to play now or to stay', async () => {
    const recorder = recordEvents('kumo-media-next-request', 'kumo-media-cancel-advance-request');
    const element = await fixture<KumoUpNext>(html`<kumo-up-next .media=${showing}></kumo-up-next>`);
    inShadow<HTMLButtonElement>(element, '[part="play-now"]').click();
    inShadow<HTMLButtonElement>(element, '[part="cancel"]').click();
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.type),
      ['kumo-media-next-request', 'kumo-media-cancel-advance-request'],
    );
  });

  it('is accessible', async () => {
    await expectAccessible(await fixture(html`<kumo-up-next .media=${showing}></kumo-up-next>`));
  });
});
