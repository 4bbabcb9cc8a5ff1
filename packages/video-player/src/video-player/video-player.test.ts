import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { loadTranslation, resetDevWarnings, setDevWarnings } from '@kumo/ui';
import {
  captureWarnings,
  cleanupFixtures,
  deepActiveElement,
  fixture,
  sleep,
} from '@kumo/ui/testing/fixture';
import { admin } from '@kumo/ui/testing/kumo-server';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html, type TemplateResult } from 'lit';
import { playerStrings } from '../locales/strings.js';
import type { KumoMediaControl } from '../media-context/media-control.js';
import { resolveMedia } from '../player-state/sources.js';
import { parseCues } from '../player-state/vtt.js';
import { expectAccessible } from '../testing/axe.js';
import {
  COLOR_BARS,
  inShadow,
  nextEvent,
  rawUrl,
  recordEvents,
  requireVisiblePage,
  server,
  TEST_PATTERN,
  uploadRaw,
  waitFor,
  warm,
  whenLoaded,
} from '../testing/player-fixture.js';
import '../define.js';
import '../define-extras.js';
import type {
  KumoErrorEvent,
  KumoPlaylistItemEvent,
  KumoProgressQuartileEvent,
  KumoQualityChangeEvent,
  KumoSeekedEvent,
} from './video-player.events.js';
import type { KumoVideoPlayer } from './video-player.js';

const SLOW = { timeout: 180_000 };
const { apiBase, cloudName } = server;
const urls = (publicId: string, transformation?: string) =>
  resolveMedia(
    { publicId },
    { apiBase, cloudName, sourceTypes: ['hls', 'mp4'], transformation, seekThumbnails: true },
  );

/** Caption and chapter files of the test pattern: the server's samples, or ours where missing. */
const TRACK_FILES = {
  en: [
    `${TEST_PATTERN}-captions-en.vtt`,
    'WEBVTT\n\n00:00.000 --> 00:02.000\nHello from the test pattern\n\n00:02.000 --> 00:04.000\nStill testing\n',
  ],
  fr: [
    `${TEST_PATTERN}-captions-fr.vtt`,
    'WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour de la mire\n\n00:02.000 --> 00:04.000\nToujours en test\n',
  ],
  chapters: [
    `${TEST_PATTERN}-chapters.vtt`,
    'WEBVTT\n\n00:00.000 --> 00:01.000\nTest card\n\n00:01.000 --> 00:03.000\nColour sweep\n\n00:03.000 --> 00:04.000\nClosing tone\n',
  ],
} as const;

let trackUrls: Record<keyof typeof TRACK_FILES, string>;

async function player(template: TemplateResult): Promise<KumoVideoPlayer> {
  const element = await fixture<KumoVideoPlayer>(template);
  await element.updateComplete;
  return element;
}

/** A muted player on the test pattern (muted so the browser lets it play without a gesture). */
const testPattern = (extra: Partial<KumoVideoPlayer> = {}) =>
  player(
    html`<kumo-video-player
      api-base=${apiBase}
      cloud-name=${cloudName}
      public-id=${TEST_PATTERN}
      muted
      .textTracks=${extra.textTracks}
      .chapters=${extra.chapters}
      .playbackRates=${extra.playbackRates ?? []}
      ?chapters-button=${extra.chaptersButton ?? false}
      ?show-jump-controls=${extra.showJumpControls ?? false}
    ></kumo-video-player>`,
  );

const control = <T extends Element = KumoMediaControl>(element: KumoVideoPlayer, tag: string) =>
  inShadow<T>(element, tag);

describe('<kumo-video-player>', () => {
  before(async () => {
    // The server renders the ladder, storyboard and poster on first request: warm them once so
    // each test measures the player, not the transcoder. The master lists every rendition only
    // after the whole ladder is encoded.
    const media = urls(TEST_PATTERN);
    await warm(
      media.candidates[0]!.url,
      (body) => (body.match(/#EXT-X-STREAM-INF/g) ?? []).length >= 2,
      170_000,
    );
    await warm(media.storyboard!);
    const entries = await Promise.all(
      Object.entries(TRACK_FILES).map(async ([key, [publicId, text]]) => [
        key,
        await uploadRaw(publicId, text),
      ]),
    );
    trackUrls = Object.fromEntries(entries) as typeof trackUrls;
  });

  afterEach(() => {
    cleanupFixtures();
    resetDevWarnings();
  });

  after(() => setDevWarnings(true));

  describe('defaults', () => {
    it('starts empty, focusable and labelled, loading nothing', async () => {
      const element = await player(html`<kumo-video-player></kumo-video-player>`);
      assert.deepEqual(element.sourceTypes, ['hls', 'mp4']);
      assert.isTrue(element.seekThumbnails);
      assert.equal(element.autoplayMode, 'never');
      assert.equal(element.autoAdvance, 0);
      assert.equal(element.presentUpcoming, 10);
      assert.equal(element.floatingWhenNotVisible, 'none');
      assert.deepEqual(element.playbackRates, []);
      assert.equal(element.tabIndex, 0);
      await sleep(100);
      assert.equal(element.streamingEngine, 'none');
      assert.isUndefined(element.mediaState.error);
      assert.equal(getComputedStyle(control(element, 'kumo-player-error')).display, 'none');
      await expectAccessible(element);
    });
  });

  describe('attributes and properties', () => {
    it('reads list, number, negated and kebab-case attributes', async () => {
      const element = await player(
        html`<kumo-video-player
          source-types="mp4, webm"
          playback-rates="0.5 1 2 x"
          no-seek-thumbnails
          auto-advance="false"
          present-upcoming="5"
          hide-controls="volume pip"
          video-title="Tooltip-free title"
          title="A tooltip"
          chapters
          floating-when-not-visible="right"
          autoplay-mode="on-scroll"
          beacon-url="/beacon"
        ></kumo-video-player>`,
      );
      assert.deepEqual(element.sourceTypes, ['mp4', 'webm']);
      assert.deepEqual(element.playbackRates, [0.5, 1, 2]);
      assert.isFalse(element.seekThumbnails);
      assert.isFalse(element.autoAdvance);
      assert.equal(element.presentUpcoming, 5);
      assert.deepEqual(element.hideControls, ['volume', 'pip']);
      assert.equal(element.videoTitle, 'Tooltip-free title');
      assert.equal(element.title, 'A tooltip');
      assert.isTrue(element.chapters);
      assert.equal(element.autoplayMode, 'on-scroll');
      assert.equal(element.beaconUrl, '/beacon');
      element.setAttribute('auto-advance', '3');
      element.setAttribute('chapters', 'https://example.test/chapters.vtt');
      assert.equal(element.options.autoAdvance, 3);
      assert.equal(element.options.chapters, 'https://example.test/chapters.vtt');
    });

    it('gives and takes all options as one object, warning about unknown ones in development', async () => {
      const element = await player(html`<kumo-video-player></kumo-video-player>`);
      const warnings = captureWarnings();
      try {
        element.setOptions({ cloudName: 'demo', showJumpControls: true, nonsense: 1 } as never);
        setDevWarnings(false);
        element.setOptions({ otherNonsense: 1 } as never);
      } finally {
        setDevWarnings(true);
        warnings.restore();
      }
      assert.equal(element.options.cloudName, 'demo');
      assert.isTrue(element.options.showJumpControls);
      assert.deepEqual(element.options.sourceTypes, ['hls', 'mp4']);
      assert.lengthOf(warnings.messages, 1);
      assert.match(warnings.messages[0]!, /unknown-option.*"nonsense"/);
    });

    it('warns in development when a public id comes without a cloud name', async () => {
      const warnings = captureWarnings();
      try {
        // Without a cloud name no URL can be built: the player shows an error, and says why.
        const first = await player(html`<kumo-video-player public-id="dog"></kumo-video-player>`);
        await waitFor(() => first.mediaState.error !== undefined, 'error', 20_000);
        setDevWarnings(false);
        resetDevWarnings();
        const second = await player(html`<kumo-video-player public-id="cat"></kumo-video-player>`);
        await waitFor(() => second.mediaState.error !== undefined, 'error', 20_000);
      } finally {
        setDevWarnings(true);
        warnings.restore();
      }
      assert.deepEqual(
        warnings.messages.filter((message) => message.includes('missing-cloud-name')).length,
        1,
      );
    });

    it('builds the poster from the transformation, and themes colours and font', async () => {
      const element = await player(
        html`<kumo-video-player
          api-base=${apiBase}
          cloud-name=${cloudName}
          public-id=${TEST_PATTERN}
          transformation="e_grayscale"
          font-face="Georgia, serif"
          .colors=${{ base: 'rgb(1, 2, 3)', accent: 'rgb(200, 0, 0)', text: 'rgb(250, 250, 250)' }}
        ></kumo-video-player>`,
      );
      const video = () => element.videoElement!;
      await waitFor(() => !!video().getAttribute('poster'), 'poster');
      const poster = video().getAttribute('poster')!;
      assert.equal(poster, urls(TEST_PATTERN, 'e_grayscale').poster);
      const response = await fetch(poster);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^image\//);
      assert.equal(
        getComputedStyle(element).getPropertyValue('--kumo-video-player-accent').trim(),
        'rgb(200, 0, 0)',
      );
      assert.equal(getComputedStyle(control(element, '[part="controls"]')).fontFamily, 'Georgia, serif');
    });

    it('leaves out hidden controls, and the whole bar with no-controls', async () => {
      const element = await player(
        html`<kumo-video-player hide-controls="volume time" show-jump-controls></kumo-video-player>`,
      );
      assert.isNull(element.shadowRoot!.querySelector('kumo-volume-control'));
      assert.isNull(element.shadowRoot!.querySelector('kumo-time-display'));
      assert.lengthOf(element.shadowRoot!.querySelectorAll('kumo-jump-button'), 2);
      element.noControls = true;
      await element.updateComplete;
      assert.isNull(element.shadowRoot!.querySelector('[part="controls"]'));
    });

    it('links the logo, named by where it leads', async () => {
      const element = await player(
        html`<kumo-video-player .logo=${{ imageUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', onClickUrl: 'https://example.com/about' }}></kumo-video-player>`,
      );
      const link = inShadow<HTMLAnchorElement>(element, 'a[part="logo"]');
      assert.equal(link.href, 'https://example.com/about');
      assert.equal(link.target, '_blank');
      assert.equal(link.querySelector('img')!.alt, 'example.com');
      element.hideControls = ['logo'];
      await element.updateComplete;
      assert.isNull(element.shadowRoot!.querySelector('[part="logo"]'));
    });
  });

  describe('slots', () => {
    beforeEach(requireVisiblePage);

    it('gives slotted controls the player’s state', async () => {
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${TEST_PATTERN} muted>
          <div slot="controls"><kumo-time-display remaining></kumo-time-display></div>
        </kumo-video-player>`,
      );
      await whenLoaded(element);
      const slotted = element.querySelector('kumo-time-display')!;
      await waitFor(() => Number.isFinite(slotted.media.duration), 'state pushed into the slot');
      assert.equal(slotted.media.duration, element.duration);
    });
  });

  describe('states', () => {
    beforeEach(requireVisiblePage);

    it('plays the server’s HLS stream through a lazily loaded hls.js', SLOW, async () => {
      const element = await testPattern();
      await element.play();
      await waitFor(() => element.currentTime > 0.5, 'time advancing', 60_000);
      assert.equal(element.streamingEngine, 'hls.js');
      assert.isDefined(element.hls);
      // Media Source Extensions, not the browser's own HLS: the element plays a blob: URL.
      assert.match(element.videoElement!.currentSrc, /^blob:/);
      assert.equal(element.hls!.url, urls(TEST_PATTERN).candidates[0]!.url);
      const chunk = performance
        .getEntriesByType('resource')
        .find((entry) => /\/hls\.js\/dist\/hls\.m?js/.test(entry.name));
      assert.isDefined(chunk, 'hls.js came as its own module request');
      assert.isTrue(element.hasState('playing'));
    });

    it('falls back to mp4 when asked for progressive files only', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${COLOR_BARS} source-types="mp4" muted></kumo-video-player>`,
      );
      await element.play();
      await waitFor(() => element.currentTime > 0.2, 'time advancing', 90_000);
      assert.equal(element.streamingEngine, 'native');
      assert.match(element.videoElement!.currentSrc, /color-bars\.mp4$/);
      assert.deepEqual(element.mediaState.qualityLevels, []);
      assert.equal(getComputedStyle(control(element, 'kumo-quality-menu')).display, 'none');
    });

    it('switches rendition from the quality menu, and back to auto', SLOW, async () => {
      const element = await testPattern();
      await element.play();
      await waitFor(() => element.mediaState.qualityLevels.length >= 2, 'two renditions', 60_000);
      const menu = control(element, 'kumo-quality-menu') as HTMLElement & { show(): Promise<void> };
      assert.notEqual(getComputedStyle(menu).display, 'none');
      await menu.show();
      const items = [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
      assert.match(items[0]!.textContent!, /^Auto/);
      // Pick the rendition not playing now, so the switch is observable.
      const levels = element.mediaState.qualityLevels;
      const target = levels.find((level) => level.index !== element.hls!.currentLevel) ?? levels[0]!;
      const switched = new Promise<KumoQualityChangeEvent>((resolve) => {
        element.addEventListener('kumo-quality-change', (event) => {
          if (event.detail.level === target.index) resolve(event);
        });
      });
      items.find((item) => item.textContent?.trim() === `${target.height}p`)!.click();
      const event = await switched;
      assert.equal(event.detail.height, target.height);
      assert.isFalse(event.detail.auto);
      assert.equal(element.hls!.currentLevel, target.index);
      assert.equal(element.mediaState.currentQuality, target.index);
      await menu.show();
      menu.shadowRoot!.querySelector<HTMLElement>('[role="menuitemradio"]')!.click();
      assert.isTrue(element.hls!.autoLevelEnabled);
      assert.equal(element.mediaState.currentQuality, 'auto');
    });

    it('renders captions from raw-asset VTT files and switches language', SLOW, async () => {
      const element = await testPattern({
        textTracks: {
          captions: { label: 'English', language: 'en', url: trackUrls.en, default: true },
          subtitles: [{ language: 'fr', url: trackUrls.fr }],
        },
      });
      await waitFor(() => element.mediaState.textTracks.length === 2, 'tracks loaded', 30_000);
      assert.deepEqual(
        element.mediaState.textTracks.map((track) => [track.label, track.language]),
        [
          ['English', 'en'],
          ['French', 'fr'],
        ],
      );
      assert.equal(element.mediaState.activeTextTrack, 0);
      const english = parseCues(await (await fetch(trackUrls.en)).text());
      const french = parseCues(await (await fetch(trackUrls.fr)).text());
      await whenLoaded(element);
      element.currentTime = 0.5;
      const caption = () => element.shadowRoot!.querySelector('[part="caption-text"]')?.textContent;
      await waitFor(() => caption() === english[0]!.text, 'English caption', 20_000);
      const menu = control(element, 'kumo-captions-menu');
      menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[2]!.click();
      await waitFor(() => caption() === french[0]!.text, 'French caption', 20_000);
      assert.equal(inShadow(element, '[part="captions"]').getAttribute('lang'), 'fr');
      menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[5]!.click();
      await element.updateComplete;
      assert.isTrue(inShadow(element, '[part="captions"]').classList.contains('large'));
      menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[0]!.click();
      await waitFor(() => !caption(), 'captions off');
    });

    it('marks chapters on the seek bar, and the chapters menu seeks', SLOW, async () => {
      const element = await testPattern({
        textTracks: { chapters: { url: trackUrls.chapters } },
        chapters: true,
        chaptersButton: true,
      });
      const chapters = parseCues(await (await fetch(trackUrls.chapters)).text());
      await whenLoaded(element);
      await waitFor(() => element.mediaState.chapters.length === chapters.length, 'chapters', 20_000);
      const seekBar = control(element, 'kumo-seek-bar');
      await waitFor(
        () => seekBar.shadowRoot!.querySelectorAll('[part="chapter-mark"]').length === chapters.length - 1,
        'chapter marks',
      );
      const menu = control(element, 'kumo-chapters-menu') as HTMLElement & { show(): Promise<void> };
      await menu.show();
      const items = [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
      assert.equal(items.length, chapters.length);
      assert.include(items[1]!.textContent!, chapters[1]!.text);
      const seeked = nextEvent<KumoSeekedEvent>(element, 'kumo-seeked');
      items[1]!.click();
      assert.closeTo((await seeked).detail.time, chapters[1]!.start, 0.3);
    });

    it('previews a storyboard thumbnail from the server’s sprite on hover and focus', SLOW, async () => {
      const element = await testPattern();
      await whenLoaded(element);
      await waitFor(() => element.mediaState.storyboard.length > 0, 'storyboard', 60_000);
      const seekBar = control(element, 'kumo-seek-bar');
      const input = inShadow<HTMLInputElement>(seekBar, 'input');
      const box = input.getBoundingClientRect();
      input.dispatchEvent(
        new PointerEvent('pointermove', { clientX: box.left + box.width / 2, bubbles: true }),
      );
      await waitFor(() => !!seekBar.shadowRoot!.querySelector('[part="thumbnail"]'), 'thumbnail');
      const thumbnail = inShadow(seekBar, '[part="thumbnail"]');
      const sprite = /url\("(.+)"\)/.exec(thumbnail.style.backgroundImage)?.[1];
      assert.equal(sprite, urls(TEST_PATTERN).storyboard!.replace(/\.vtt$/, '.jpg'));
      const response = await fetch(sprite!);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      input.dispatchEvent(new PointerEvent('pointerleave'));
      input.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitFor(
        () => !!seekBar.shadowRoot!.querySelector('[part="thumbnail"]'),
        'thumbnail on keyboard focus',
      );
    });

    it(
      'shows a missing public id as "not found" with a retry that loads it once it exists',
      SLOW,
      async () => {
        const publicId = `tests/video-player/missing-${Date.now()}`;
        const errors = recordEvents<KumoErrorEvent>('kumo-error');
        const element = await player(
          html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${publicId} muted></kumo-video-player>`,
        );
        await waitFor(() => element.mediaState.error !== undefined, 'error', 60_000);
        errors.stop();
        assert.deepInclude(element.mediaState.error, { kind: 'not-found', status: 404 });
        assert.equal(errors.events[0]?.detail.error.kind, 'not-found');
        const panel = control(element, 'kumo-player-error');
        assert.notEqual(getComputedStyle(panel).display, 'none');
        assert.equal(inShadow(panel, '[part="message"]').textContent, 'This video could not be found.');
        assert.isTrue(element.hasState('error'));
        // The asset appears (uploaded from the sample's mp4), and retrying plays it.
        const mp4 = await (await fetch(urls(COLOR_BARS).candidates[1]!.url)).arrayBuffer();
        const base64 = btoa(String.fromCharCode(...new Uint8Array(mp4)));
        const upload = await admin('POST', '/video/upload', {
          file: `data:video/mp4;base64,${base64}`,
          public_id: publicId,
        });
        assert.equal(upload.status, 200);
        inShadow<HTMLButtonElement>(panel, '[part="retry"]').click();
        await waitFor(() => element.mediaState.error === undefined, 'error cleared', 10_000);
        await whenLoaded(element, 120_000);
        assert.isFalse(element.hasState('error'));
      },
    );

    it('reports an unreachable server as a network failure', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player api-base="http://127.0.0.1:9" cloud-name=${cloudName} public-id=${TEST_PATTERN}></kumo-video-player>`,
      );
      await waitFor(() => element.mediaState.error !== undefined, 'error', 90_000);
      assert.equal(element.mediaState.error!.kind, 'network');
      assert.equal(
        inShadow(control(element, 'kumo-player-error'), '[part="message"]').textContent,
        'The video could not be loaded. Check your connection and try again.',
      );
    });

    it('floats a mini-player while playing out of view, until closed', SLOW, async () => {
      const wrapper = await fixture(
        html`<div>
          <kumo-video-player
            style="width: 480px"
            api-base=${apiBase}
            cloud-name=${cloudName}
            public-id=${TEST_PATTERN}
            muted
            loop
            floating-when-not-visible="right"
          ></kumo-video-player>
          <div style="height: 4000px"></div>
        </div>`,
      );
      const element = wrapper.querySelector<KumoVideoPlayer>('kumo-video-player')!;
      await whenLoaded(element);
      await element.play();
      try {
        element.scrollIntoView();
        window.scrollBy(0, 2000);
        await waitFor(() => element.hasState('floating'), 'floating', 10_000);
        const frame = inShadow(element, '[part="frame"]');
        assert.equal(getComputedStyle(frame).position, 'fixed');
        assert.isAtMost(frame.getBoundingClientRect().right, window.innerWidth);
        inShadow<HTMLButtonElement>(element, '[part="close-mini"]').click();
        await element.updateComplete;
        assert.isFalse(element.hasState('floating'));
        assert.isTrue(element.paused);
      } finally {
        window.scrollTo(0, 0);
      }
    });

    it('plays muted by itself with autoplay-mode="always"', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${TEST_PATTERN} autoplay-mode="always"></kumo-video-player>`,
      );
      await waitFor(() => element.currentTime > 0.3, 'autoplay', 60_000);
      assert.isTrue(element.muted);
      assert.isTrue(element.videoElement!.muted);
    });
  });

  describe('playlists', () => {
    beforeEach(requireVisiblePage);

    it('advances to the next item when one ends, showing it as up next', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player
          api-base=${apiBase}
          cloud-name=${cloudName}
          muted
          .playlist=${[
            { publicId: TEST_PATTERN, title: 'Test pattern' },
            { publicId: COLOR_BARS, title: 'Colour bars' },
          ]}
        ></kumo-video-player>`,
      );
      await whenLoaded(element);
      assert.equal(element.playlistIndex, 0);
      assert.equal(inShadow(element, '[part="title"]').textContent, 'Test pattern');
      const nav = element.shadowRoot!.querySelectorAll('.nav');
      assert.deepEqual(
        [...nav].map((button) => button.getAttribute('aria-label')),
        ['Previous video', 'Next video'],
      );
      const item = nextEvent<KumoPlaylistItemEvent>(element, 'kumo-playlist-item', 90_000);
      element.currentTime = element.duration - 1;
      await element.play();
      const upNext = control(element, 'kumo-up-next');
      await waitFor(() => !!upNext.shadowRoot!.querySelector('[part="card"]'), 'up-next card', 20_000);
      assert.equal(inShadow(upNext, '[part="title"]').textContent, 'Colour bars');
      assert.equal(
        inShadow<HTMLImageElement>(upNext, '[part="poster"]').getAttribute('src'),
        urls(COLOR_BARS).poster,
      );
      const event = await item;
      assert.equal(event.detail.index, 1);
      assert.equal(event.detail.source.publicId, COLOR_BARS);
      await waitFor(
        () => element.currentSourceId === COLOR_BARS && element.currentTime > 0.1,
        'second item',
        90_000,
      );
      assert.equal(inShadow(element, '[part="title"]').textContent, 'Colour bars');
    });

    it('counts down with auto-advance and stays when the viewer cancels', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player
          api-base=${apiBase}
          cloud-name=${cloudName}
          muted
          auto-advance="30"
          .playlist=${[{ publicId: TEST_PATTERN }, { publicId: COLOR_BARS, title: 'Colour bars' }]}
        ></kumo-video-player>`,
      );
      await whenLoaded(element);
      element.currentTime = element.duration - 0.5;
      await element.play();
      await nextEvent(element, 'kumo-ended', 30_000);
      const upNext = control(element, 'kumo-up-next');
      await waitFor(() => !!upNext.shadowRoot!.querySelector('.countdown'), 'countdown');
      assert.match(inShadow(upNext, '.countdown').textContent!, /^Playing in (30|29) seconds$/);
      inShadow<HTMLButtonElement>(upNext, '[part="cancel"]').click();
      await element.updateComplete;
      assert.isNull(upNext.shadowRoot!.querySelector('[part="card"]'));
      assert.equal(element.playlistIndex, 0);
      assert.isTrue(element.next());
      await waitFor(() => element.playlistIndex === 1, 'next()');
    });

    it('builds the playlist from a tag', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} playlist-by-tag="video" muted></kumo-video-player>`,
      );
      await waitFor(() => element.playlistItems.length >= 2, 'tag list', 30_000);
      const ids = element.playlistItems.map((item) => item.publicId);
      assert.includeMembers(ids, [TEST_PATTERN, COLOR_BARS]);
      await whenLoaded(element);
      assert.equal(element.currentSourceId, ids[0]);
    });

    it('reports an unknown tag as nothing to play', SLOW, async () => {
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} playlist-by-tag="no-such-tag-${Date.now()}"></kumo-video-player>`,
      );
      await waitFor(() => element.mediaState.error !== undefined, 'error', 30_000);
      assert.include(['empty', 'not-found'], element.mediaState.error!.kind);
    });
  });

  describe('events', () => {
    beforeEach(requireVisiblePage);

    it('reports play, pause, seeked, quartiles, ended and the source', SLOW, async () => {
      const recorder = recordEvents(
        'kumo-source-change',
        'kumo-play',
        'kumo-pause',
        'kumo-seeked',
        'kumo-progress-quartile',
        'kumo-ended',
      );
      const element = await testPattern();
      await whenLoaded(element);
      element.videoElement!.playbackRate = 4;
      await element.play();
      await waitFor(() => element.currentTime > 1.5, 'playing');
      element.pause();
      element.currentTime = 0;
      await nextEvent(element, 'kumo-seeked');
      await element.play();
      await nextEvent(element, 'kumo-ended', 60_000);
      recorder.stop();
      const types = recorder.events.map((event) => event.type);
      assert.equal(types[0], 'kumo-source-change');
      assert.includeMembers(types, ['kumo-play', 'kumo-pause', 'kumo-seeked', 'kumo-ended']);
      const quartiles = recorder.events
        .filter((event) => event.type === 'kumo-progress-quartile')
        .map((event) => (event as KumoProgressQuartileEvent).detail.quartile);
      assert.deepEqual(quartiles, [25, 50, 75, 100]);
      // The last seek is the test's own (hls.js may seek to its start position while loading).
      const seeked = recorder.events.filter((event) => event.type === 'kumo-seeked').pop() as KumoSeekedEvent;
      // `from` is the last position reported before the seek (time updates come every ~250 ms).
      assert.isAbove(seeked.detail.from, 0.5);
      assert.equal(seeked.detail.time, 0);
      assert.equal(types.indexOf('kumo-pause'), types.lastIndexOf('kumo-pause'), 'the end is not a pause');
    });

    it('sends the events to the beacon URL in a batch', SLOW, async () => {
      const beacon = `/__kumo-beacon-${Date.now()}`;
      // Stream segments fill the resource timing buffer; make room to see the beacon.
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(2000);
      const element = await player(
        html`<kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${TEST_PATTERN} muted beacon-url=${beacon}></kumo-video-player>`,
      );
      await whenLoaded(element);
      element.currentTime = element.duration - 0.5;
      await element.play();
      await nextEvent(element, 'kumo-ended', 30_000);
      await waitFor(
        () => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(beacon)),
        'beacon request',
        10_000,
      );
    });
  });

  describe('keyboard', () => {
    beforeEach(requireVisiblePage);

    it('acts on the shortcuts while the player has focus', SLOW, async () => {
      const element = await testPattern({
        textTracks: { captions: { label: 'English', language: 'en', url: trackUrls.en } },
      });
      await whenLoaded(element);
      await waitFor(() => element.mediaState.textTracks.length === 1, 'tracks');
      element.focus();
      assert.equal(deepActiveElement(), element);
      await sendKeys({ press: 'k' });
      await waitFor(() => !element.paused, 'k plays');
      await sendKeys({ press: ' ' });
      await waitFor(() => element.paused, 'space pauses');
      await sendKeys({ press: '5' });
      await waitFor(() => Math.abs(element.currentTime - element.duration / 2) < 0.2, '5 seeks to 50 %');
      const middle = element.currentTime;
      await sendKeys({ press: 'ArrowLeft' });
      await waitFor(() => Math.abs(element.currentTime - Math.max(0, middle - 5)) < 0.2, '← goes back 5 s');
      await sendKeys({ press: 'l' });
      await waitFor(
        () => Math.abs(element.currentTime - Math.min(element.duration, Math.max(0, middle - 5) + 10)) < 0.2,
        'l goes on 10 s',
      );
      await sendKeys({ press: '0' });
      await waitFor(() => element.currentTime === 0, '0 seeks to the start');
      await sendKeys({ press: 'ArrowRight' });
      await waitFor(
        () => Math.abs(element.currentTime - Math.min(element.duration, 5)) < 0.2,
        '→ goes on 5 s',
      );
      await sendKeys({ press: 'j' });
      await waitFor(() => element.currentTime === 0, 'j goes back 10 s, not before 0');
      await sendKeys({ press: 'm' });
      assert.isFalse(element.videoElement!.muted);
      element.volume = 0.5;
      await sendKeys({ press: 'ArrowDown' });
      assert.closeTo(element.volume, 0.45, 0.001);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      assert.closeTo(element.volume, 0.55, 0.001);
      await sendKeys({ press: 'c' });
      assert.equal(element.mediaState.activeTextTrack, 0);
      await sendKeys({ press: 'c' });
      assert.equal(element.mediaState.activeTextTrack, -1);
      await sendKeys({ press: 'f' });
      await waitFor(() => document.fullscreenElement === element, 'f enters full screen');
      assert.isTrue(element.mediaState.fullscreen);
      await sendKeys({ press: 'f' });
      await waitFor(() => !document.fullscreenElement, 'f leaves full screen');
    });

    it('leaves keys to the focused control', SLOW, async () => {
      const element = await testPattern();
      await whenLoaded(element);
      const mute = inShadow<HTMLButtonElement>(control(element, 'kumo-volume-control'), 'button');
      mute.focus();
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      assert.isFalse(element.videoElement!.muted, 'space pressed the mute button');
      assert.isTrue(element.paused, 'space did not also toggle playback');
    });

    it('announces what a shortcut did', SLOW, async () => {
      const element = await testPattern();
      await whenLoaded(element);
      element.focus();
      await sendKeys({ press: 'm' });
      await waitFor(
        () =>
          [...document.querySelectorAll('[data-kumo-announcer]')].some((region) =>
            region.textContent?.includes('Unmuted'),
          ),
        'announcement',
      );
    });
  });

  describe('languages and layout', () => {
    beforeEach(requireVisiblePage);

    it('speaks French', SLOW, async () => {
      await loadTranslation(playerStrings, 'fr');
      const wrapper = await fixture(
        html`<div lang="fr"><kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${TEST_PATTERN} muted></kumo-video-player></div>`,
      );
      const element = wrapper.querySelector<KumoVideoPlayer>('kumo-video-player')!;
      await whenLoaded(element);
      await element.updateComplete;
      assert.equal(
        inShadow(control(element, 'kumo-play-button'), 'button').getAttribute('aria-label'),
        'Lecture',
      );
      assert.equal(
        inShadow(control(element, 'kumo-seek-bar'), 'input').getAttribute('aria-label'),
        'Position',
      );
      assert.equal(
        element.shadowRoot!.querySelector('[part="controls"]')!.getAttribute('aria-label'),
        'Lecteur vidéo',
      );
    });

    it('mirrors the controls in Arabic but keeps the timeline left to right', SLOW, async () => {
      await loadTranslation(playerStrings, 'ar');
      const wrapper = await fixture(
        html`<div lang="ar" dir="rtl" style="width: 640px"><kumo-video-player api-base=${apiBase} cloud-name=${cloudName} public-id=${TEST_PATTERN} muted></kumo-video-player></div>`,
      );
      const element = wrapper.querySelector<KumoVideoPlayer>('kumo-video-player')!;
      await whenLoaded(element);
      await element.updateComplete;
      const play = control(element, '.row kumo-play-button');
      assert.equal(inShadow(play, 'button').getAttribute('aria-label'), 'تشغيل');
      const frame = inShadow(element, '[part="frame"]').getBoundingClientRect();
      const playBox = play.getBoundingClientRect();
      assert.isAbove(playBox.left, frame.left + frame.width / 2, 'play sits at the right');
      const seekBar = control(element, 'kumo-seek-bar');
      assert.equal(getComputedStyle(inShadow(seekBar, '.bar')).direction, 'ltr');
    });

    it('is accessible while playing with captions and chapters', SLOW, async () => {
      const element = await testPattern({
        textTracks: {
          captions: { label: 'English', language: 'en', url: trackUrls.en, default: true },
          chapters: { url: trackUrls.chapters },
        },
        chaptersButton: true,
        playbackRates: [1, 1.5, 2],
        showJumpControls: true,
      });
      await whenLoaded(element);
      await waitFor(() => element.mediaState.chapters.length > 0, 'chapters', 20_000);
      await expectAccessible(element);
    });
  });

  describe('methods', () => {
    beforeEach(requireVisiblePage);

    it('switches source with source(), and reports it', SLOW, async () => {
      const element = await testPattern();
      await whenLoaded(element);
      const change = nextEvent(element, 'kumo-source-change');
      element.source(COLOR_BARS, { title: 'Bars', sourceTypes: ['mp4'] });
      const event = (await change) as Event & { detail: { id: string } };
      assert.equal(event.detail.id, COLOR_BARS);
      await whenLoaded(element, 90_000);
      assert.equal(element.videoTitle, 'Bars');
      assert.equal(element.streamingEngine, 'native');
      assert.equal(element.currentSourceId, COLOR_BARS);
      element.source(rawUrl('nothing.mp4'));
      assert.equal(element.src, rawUrl('nothing.mp4'));
      assert.isUndefined(element.publicId);
    });
  });
});
