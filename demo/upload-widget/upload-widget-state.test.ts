import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { generateSnippets } from '../shared/code-generator/code-generator.js';
import { runEsModule, runReact, runScriptTag, runVue } from '../testing/snippet-runners.js';
import { BEHAVIOUR_EVENTS, BEHAVIOUR_OPTIONS } from '../testing/upload-widget-samples.js';
import {
  formatAspectRatio,
  formatAspectRatios,
  parseAspectRatios,
  unreadableAspectRatios,
} from './aspect-ratio-text.js';
import {
  CROPPING_MODES,
  DEFAULT_STATE,
  describeWidget,
  EVENT_NAMES,
  formatContext,
  LANGUAGES,
  MODES,
  moveSource,
  PALETTE_KEYS,
  parseContext,
  parseFormats,
  parseList,
  previewProperties,
  SOURCES,
  stateFromHash,
  stateToHash,
  THEMES,
  type UploadWidgetStudioState,
  widgetOptions,
} from './upload-widget-state.js';

const ORIGIN = 'http://127.0.0.1:5173';

const configured: UploadWidgetStudioState = {
  ...DEFAULT_STATE,
  sources: ['url', 'local'],
  multiple: true,
  maxFiles: 3,
  maxFileSize: 2 * 1024 * 1024,
  clientAllowedFormats: ['jpg', 'png'],
  minImageWidth: 100,
  cropping: true,
  croppingAspectRatio: 1.5,
  folder: 'studio/e2e',
  tags: ['summer sale', 'a"b&c'],
  context: [
    ['alt', 'He said "hi" & <left>'],
    ['caption', 'Team'],
  ],
  chunkSize: 256 * 1024,
  recoveryKey: 'studio',
  mode: 'inline',
  lang: 'fr',
  theme: 'dark',
  palette: { window: '#ffeedd', action: '#123456' },
  events: ['kumo-upload-success', 'kumo-queue-end'],
};

/** The crop step's extras, the widget's behaviour while uploading, and the events they bring. */
const behaviour: UploadWidgetStudioState = {
  ...DEFAULT_STATE,
  ...BEHAVIOUR_OPTIONS,
  croppingAspectRatios: [...BEHAVIOUR_OPTIONS.croppingAspectRatios],
  events: BEHAVIOUR_EVENTS,
};

describe('upload widget studio state', () => {
  describe('defaults', () => {
    it('an empty hash is the default state, and the default state writes an empty hash', () => {
      assert.deepEqual(stateFromHash(''), DEFAULT_STATE);
      assert.strictEqual(stateToHash(DEFAULT_STATE), '');
    });

    it('by default the widget signs through the server it is served by and sets nothing else', () => {
      assert.deepEqual(previewProperties(DEFAULT_STATE, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        uploadSignature: `${ORIGIN}/api/sign`,
      });
    });
  });

  describe('options', () => {
    it('signed mode names the signing endpoint, preset mode the preset, never both', () => {
      const signed = widgetOptions({ ...DEFAULT_STATE, uploadPreset: 'ignored' }, ORIGIN);
      assert.strictEqual(signed.uploadSignature, `${ORIGIN}/api/sign`);
      assert.isUndefined(signed.uploadPreset);

      const own = widgetOptions({ ...DEFAULT_STATE, signatureUrl: 'https://app.example/sign' }, ORIGIN);
      assert.strictEqual(own.uploadSignature, 'https://app.example/sign');

      const preset = widgetOptions(
        { ...DEFAULT_STATE, auth: 'preset', uploadPreset: ' kumo-studio ' },
        ORIGIN,
      );
      assert.strictEqual(preset.uploadPreset, 'kumo-studio');
      assert.isUndefined(preset.uploadSignature);
    });

    it('a configured server replaces the page origin for the API and the signing endpoint', () => {
      const options = widgetOptions({ ...DEFAULT_STATE, server: 'https://media.example/' }, ORIGIN);
      assert.strictEqual(options.apiBase, 'https://media.example');
      assert.strictEqual(options.uploadSignature, 'https://media.example/api/sign');
      assert.strictEqual(
        describeWidget({ ...DEFAULT_STATE, server: 'https://media.example' }, ORIGIN).serverUrl,
        'https://media.example',
      );
    });

    it('the aspect ratio only applies with cropping on', () => {
      assert.isUndefined(
        widgetOptions({ ...DEFAULT_STATE, croppingAspectRatio: 2 }, ORIGIN).croppingAspectRatio,
      );
      assert.strictEqual(
        widgetOptions({ ...DEFAULT_STATE, cropping: true, croppingAspectRatio: 2 }, ORIGIN)
          .croppingAspectRatio,
        2,
      );
    });

    it('the crop step extras only apply with cropping on', () => {
      const off = { ...behaviour, cropping: false };
      const options = widgetOptions(off, ORIGIN);
      assert.isUndefined(options.croppingAspectRatios);
      assert.isUndefined(options.croppingMode);
      assert.isUndefined(options.showSkipCropButton);
      for (const key of ['cropping', 'croppingAspectRatios', 'croppingMode', 'showSkipCropButton'])
        assert.notProperty(previewProperties(off, ORIGIN), key);
    });

    it('closing after the upload is left out with several files, where the widget ignores it', () => {
      assert.isTrue(widgetOptions(behaviour, ORIGIN).singleUploadAutoClose);
      const several = { ...behaviour, multiple: true };
      assert.isUndefined(widgetOptions(several, ORIGIN).singleUploadAutoClose);
      assert.notProperty(previewProperties(several, ORIGIN), 'singleUploadAutoClose');
    });

    it('the widget defaults are left out: coordinates, three parallel uploads, everything off', () => {
      const defaults = {
        ...DEFAULT_STATE,
        cropping: true,
        croppingMode: 'coordinates',
        parallelUploads: 3,
      } as const;
      assert.deepEqual(previewProperties(defaults, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        uploadSignature: `${ORIGIN}/api/sign`,
        cropping: true,
      });
    });

    it('the preview gets the crop extras, advanced options, parallel uploads, auto minimize and auto close', () => {
      assert.deepEqual(previewProperties(behaviour, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        uploadSignature: `${ORIGIN}/api/sign`,
        ...BEHAVIOUR_OPTIONS,
      });
    });

    it('the preview gets exactly the options the code sets', () => {
      assert.deepEqual(previewProperties(configured, ORIGIN), {
        apiBase: ORIGIN,
        cloudName: 'demo',
        uploadSignature: `${ORIGIN}/api/sign`,
        sources: ['url', 'local'],
        multiple: true,
        maxFiles: 3,
        maxFileSize: 2 * 1024 * 1024,
        clientAllowedFormats: ['jpg', 'png'],
        minImageWidth: 100,
        cropping: true,
        croppingAspectRatio: 1.5,
        folder: 'studio/e2e',
        tags: ['summer sale', 'a"b&c'],
        context: { alt: 'He said "hi" & <left>', caption: 'Team' },
        chunkSize: 256 * 1024,
        recoveryKey: 'studio',
        mode: 'inline',
        lang: 'fr',
        theme: 'dark',
        palette: { window: '#ffeedd', action: '#123456' },
      });
    });
  });

  describe('code', () => {
    it('the React wrapper receives the preview properties and the chosen events', async () => {
      const { rendered } = await runReact(
        generateSnippets(describeWidget(configured, ORIGIN)).react,
        '@kumo/react',
      );
      assert.strictEqual(rendered.type, 'KumoUploadWidget');
      const { onUploadSuccess, onQueueEnd, ...props } = rendered.props;
      assert.deepEqual(props, previewProperties(configured, ORIGIN));
      assert.isFunction(onUploadSuccess);
      assert.isFunction(onQueueEnd);
    });

    it('the script tag uses Cloudinary names: maxChunkSize, language, styles.palette, inlineContainer', () => {
      const run = runScriptTag(generateSnippets(describeWidget(configured, ORIGIN))['script-tag']);
      const {
        apiBase,
        cloudName,
        maxChunkSize,
        language,
        styles,
        inlineContainer,
        mode,
        chunkSize,
        palette,
      } = (run.factoryCalls[0]?.args[0] ?? {}) as Record<string, unknown>;
      assert.deepEqual(
        { apiBase, cloudName, maxChunkSize, language, styles, inlineContainer },
        {
          apiBase: ORIGIN,
          cloudName: 'demo',
          maxChunkSize: 256 * 1024,
          language: 'fr',
          styles: { palette: { window: '#ffeedd', action: '#123456' } },
          inlineContainer: '#upload-widget',
        },
      );
      assert.isUndefined(mode);
      assert.isUndefined(chunkSize);
      assert.isUndefined(palette);
      assert.strictEqual(run.factoryCalls[0]?.factory, 'createUploadWidget');
      assert.deepEqual(run.instanceCalls, [{ method: 'open', args: [] }]);
    });

    describe('the crop extras, advanced options, parallel uploads, auto minimize and auto close', () => {
      const snippets = generateSnippets(describeWidget(behaviour, ORIGIN));

      it('script tag: passes each under the name kumo.js takes and logs publicid, tags, show-completed', () => {
        const run = runScriptTag(snippets['script-tag']);
        const options = (run.factoryCalls[0]?.args[0] ?? {}) as Record<string, unknown>;
        const { apiBase, cloudName, uploadSignature, ...rest } = options;
        assert.deepEqual(rest, BEHAVIOUR_OPTIONS);
        const callback = run.factoryCalls[0]?.args[1] as (error: unknown, result?: unknown) => void;
        callback(null, { event: 'publicid', info: { id: 'hero' } });
        callback(null, { event: 'tags', info: { tags: ['red'] } });
        callback(null, { event: 'show-completed', info: { items: [] } });
        assert.deepEqual(run.console, [
          { level: 'log', args: ['publicid', { id: 'hero' }] },
          { level: 'log', args: ['tags', { tags: ['red'] }] },
          { level: 'log', args: ['show-completed', { items: [] }] },
        ]);
      });

      it('ES module: writes each as an attribute the element reads back, and listens to the events', () => {
        const run = runEsModule(snippets['es-module'], 'kumo-upload-widget');
        const {
          'api-base': apiBase,
          'cloud-name': cloud,
          'upload-signature': sign,
          ...rest
        } = run.element?.attributes ?? {};
        assert.deepEqual(rest, {
          'single-upload-auto-close': '',
          cropping: '',
          'cropping-aspect-ratios': '1 4/3 16/9',
          'cropping-mode': 'apply',
          'show-skip-crop-button': '',
          'show-advanced-options': '',
          'parallel-uploads': '2',
          'auto-minimize': '',
        });
        // Written as fractions, which read back as exactly the same numbers.
        assert.deepEqual(parseAspectRatios(rest['cropping-aspect-ratios'] ?? ''), [
          ...BEHAVIOUR_OPTIONS.croppingAspectRatios,
        ]);
        assert.deepEqual(run.instance?.properties, {});
        const listeners = run.instance?.listeners ?? {};
        assert.sameMembers(Object.keys(listeners), behaviour.events as string[]);
        listeners['kumo-public-id-changed']?.({ detail: { id: 'hero' } });
        listeners['kumo-tags-changed']?.({ detail: { tags: ['red'] } });
        listeners['kumo-show-completed']?.({ detail: { items: [{ name: 'a.png' }] } });
        assert.deepEqual(
          run.console.map((record) => record.args),
          [
            ['kumo-public-id-changed', 'hero'],
            ['kumo-tags-changed', ['red']],
            ['kumo-show-completed', [{ name: 'a.png' }]],
          ],
        );
      });

      it('React: passes each as a prop and listens through onPublicIdChanged, onTagsChanged, onShowCompleted', async () => {
        const { rendered } = await runReact(snippets.react, '@kumo/react');
        const { onPublicIdChanged, onTagsChanged, onShowCompleted, ...props } = rendered.props;
        assert.deepEqual(props, previewProperties(behaviour, ORIGIN));
        assert.isFunction(onPublicIdChanged);
        assert.isFunction(onTagsChanged);
        assert.isFunction(onShowCompleted);
      });

      it('Vue: patches each onto the element and listens to the events', async () => {
        const { rendered } = await runVue(snippets.vue, (tag) => tag.startsWith('kumo-'));
        const {
          'api-base': apiBase,
          'cloud-name': cloud,
          'upload-signature': sign,
          onKumoPublicIdChanged,
          onKumoTagsChanged,
          onKumoShowCompleted,
          ...props
        } = rendered.props;
        assert.deepEqual(props, {
          'single-upload-auto-close': '',
          cropping: '',
          '.croppingAspectRatios': BEHAVIOUR_OPTIONS.croppingAspectRatios,
          'cropping-mode': 'apply',
          'show-skip-crop-button': '',
          'show-advanced-options': '',
          'parallel-uploads': 2,
          'auto-minimize': '',
        });
        assert.isFunction(onKumoPublicIdChanged);
        assert.isFunction(onKumoTagsChanged);
        assert.isFunction(onKumoShowCompleted);
      });
    });

    it('a modal widget is opened from a button in the script-tag flavour', () => {
      const run = runScriptTag(generateSnippets(describeWidget(DEFAULT_STATE, ORIGIN))['script-tag']);
      assert.deepEqual(run.instanceCalls, []);
      run.pageElements.get('#upload-button')?.listeners.click?.();
      assert.deepEqual(run.instanceCalls, [{ method: 'open', args: [] }]);
    });
  });

  describe('hash', () => {
    it('keeps a configuration across a round trip through the address', () => {
      assert.deepEqual(stateFromHash(stateToHash(configured)), configured);
    });

    it('keeps the crop extras, advanced options, parallel uploads, auto minimize and auto close', () => {
      const hash = stateToHash(behaviour);
      assert.include(hash, `aspect-ratios=${encodeURIComponent('1 4/3 16/9').replace(/%20/g, '+')}`);
      assert.deepEqual(stateFromHash(hash), behaviour);
      for (const [key, value] of Object.entries(BEHAVIOUR_OPTIONS)) {
        if (key === 'cropping') continue;
        const alone = { ...DEFAULT_STATE, [key]: value };
        assert.deepEqual(stateFromHash(stateToHash(alone)), alone, key);
        assert.notStrictEqual(stateToHash(alone), '', key);
      }
    });

    it('keeps any valid state across a round trip', () => {
      const text = fc.string({ maxLength: 12 });
      const word = fc.string({ minLength: 1, maxLength: 8 });
      const count = fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined });
      const state = fc.record<UploadWidgetStudioState>({
        server: text,
        cloudName: text,
        auth: fc.constantFrom('signed', 'preset'),
        signatureUrl: text,
        uploadPreset: text,
        sources: fc.uniqueArray(fc.constantFrom(...SOURCES), { minLength: 1 }),
        multiple: fc.boolean(),
        singleUploadAutoClose: fc.boolean(),
        maxFiles: count,
        maxFileSize: count,
        clientAllowedFormats: fc.array(word, { maxLength: 3 }),
        minImageWidth: count,
        minImageHeight: count,
        maxImageWidth: count,
        maxImageHeight: count,
        cropping: fc.boolean(),
        croppingAspectRatio: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
        croppingAspectRatios: fc.uniqueArray(
          fc.oneof(
            fc.double({ min: 0.01, max: 100, noNaN: true }),
            fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 })).map(([w, h]) => w / h),
          ),
          { maxLength: 4 },
        ),
        croppingMode: fc.constantFrom(...CROPPING_MODES),
        showSkipCropButton: fc.boolean(),
        folder: text,
        tags: fc.array(word, { maxLength: 3 }),
        context: fc.uniqueArray(fc.tuple(word, text), { selector: ([key]) => key, maxLength: 3 }),
        showAdvancedOptions: fc.boolean(),
        chunkSize: count,
        parallelUploads: count,
        recoveryKey: text,
        mode: fc.constantFrom(...MODES),
        autoMinimize: fc.boolean(),
        lang: fc.constantFrom(...LANGUAGES),
        theme: fc.constantFrom(...THEMES),
        palette: fc.dictionary(
          fc.constantFrom(...PALETTE_KEYS),
          fc.constantFrom('#abc', '#112233', '#11223344'),
        ),
        events: fc.uniqueArray(fc.constantFrom(...EVENT_NAMES)),
      });
      fc.assert(
        fc.property(state, (value) => {
          const back = stateFromHash(stateToHash(value));
          const set = Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
          assert.deepEqual(back, set as unknown as UploadWidgetStudioState);
          assert.strictEqual(stateToHash(back), stateToHash(value));
        }),
      );
    });

    it('an empty list in the address differs from the default list', () => {
      const none = { ...DEFAULT_STATE, events: [] };
      assert.strictEqual(stateToHash(none), 'event=');
      assert.deepEqual(stateFromHash('event=').events, []);
    });

    it('ignores malformed or unknown values and keeps the defaults for them', () => {
      const state = stateFromHash(
        '#mode=popup&lang=de&theme=blue&auth=magic&max-files=-2&chunk-size=abc&source=dropbox&source=url' +
          '&palette.window=red&palette.nope=%23fff&event=kumo-nope&aspect=0&multiple=yes' +
          '&crop-mode=free&aspect-ratios=wide+0+-1&parallel=0&auto-minimize=yes',
      );
      assert.strictEqual(state.mode, 'modal');
      assert.strictEqual(state.lang, 'en');
      assert.strictEqual(state.theme, 'auto');
      assert.strictEqual(state.auth, 'signed');
      assert.isUndefined(state.maxFiles);
      assert.isUndefined(state.chunkSize);
      assert.isUndefined(state.croppingAspectRatio);
      assert.deepEqual(state.sources, ['url']);
      assert.deepEqual(stateFromHash('source=').sources, DEFAULT_STATE.sources);
      assert.deepEqual(state.palette, {});
      assert.deepEqual(state.events, []);
      assert.isFalse(state.multiple);
      assert.strictEqual(state.croppingMode, 'coordinates');
      assert.deepEqual(state.croppingAspectRatios, []);
      assert.isUndefined(state.parallelUploads);
      assert.isFalse(state.autoMinimize);
    });
  });

  describe('form text', () => {
    it('reads comma-separated lists without blanks or repeats', () => {
      assert.deepEqual(parseList(' summer sale, a , ,a,b '), ['summer sale', 'a', 'b']);
      assert.deepEqual(parseFormats('.JPG, png,.webp'), ['jpg', 'png', 'webp']);
    });

    it('reads key=value lines, splitting at the first = only', () => {
      assert.deepEqual(parseContext('alt = A=B \n\n caption=x\nflag\n=orphan'), [
        ['alt', 'A=B'],
        ['caption', 'x'],
        ['flag', ''],
      ]);
      assert.strictEqual(formatContext([['alt', 'A=B']]), 'alt=A=B');
    });

    it('reads ratio presets as fractions or numbers, in order, without repeats or unreadable items', () => {
      assert.deepEqual(parseAspectRatios(' 1  4/3, 16:9 1.5 abc 0 2/0 1/1 '), [1, 4 / 3, 16 / 9, 1.5]);
      assert.deepEqual(unreadableAspectRatios(' 1 abc, 0 2/0 4/3 '), ['abc', '0', '2/0']);
      assert.deepEqual(unreadableAspectRatios(''), []);
    });

    it('writes a ratio as the small fraction it is, else as its number, and reads either back', () => {
      assert.strictEqual(formatAspectRatios([1, 4 / 3, 16 / 9, 1.5]), '1 4/3 16/9 3/2');
      assert.strictEqual(formatAspectRatio(1.7778), '1.7778');
      fc.assert(
        fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (ratio) => {
          assert.deepEqual(parseAspectRatios(formatAspectRatio(ratio)), [ratio]);
        }),
      );
    });

    it('moves a source within the order and stops at the ends', () => {
      assert.deepEqual(moveSource(['local', 'url', 'camera'], 'url', -1), ['url', 'local', 'camera']);
      assert.deepEqual(moveSource(['local', 'url', 'camera'], 'camera', 1), ['local', 'url', 'camera']);
      assert.deepEqual(moveSource(['local', 'url'], 'camera', -1), ['local', 'url']);
    });
  });
});
