// kumo.js with markup already in the page, tags added later, and Cloudinary's videoPlayer() API
// over <kumo-video-player>, against the real test server's sample videos.
import { after, before, describe, it } from 'node:test';
import { captureWarnings, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import type { Kumo } from './kumo.js';
import { loadKumoScript, testServer } from './testing/kumo-script.js';
import type { PlayerEvent } from './video-player-events.js';
import type { VideoPlayer } from './video-player-proxy.js';

const SAMPLE = 'samples/videos/test-pattern';

type PlayerElement = HTMLElement & {
  publicId?: string;
  cloudName: string;
  apiBase: string;
  noControls: boolean;
  muted: boolean;
  videoTitle?: string;
  seekThumbnails: boolean;
  updateComplete: Promise<unknown>;
};

describe('kumo.js: markup and the video player', () => {
  let kumo: Kumo;
  const { apiBase, cloudName } = testServer();
  const fixtures: Element[] = [];
  const add = <T extends Element>(element: T): T => {
    fixtures.push(element);
    document.body.append(element);
    return element;
  };

  before(async () => {
    // Markup written before kumo.js, as a pasted snippet would be.
    const markup = document.createElement('kumo-video-player') as PlayerElement;
    markup.id = 'from-markup';
    markup.setAttribute('cloud-name', cloudName);
    markup.setAttribute('api-base', apiBase);
    markup.setAttribute('public-id', SAMPLE);
    markup.setAttribute('muted', '');
    add(markup);
    assert.isUndefined(customElements.get('kumo-video-player'));
    kumo = await loadKumoScript(apiBase);
  });
  after(() => {
    for (const element of fixtures) element.remove();
  });

  it('loads the chunk of a tag that was in the page before kumo.js, and only that one', async () => {
    await waitUntil(
      () => customElements.get('kumo-video-player') !== undefined,
      'kumo-video-player defined',
      10_000,
    );
    const markup = document.getElementById('from-markup') as PlayerElement;
    await markup.updateComplete;
    assert.strictEqual(markup.publicId, SAMPLE);
    assert.isUndefined(customElements.get('kumo-upload-widget'));
  });

  it('loads the chunk of a tag added to the page later', async () => {
    const later = document.createElement('section');
    later.innerHTML = `<kumo-upload-widget cloud-name="${cloudName}" upload-preset="p"></kumo-upload-widget>`;
    add(later);
    await waitUntil(
      () => customElements.get('kumo-upload-widget') !== undefined,
      'kumo-upload-widget defined',
      10_000,
    );
    const widget = later.querySelector('kumo-upload-widget') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await widget.updateComplete;
    assert.ok(widget.shadowRoot, 'upgraded');
  });

  describe('videoPlayer()', () => {
    let player: VideoPlayer;

    before(() => {
      const video = document.createElement('video');
      video.id = 'demo-player';
      video.className = 'cld-video-player cld-fluid';
      video.controls = true;
      video.muted = true;
      video.setAttribute('muted', '');
      video.dataset['cldPublicId'] = SAMPLE;
      video.dataset['cldInfo'] = JSON.stringify({ title: 'Test pattern' });
      add(video);
      player = kumo.videoPlayer('demo-player', { cloud_name: cloudName, apiBase, seekThumbnails: false });
    });

    it('replaces the <video> with a <kumo-video-player> that keeps its id and classes', async () => {
      assert.isNull(document.querySelector('video#demo-player'));
      const element = document.getElementById('demo-player') as PlayerElement;
      assert.strictEqual(element.localName, 'kumo-video-player');
      assert.strictEqual(player.el(), element);
      assert.isTrue(element.classList.contains('cld-video-player'));
      fixtures.push(element);
      await player.ready;
      await element.updateComplete;
      assert.strictEqual(element.publicId, SAMPLE, 'from data-cld-public-id');
      assert.strictEqual(element.videoTitle, 'Test pattern', 'from data-cld-info');
      assert.strictEqual(element.cloudName, cloudName);
      assert.isFalse(element.noControls, 'the tag had controls');
      assert.isTrue(element.muted);
      assert.isFalse(element.seekThumbnails);
    });

    it("calls on('play') handlers with Cloudinary's event shape, and one() only once", async () => {
      const seen: PlayerEvent[] = [];
      let once = 0;
      const handler = (event: PlayerEvent) => {
        seen.push(event);
      };
      player.on('play', handler).one('play', () => {
        once++;
      });
      await player.play();
      await waitUntil(() => seen.length > 0, 'a play event', 10_000);
      assert.strictEqual(seen[0]!.type, 'play');
      assert.strictEqual(seen[0]!.originalEvent.type, 'kumo-play');
      player.pause();
      await player.play();
      await waitUntil(() => seen.length > 1, 'a second play event', 10_000);
      assert.strictEqual(once, 1);
      player.off('play', handler);
      player.pause();
      await player.play();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.strictEqual(seen.length, 2, 'off() stopped the handler');
      player.pause();
    });

    it("reports seeks as 'seek' with seekStart and seekEnd", async () => {
      const seeks: unknown[] = [];
      player.on('seek', (_event: PlayerEvent, data: unknown) => {
        seeks.push(data);
      });
      player.currentTime(1);
      await waitUntil(() => seeks.length > 0, 'a seek event', 10_000);
      const data = seeks[0] as { seekStart: number; seekEnd: number };
      assert.closeTo(data.seekEnd, 1, 0.5);
      assert.isNumber(data.seekStart);
      assert.closeTo(player.currentTime(), 1, 0.5);
      player.off('seek');
    });

    it('switches source with source(publicId, { info })', async () => {
      player.source('samples/videos/color-bars', { info: { title: 'Colour bars' } });
      const element = player.el() as PlayerElement;
      await waitUntil(() => element.publicId === 'samples/videos/color-bars', 'new public id');
      assert.strictEqual(element.videoTitle, 'Colour bars');
    });

    it('warns about event names it cannot report, and not about known ones', () => {
      const warnings = captureWarnings();
      try {
        player.on('productHover', () => undefined);
        player.on('ended', () => undefined);
      } finally {
        warnings.restore();
      }
      const kumoWarnings = warnings.messages.filter((message) => message.includes('[kumo]'));
      assert.lengthOf(kumoWarnings, 1);
      assert.include(kumoWarnings[0], 'productHover');
      player.off();
    });
  });

  it('videoPlayers() makes one player per matching element', async () => {
    for (const id of ['multi-a', 'multi-b']) {
      const video = document.createElement('video');
      video.id = id;
      video.className = 'multi';
      add(video);
    }
    const players = kumo.videoPlayers('video.multi', { cloudName, apiBase, publicId: SAMPLE });
    assert.lengthOf(players, 2);
    await Promise.all(players.map((p) => p.ready));
    for (const p of players) {
      fixtures.push(p.el());
      assert.strictEqual((p.el() as PlayerElement).publicId, SAMPLE);
      assert.isTrue((p.el() as PlayerElement).noControls, 'no controls attribute, as in Cloudinary');
    }
  });
});
