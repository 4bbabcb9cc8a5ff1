// End-to-end: the video player studio page against a real Kumo server with its sample library, in
// Chromium. The preview must play the test pattern with its captions and chapters; each flavour of
// generated code, run as its user would run it, must configure the same player as the preview and play.
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createSampleAssets } from '../packages/server/src/samples/sample-assets.js';
import { TEST_KEY, TEST_SECRET } from '../packages/server/src/testing/test-server.js';
import { FLAVOURS, type Flavour } from './shared/code-generator/code-generator.js';
import { flavourApp, serveFlavour } from './testing/flavour-apps.js';
import { KumoTestServer, launchChromium, StudioServer } from './testing/studio-harness.js';
import { configurationOf, generatedCode, openStudioPage, waitForPreview } from './testing/studio-preview.js';
import {
  DEFAULT_STATE,
  SAMPLE_TRACKS,
  SAMPLE_VIDEO,
  stateToHash,
  type VideoPlayerStudioState,
} from './video-player/video-player-state.js';

const PLAYER = 'kumo-video-player';
const PREVIEW = `#preview ${PLAYER}`;
/** Media work on a busy two-core machine is slow: the server renders the HLS ladder on first request. */
const MEDIA_TIMEOUT = 45_000;

describe('video player studio', () => {
  let kumo: KumoTestServer;
  let studio: StudioServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    kumo = await KumoTestServer.start();
    // The test server starts without samples; make them the way `kumo` does on first start.
    const [, built] = await Promise.all([
      createSampleAssets({
        baseUrl: kumo.url,
        cloud: kumo.cloud,
        key: { key: TEST_KEY, secret: TEST_SECRET },
        dataDir: kumo.dataDir,
      }),
      StudioServer.start(kumo.url),
    ]);
    studio = built;
    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await studio?.close();
    await kumo?.close();
  });

  /** A fresh page whose console logs are collected (first argument only: the event name). */
  async function newPage(): Promise<{ page: Page; logs: unknown[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const logs: unknown[] = [];
    page.on('console', async (message) => {
      if (message.type() !== 'log') return;
      logs.push(
        await message
          .args()[0]
          ?.jsonValue()
          .catch(() => undefined),
      );
    });
    return { page, logs };
  }

  /** Opens the studio page on a configuration and waits until the preview shows it. */
  async function openStudio(page: Page, state: Partial<VideoPlayerStudioState>): Promise<string> {
    const hash = stateToHash({ ...DEFAULT_STATE, ...state });
    await openStudioPage(page, `${studio.origin}/video-player/`, hash, PLAYER);
    return hash;
  }

  /** Starts playback (muted players may start without a gesture) and waits until time moves on. */
  async function assertPlays(page: Page, selector: string): Promise<void> {
    await page.$eval(selector, (element) => {
      void (element as HTMLElement & { play(): Promise<void> }).play();
    });
    await page.waitForFunction(
      (target) => {
        const player = document.querySelector(target) as (HTMLElement & { currentTime: number }) | null;
        return (player?.currentTime ?? 0) > 0.5;
      },
      selector,
      { timeout: MEDIA_TIMEOUT },
    );
    const { muted, paused } = await page.$eval(selector, (element) => {
      const player = element as HTMLElement & { muted: boolean; paused: boolean };
      return { muted: player.muted, paused: player.paused };
    });
    assert.isTrue(muted, 'muted');
    assert.isFalse(paused, 'paused');
  }

  it('the server has the sample videos and the text tracks the defaults use', async () => {
    for (const [type, id] of [
      ['video', SAMPLE_VIDEO],
      ['video', 'samples/videos/color-bars'],
      ['raw', SAMPLE_TRACKS.captionsEn],
      ['raw', SAMPLE_TRACKS.captionsFr],
      ['raw', SAMPLE_TRACKS.chapters],
    ] as const) {
      const { status } = await kumo.admin('GET', `/resources/${type}/upload/${id}`);
      assert.strictEqual(status, 200, `${type} ${id}`);
    }
  });

  it('the preview plays the test pattern over HLS, muted, with both caption tracks and chapter marks', async () => {
    const { page } = await newPage();
    await openStudio(page, { muted: true });
    // The picker lists the server's videos tagged `video`, fetched through the studio's proxy.
    await page.waitForFunction(
      () => (document.getElementById('sample-video') as HTMLSelectElement).length > 2,
    );
    assert.includeMembers(
      await page.$$eval('#sample-video option', (options) =>
        options.map((option) => (option as HTMLOptionElement).value),
      ),
      [SAMPLE_VIDEO, 'samples/videos/color-bars'],
    );
    assert.strictEqual(await page.locator('#sample-video').inputValue(), SAMPLE_VIDEO);

    await assertPlays(page, PREVIEW);
    assert.strictEqual(
      await page.$eval(
        PREVIEW,
        (element) => (element as HTMLElement & { streamingEngine: string }).streamingEngine,
      ),
      'hls.js',
    );

    const tracks = await page.$eval(PREVIEW, (element) =>
      [...(element.shadowRoot?.querySelectorAll('video track') ?? [])].map((track) => [
        track.getAttribute('kind'),
        track.getAttribute('srclang'),
        track.getAttribute('label'),
      ]),
    );
    assert.deepEqual(tracks, [
      ['captions', 'en', 'English'],
      ['subtitles', 'fr', 'Français'],
    ]);

    // Four chapters of three seconds: three marks where the second, third and fourth start.
    await page.waitForFunction(
      (selector) => {
        const seekBar = document.querySelector(selector)?.shadowRoot?.querySelector('kumo-seek-bar');
        return (seekBar?.shadowRoot?.querySelectorAll('[part="chapter-mark"]').length ?? 0) === 3;
      },
      PREVIEW,
      { timeout: MEDIA_TIMEOUT },
    );
    const chapters = await page.$eval(PREVIEW, (element) =>
      (element as HTMLElement & { mediaState: { chapters: { title: string }[] } }).mediaState.chapters.map(
        (chapter) => chapter.title,
      ),
    );
    assert.deepEqual(chapters, ['Test card', 'Colour sweep', 'Moving shapes', 'Closing tone']);
    await page.locator('#event-log li[data-event="kumo-play"]').first().waitFor();
  });

  describe('code flavours', () => {
    // Options of every kind: attributes, lists, objects, a `false` that must reach the property,
    // Cloudinary-renamed options (info, controls, skin) and the language the script tag puts on markup.
    const configured: Partial<VideoPlayerStudioState> = {
      muted: true,
      title: 'Test "pattern" & <friends>',
      subtitle: "it's {twelve} seconds",
      playbackRates: [0.5, 1, 2],
      showJumpControls: true,
      chaptersButton: true,
      seekThumbnails: false,
      hideControls: ['pip', 'big-play'],
      colors: { accent: '#ff8800' },
      fontFace: 'Georgia, serif',
      logoUrl: 'https://example.com/logo.png',
      lang: 'fr',
      theme: 'dark',
      events: ['kumo-play'],
    };
    const playLog: Record<Flavour, string> = {
      'script-tag': 'play',
      'es-module': 'kumo-play',
      react: 'kumo-play',
      vue: 'kumo-play',
    };

    for (const flavour of FLAVOURS) {
      it(`${flavour}: configures the same player as the preview and plays`, async () => {
        const { page, logs } = await newPage();
        await openStudio(page, configured);
        const expected = await configurationOf(page, PREVIEW);
        const code = await generatedCode(page, flavour);

        const app = await flavourApp(flavour, code);
        try {
          await page.goto(await serveFlavour(page, studio.origin, app));
          // The script tag applies its options once kumo.js has loaded the player's chunk.
          await page
            .waitForFunction(
              ([tag, want]) => {
                const player = document.querySelector(tag as string) as
                  | (HTMLElement & { options?: unknown; theme?: string })
                  | null;
                if (!player?.options) return false;
                const { options, lang, theme } = JSON.parse(want as string);
                return (
                  JSON.stringify(player.options) === JSON.stringify(options) &&
                  player.lang === lang &&
                  (player.theme ?? null) === theme
                );
              },
              [PLAYER, expected],
              { timeout: 20_000 },
            )
            .catch(() => {});
          assert.deepEqual(JSON.parse(await configurationOf(page, PLAYER)), JSON.parse(expected));

          await assertPlays(page, PLAYER);
          assert.include(logs, playLog[flavour]);
        } finally {
          app.close();
        }
      });
    }
  });

  describe('the studio page', () => {
    it('turns the form into code and an address that restores it', async () => {
      const { page } = await newPage();
      await openStudio(page, {});
      await page.getByLabel('Sample video').selectOption('samples/videos/color-bars');
      await page.getByLabel('Playback rates').fill('2, 0.5, 1');
      await page.getByLabel('Captions (English) and subtitles (French)').uncheck();
      await page.getByLabel('Title', { exact: true }).fill('Colour bars');
      await page.getByLabel('MP4').uncheck();
      await page.getByRole('radio', { name: 'When scrolled into view' }).check();

      const hash = await page.evaluate(() => location.hash.slice(1));
      await waitForPreview(page, hash, PLAYER);
      const { options } = JSON.parse(await configurationOf(page, PREVIEW));
      assert.strictEqual(options.publicId, 'samples/videos/color-bars');
      assert.deepEqual(options.playbackRates, [0.5, 1, 2]);
      assert.deepEqual(options.sourceTypes, ['hls']);
      assert.isUndefined(options.textTracks);
      assert.strictEqual(options.videoTitle, 'Colour bars');
      assert.strictEqual(options.autoplayMode, 'on-scroll');
      // The only delivery form left cannot be unchecked.
      assert.isTrue(await page.getByLabel('HLS (adaptive)').isDisabled());

      const esModule = await generatedCode(page, 'es-module');
      assert.include(esModule, 'playback-rates="0.5 1 2"');
      assert.include(esModule, 'public-id="samples/videos/color-bars"');
      const scriptTag = await generatedCode(page, 'script-tag');
      assert.include(scriptTag, "info: { title: 'Colour bars' },");
      assert.include(scriptTag, "kumo.videoPlayer('player', {");

      await page.reload();
      await waitForPreview(page, hash, PLAYER);
      assert.strictEqual(await page.getByLabel('Public id').inputValue(), 'samples/videos/color-bars');
      assert.strictEqual(await page.getByLabel('Playback rates').inputValue(), '0.5, 1, 2');
      assert.isFalse(await page.getByLabel('Captions (English) and subtitles (French)').isChecked());
      assert.deepEqual(JSON.parse(await configurationOf(page, PREVIEW)).options, options);
    });

    it('is linked from the navigation and has no axe violations, in both themes', async () => {
      const { page } = await newPage();
      await openStudio(page, {});
      assert.strictEqual(
        await page
          .getByRole('navigation')
          .getByRole('link', { name: 'Video player' })
          .getAttribute('aria-current'),
        'page',
      );
      await page.addScriptTag({ content: (await import('axe-core')).default.source });
      for (const theme of ['light', 'dark']) {
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
        const violations = await page.evaluate(async () => {
          type Results = { violations: { id: string; nodes: { target: unknown }[] }[] };
          const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<Results> } }).axe;
          const results = await axe.run(document);
          return results.violations.map(
            (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
          );
        });
        assert.deepEqual(violations, [], theme);
      }
    });
  });
});
