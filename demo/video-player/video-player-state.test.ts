import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { mapVideoPlayerOptions } from '../../packages/embed/src/video-player-options.js';
import { generateSnippets } from '../shared/code-generator/code-generator.js';
import { runEsModule, runReact, runScriptTag, runVue } from '../testing/snippet-runners.js';
import {
  AUTOPLAY_MODES,
  COLOR_KEYS,
  CONTROL_NAMES,
  DEFAULT_STATE,
  describePlayer,
  EVENT_NAMES,
  FLOATING_POSITIONS,
  LANGUAGES,
  normalizeSourceTypes,
  parseRates,
  playerOptions,
  previewProperties,
  publicIdsOfTagList,
  SAMPLE_VIDEO,
  SOURCE_TYPE_CHOICES,
  stateFromHash,
  stateToHash,
  THEMES,
  tagListUrl,
  type VideoPlayerStudioState,
} from './video-player-state.js';

const ORIGIN = 'http://127.0.0.1:5173';
const raw = (id: string) => `${ORIGIN}/demo/raw/upload/${id}`;

const DEFAULT_TRACKS = {
  captions: {
    label: 'English',
    language: 'en',
    url: raw('samples/videos/test-pattern-captions-en.vtt'),
    default: true,
  },
  subtitles: [{ label: 'Français', language: 'fr', url: raw('samples/videos/test-pattern-captions-fr.vtt') }],
};

const configured: VideoPlayerStudioState = {
  ...DEFAULT_STATE,
  publicId: 'samples/videos/color-bars',
  sourceTypes: ['mp4'],
  transformation: 'e_grayscale/so_1',
  poster: 'https://example.com/poster.jpg',
  chaptersButton: true,
  seekThumbnails: false,
  playbackRates: [0.5, 1, 2],
  showJumpControls: true,
  pictureInPictureToggle: true,
  controls: false,
  hideControls: ['volume', 'big-play'],
  autoplayMode: 'on-scroll',
  loop: true,
  muted: true,
  floatingWhenNotVisible: 'right',
  title: 'He said "hi" & <left>',
  subtitle: "it's {new}",
  description: 'Line one\nline two',
  colors: { base: '#101010', accent: '#ff0088' },
  fontFace: 'Georgia, serif',
  logoUrl: 'https://example.com/logo.png',
  logoLink: 'https://example.com/',
  playlistTag: 'video',
  lang: 'ar',
  theme: 'dark',
  events: ['kumo-play', 'kumo-progress-quartile', 'kumo-rebuffer-end'],
};

describe('video player studio state', () => {
  describe('defaults', () => {
    it('an empty hash is the default state, and the default state writes an empty hash', () => {
      assert.deepEqual(stateFromHash(''), DEFAULT_STATE);
      assert.strictEqual(stateToHash(DEFAULT_STATE), '');
    });

    it('by default the player plays the test pattern from this server with both caption tracks, chapters and the chapters menu', () => {
      assert.deepEqual(previewProperties(DEFAULT_STATE, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        publicId: SAMPLE_VIDEO,
        textTracks: DEFAULT_TRACKS,
        chapters: raw('samples/videos/test-pattern-chapters.vtt'),
        chaptersButton: true,
      });
      // HLS first and storyboard thumbnails are the element's own defaults, so the code leaves them out.
      const options = playerOptions(DEFAULT_STATE, ORIGIN);
      assert.deepEqual(options.sourceTypes, ['hls', 'mp4']);
      assert.isTrue(options.seekThumbnails);
    });
  });

  describe('options', () => {
    it('a configured server replaces the page origin for the player and the track files', () => {
      const state = { ...DEFAULT_STATE, server: 'https://media.example/', cloudName: 'shop' };
      const options = playerOptions(state, ORIGIN);
      assert.strictEqual(options.apiBase, 'https://media.example');
      assert.strictEqual(
        options.chapters,
        'https://media.example/shop/raw/upload/samples/videos/test-pattern-chapters.vtt',
      );
      assert.strictEqual(describePlayer(state, ORIGIN).serverUrl, 'https://media.example');
    });

    it('leaves the tracks out when they are off, or when no cloud name says where they are', () => {
      const off = playerOptions({ ...DEFAULT_STATE, captions: false, chapters: false }, ORIGIN);
      assert.isUndefined(off.textTracks);
      assert.isUndefined(off.chapters);
      const noCloud = playerOptions({ ...DEFAULT_STATE, cloudName: ' ' }, ORIGIN);
      assert.isUndefined(noCloud.textTracks);
      assert.isUndefined(noCloud.chapters);
      assert.isUndefined(tagListUrl({ ...DEFAULT_STATE, cloudName: '' }, ORIGIN));
    });

    it('the preview gets exactly the options the code sets', () => {
      assert.deepEqual(previewProperties(configured, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        publicId: 'samples/videos/color-bars',
        playlistByTag: 'video',
        sourceTypes: ['mp4'],
        transformation: 'e_grayscale/so_1',
        poster: 'https://example.com/poster.jpg',
        textTracks: DEFAULT_TRACKS,
        chapters: raw('samples/videos/test-pattern-chapters.vtt'),
        chaptersButton: true,
        seekThumbnails: false,
        playbackRates: [0.5, 1, 2],
        showJumpControls: true,
        pictureInPictureToggle: true,
        noControls: true,
        hideControls: ['volume', 'big-play'],
        autoplayMode: 'on-scroll',
        loop: true,
        muted: true,
        floatingWhenNotVisible: 'right',
        videoTitle: 'He said "hi" & <left>',
        videoSubtitle: "it's {new}",
        videoDescription: 'Line one\nline two',
        colors: { base: '#101010', accent: '#ff0088' },
        fontFace: 'Georgia, serif',
        logo: { imageUrl: 'https://example.com/logo.png', onClickUrl: 'https://example.com/' },
        lang: 'ar',
        theme: 'dark',
      });
    });

    it('a logo link without a logo image is left out', () => {
      assert.isUndefined(playerOptions({ ...DEFAULT_STATE, logoLink: 'https://example.com/' }, ORIGIN).logo);
    });
  });

  describe('code', () => {
    it('the script tag, mapped by kumo.videoPlayer, gives the element exactly the preview properties', () => {
      for (const state of [DEFAULT_STATE, configured]) {
        const run = runScriptTag(generateSnippets(describePlayer(state, ORIGIN))['script-tag']);
        assert.strictEqual(run.scriptSrc, `${ORIGIN}/embed/kumo.js`);
        assert.strictEqual(run.factoryCalls[0]?.factory, 'videoPlayer');
        const [target, options] = run.factoryCalls[0]?.args ?? [];
        assert.strictEqual(target, 'player');
        const mapped = mapVideoPlayerOptions(options as Record<string, unknown>);
        assert.deepEqual(mapped.warnings, []);
        const container = run.elements.find((element) => element.tag === 'kumo-video-player');
        assert.strictEqual(container?.attributes.id, 'player');
        // The language is the one option on the element's markup rather than in the options.
        const { lang, ...expected } = previewProperties(state, ORIGIN);
        assert.deepEqual(mapped.element, expected);
        assert.strictEqual(container?.attributes.lang, lang);
      }
    });

    it('the script tag uses Cloudinary names: info, controls, skin, chapters.url', () => {
      const run = runScriptTag(generateSnippets(describePlayer(configured, ORIGIN))['script-tag']);
      const options = (run.factoryCalls[0]?.args[1] ?? {}) as Record<string, unknown>;
      assert.deepEqual(options.info, {
        title: 'He said "hi" & <left>',
        subtitle: "it's {new}",
        description: 'Line one\nline two',
      });
      assert.strictEqual(options.controls, false);
      assert.strictEqual(options.skin, 'dark');
      assert.deepEqual(options.chapters, { url: raw('samples/videos/test-pattern-chapters.vtt') });
      for (const name of ['videoTitle', 'noControls', 'theme', 'lang']) assert.notProperty(options, name);
    });

    it('the script tag listens with on() under Cloudinary event names', () => {
      const run = runScriptTag(generateSnippets(describePlayer(configured, ORIGIN))['script-tag']);
      // kumo-rebuffer-end has no Cloudinary name, so only the other two are listened to.
      assert.deepEqual(
        run.instanceCalls.map((call) => [call.method, call.args[0]]),
        [
          ['on', 'play'],
          ['on', 'percentsplayed'],
        ],
      );
    });

    it('the ES module writes scalars as attributes and the rest as properties', () => {
      const run = runEsModule(
        generateSnippets(describePlayer(configured, ORIGIN))['es-module'],
        'kumo-video-player',
      );
      assert.deepEqual(run.imports, ['@kumo/video-player/define']);
      const attributes = run.element?.attributes ?? {};
      assert.strictEqual(attributes['playback-rates'], '0.5 1 2');
      assert.strictEqual(attributes['hide-controls'], 'volume big-play');
      assert.strictEqual(attributes['video-title'], 'He said "hi" & <left>');
      assert.strictEqual(attributes.chapters, raw('samples/videos/test-pattern-chapters.vtt'));
      assert.strictEqual(attributes.lang, 'ar');
      assert.deepEqual(run.instance?.properties, {
        textTracks: DEFAULT_TRACKS,
        seekThumbnails: false,
        colors: { base: '#101010', accent: '#ff0088' },
        logo: { imageUrl: 'https://example.com/logo.png', onClickUrl: 'https://example.com/' },
      });
      assert.sameMembers(Object.keys(run.instance?.listeners ?? {}), [...configured.events]);
    });

    it('React and Vue give the element the preview properties and the chosen events', async () => {
      const react = await runReact(generateSnippets(describePlayer(configured, ORIGIN)).react, '@kumo/react');
      assert.strictEqual(react.rendered.type, 'KumoVideoPlayer');
      const { onPlay, onProgressQuartile, onRebufferEnd, ...props } = react.rendered.props;
      assert.deepEqual(props, previewProperties(configured, ORIGIN));
      for (const handler of [onPlay, onProgressQuartile, onRebufferEnd]) assert.isFunction(handler);

      const vue = await runVue(generateSnippets(describePlayer(configured, ORIGIN)).vue, (tag) =>
        tag.startsWith('kumo-'),
      );
      assert.strictEqual(vue.rendered.type, 'kumo-video-player');
      assert.deepEqual(vue.rendered.props['.textTracks'], DEFAULT_TRACKS);
      assert.deepEqual(vue.rendered.props['.playbackRates'], [0.5, 1, 2]);
      assert.strictEqual(vue.rendered.props['.seekThumbnails'], false);
      assert.strictEqual(vue.rendered.props['video-title'], 'He said "hi" & <left>');
      assert.isFunction(vue.rendered.props.onKumoPlay);
    });
  });

  describe('hash', () => {
    it('keeps a configuration across a round trip through the address', () => {
      assert.deepEqual(stateFromHash(stateToHash(configured)), configured);
    });

    it('keeps any valid state across a round trip', () => {
      const text = fc.string({ maxLength: 12 });
      const state = fc.record<VideoPlayerStudioState>({
        server: text,
        cloudName: text,
        publicId: text,
        sourceTypes: fc
          .subarray([...SOURCE_TYPE_CHOICES], { minLength: 1 })
          .map((types) => normalizeSourceTypes(types)),
        transformation: text,
        poster: text,
        captions: fc.boolean(),
        chapters: fc.boolean(),
        chaptersButton: fc.boolean(),
        seekThumbnails: fc.boolean(),
        playbackRates: fc
          .uniqueArray(fc.constantFrom(0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3), { maxLength: 4 })
          .map((rates) => [...rates].sort((a, b) => a - b)),
        showJumpControls: fc.boolean(),
        pictureInPictureToggle: fc.boolean(),
        controls: fc.boolean(),
        hideControls: fc.subarray([...CONTROL_NAMES]),
        autoplayMode: fc.constantFrom(...AUTOPLAY_MODES),
        loop: fc.boolean(),
        muted: fc.boolean(),
        floatingWhenNotVisible: fc.constantFrom(...FLOATING_POSITIONS),
        title: text,
        subtitle: text,
        description: text,
        colors: fc.dictionary(fc.constantFrom(...COLOR_KEYS), fc.constantFrom('#abc', '#112233')),
        fontFace: text,
        logoUrl: text,
        logoLink: text,
        playlistTag: text,
        lang: fc.constantFrom(...LANGUAGES),
        theme: fc.constantFrom(...THEMES),
        events: fc.uniqueArray(fc.constantFrom(...EVENT_NAMES)),
      });
      fc.assert(
        fc.property(state, (value) => {
          const back = stateFromHash(stateToHash(value));
          assert.deepEqual(back, value);
          assert.strictEqual(stateToHash(back), stateToHash(value));
        }),
      );
    });

    it('an empty public id or event list in the address differs from the default', () => {
      const none = { ...DEFAULT_STATE, publicId: '', events: [] };
      assert.strictEqual(stateToHash(none), 'id=&event=');
      assert.deepEqual(stateFromHash('id=&event='), none);
    });

    it('ignores malformed or unknown values and keeps the defaults for them', () => {
      const state = stateFromHash(
        '#autoplay=sometimes&floating=top&lang=de&theme=blue&source=dash&rate=fast&rate=-1&rate=2' +
          '&hide=everything&hide=pip&color.base=red&color.nope=%23fff&event=kumo-nope&loop=yes',
      );
      assert.strictEqual(state.autoplayMode, 'never');
      assert.strictEqual(state.floatingWhenNotVisible, 'none');
      assert.strictEqual(state.lang, 'en');
      assert.strictEqual(state.theme, 'auto');
      assert.deepEqual(state.sourceTypes, ['hls', 'mp4']);
      assert.deepEqual(state.playbackRates, [2]);
      assert.deepEqual(state.hideControls, ['pip']);
      assert.deepEqual(state.colors, {});
      assert.deepEqual(state.events, []);
      assert.isFalse(state.loop);
    });
  });

  describe('form text and server lists', () => {
    it('reads speeds separated by commas or spaces, ascending, without repeats or nonsense', () => {
      assert.deepEqual(parseRates(' 2, 0.5 1,1 , x, -1, 0'), [0.5, 1, 2]);
      assert.deepEqual(parseRates(''), []);
    });

    it('keeps delivery forms in the order the player tries them, and never none', () => {
      assert.deepEqual(normalizeSourceTypes(['mp4', 'hls', 'mp4']), ['hls', 'mp4']);
      assert.deepEqual(normalizeSourceTypes(['webm']), ['hls', 'mp4']);
    });

    it('lists the public ids of a tag list, and nothing for anything else', () => {
      assert.strictEqual(tagListUrl(DEFAULT_STATE, ORIGIN), `${ORIGIN}/demo/video/list/video.json`);
      assert.deepEqual(
        publicIdsOfTagList({
          resources: [
            { public_id: 'samples/videos/test-pattern', version: 1 },
            { public_id: 'samples/videos/color-bars' },
            { public_id: 'samples/videos/color-bars' },
            { public_id: 7 },
            null,
          ],
        }),
        ['samples/videos/color-bars', 'samples/videos/test-pattern'],
      );
      assert.deepEqual(publicIdsOfTagList({ error: { message: 'nope' } }), []);
      assert.deepEqual(publicIdsOfTagList(null), []);
    });
  });
});
