// Each flavour is read back by the toolchain that would read it (an HTML parser, esbuild's JSX,
// Vue's SFC compiler) and what reaches the element is compared with the options described.
import { describe, it } from 'node:test';
import { assert } from 'chai';
import { runEsModule, runReact, runScriptTag, runVue } from '../../testing/snippet-runners.js';
import type { ElementDescription, SnippetValue } from './code-generator.js';
import { FLAVOURS, generateSnippets } from './code-generator.js';

/** A made-up element, so nothing here depends on one widget's options. */
function describeElement(
  options: Record<string, SnippetValue | undefined>,
  overrides: Partial<ElementDescription> = {},
): ElementDescription {
  return {
    tag: 'kumo-sample-element',
    packageName: '@kumo/sample',
    react: { component: 'KumoSampleElement', packageName: '@kumo/react' },
    serverUrl: 'http://127.0.0.1:3000',
    optionSpecs: {
      cloudName: { attribute: 'cloud-name' },
      title: { attribute: 'title' },
      count: { attribute: 'count' },
      ratio: { attribute: 'ratio' },
      enabled: { attribute: 'enabled' },
      autoplay: { attribute: 'autoplay' },
      words: { attribute: 'words', listAttribute: true },
      labels: { embedPath: 'styles.labels' },
      colours: { embedPath: 'styles.colours' },
      language: { attribute: 'lang', embedPath: 'language' },
      chunk: { attribute: 'chunk', embedPath: 'maxChunk', embedValue: (value) => Number(value) * 1024 },
      hidden: { attribute: 'hidden-option', embedPath: null },
    },
    options,
    defaults: {
      cloudName: '',
      title: '',
      count: 1,
      enabled: false,
      autoplay: true,
      words: [],
      labels: {},
      language: 'en',
    },
    events: [
      { name: 'kumo-sample-done', payload: 'detail.info', embedName: 'done' },
      { name: 'kumo-sample-change', payload: 'detail.value' },
    ],
    embed: {
      factory: 'createSample',
      instance: 'sample',
      events: 'callback',
      opener: { id: 'open-sample', label: 'Open <sample> & go', method: 'open' },
    },
    ...overrides,
  };
}

/** Strings that break naive escaping in at least one of the four languages. */
const TRICKY = [
  'He said "hi" & <b>left</b>',
  '</script><script>alert(1)</script>',
  '<!-- comment',
  "it's a back\\slash",
  'line\nbreak\ttab\r',
  '{curly} $' + '{template} `tick`',
  '&amp; &quot; &#39;',
  'separators\u2028\u2029',
  'emoji 🌤️ and عربي',
];

const isKumo = (tag: string) => tag.startsWith('kumo-');

describe('code generator', () => {
  it('leaves options equal to their defaults out of every flavour', () => {
    const snippets = generateSnippets(
      describeElement({
        cloudName: 'demo',
        title: '',
        count: 1,
        enabled: false,
        autoplay: true,
        words: [],
        labels: {},
        language: 'en',
      }),
    );
    for (const flavour of FLAVOURS) {
      const code = snippets[flavour];
      assert.include(code, 'demo', flavour);
      for (const name of ['title', 'count', 'enabled', 'autoplay', 'words', 'labels', 'lang', 'language']) {
        assert.notMatch(code, new RegExp(`\\b${name}\\b(?!-)`), `${flavour} mentions ${name}`);
      }
    }
    const run = runScriptTag(snippets['script-tag']);
    assert.deepEqual(run.factoryCalls[0]?.args[0], { cloudName: 'demo' });
  });

  it('writes the same text for the same description, whatever order the options were set in', () => {
    const options = { words: ['a', 'b'], cloudName: 'demo', count: 3, labels: { b: '2', a: '1' } };
    const reordered = { labels: { b: '2', a: '1' }, count: 3, cloudName: 'demo', words: ['a', 'b'] };
    assert.deepEqual(
      generateSnippets(describeElement(options)),
      generateSnippets(describeElement(reordered)),
    );
    assert.deepEqual(generateSnippets(describeElement(options)), generateSnippets(describeElement(options)));
  });

  describe('script tag', () => {
    it('loads kumo.js from the server and calls the factory with the exact option values', () => {
      const run = runScriptTag(
        generateSnippets(
          describeElement({
            cloudName: 'demo',
            title: TRICKY[0],
            words: TRICKY,
            labels: Object.fromEntries(
              TRICKY.map((value, index) => [`key ${index}-${value.slice(0, 3)}`, value]),
            ),
            colours: { window: '#fff' },
            count: 3,
            ratio: 16 / 9,
            enabled: true,
            autoplay: false,
            language: 'fr',
            chunk: 256,
            hidden: 'x',
          }),
        )['script-tag'],
      );
      assert.strictEqual(run.scriptSrc, 'http://127.0.0.1:3000/embed/kumo.js');
      assert.lengthOf(run.factoryCalls, 1);
      assert.strictEqual(run.factoryCalls[0]?.factory, 'createSample');
      assert.deepEqual(run.factoryCalls[0]?.args[0], {
        cloudName: 'demo',
        title: TRICKY[0],
        count: 3,
        ratio: 16 / 9,
        enabled: true,
        autoplay: false,
        words: TRICKY,
        styles: {
          labels: Object.fromEntries(
            TRICKY.map((value, index) => [`key ${index}-${value.slice(0, 3)}`, value]),
          ),
          colours: { window: '#fff' },
        },
        language: 'fr',
        maxChunk: 256 * 1024,
      });
    });

    it('opens the instance from a button, and reports chosen events and errors through the callback', () => {
      const run = runScriptTag(generateSnippets(describeElement({ cloudName: 'demo' }))['script-tag']);
      const button = run.elements.find((element) => element.tag === 'button');
      assert.strictEqual(button?.attributes.id, 'open-sample');
      assert.strictEqual(button?.text, 'Open <sample> & go');
      run.pageElements.get('#open-sample')?.listeners.click?.();
      assert.deepEqual(run.instanceCalls, [{ method: 'open', args: [] }]);

      const callback = run.factoryCalls[0]?.args[1] as (error: unknown, result?: unknown) => void;
      callback(null, { event: 'done', info: { id: 1 } });
      callback(null, { event: 'other', info: {} });
      callback('failed');
      assert.deepEqual(run.console, [
        { level: 'log', args: ['done', { id: 1 }] },
        { level: 'error', args: ['failed'] },
      ]);
    });

    it('names an inline container in the options, or passes a target id first with on() listeners', () => {
      const inline = runScriptTag(
        generateSnippets(
          describeElement(
            { cloudName: 'demo' },
            {
              embed: {
                factory: 'createSample',
                instance: 'sample',
                events: 'callback',
                container: { tag: 'div', id: 'sample-box', option: 'inlineContainer' },
                callOnLoad: 'open',
              },
            },
          ),
        )['script-tag'],
      );
      assert.deepEqual(inline.factoryCalls[0]?.args[0], {
        cloudName: 'demo',
        inlineContainer: '#sample-box',
      });
      assert.deepEqual(
        inline.elements.map((element) => [element.tag, element.attributes.id]),
        [['div', 'sample-box']],
      );
      assert.deepEqual(inline.instanceCalls, [{ method: 'open', args: [] }]);

      const target = runScriptTag(
        generateSnippets(
          describeElement(
            { cloudName: 'demo', count: 2 },
            {
              embed: {
                factory: 'samplePlayer',
                instance: 'player',
                events: 'on',
                container: { tag: 'video', id: 'player' },
              },
            },
          ),
        )['script-tag'],
      );
      assert.deepEqual(target.factoryCalls[0]?.args, ['player', { cloudName: 'demo', count: 2 }]);
      assert.deepEqual(
        target.instanceCalls.map((call) => call.args[0]),
        ['done'],
      );
      const listener = target.instanceCalls[0]?.args[1] as (event: unknown) => void;
      listener({ type: 'done' });
      assert.deepEqual(target.console, [{ level: 'log', args: ['done', { type: 'done' }] }]);
    });
    it('writes options the script-tag API does not take as attributes of the target element', () => {
      const run = runScriptTag(
        generateSnippets(
          describeElement(
            { cloudName: 'demo', language: 'ar', title: TRICKY[0], enabled: true },
            {
              optionSpecs: {
                cloudName: { attribute: 'cloud-name' },
                language: { attribute: 'lang', embedAttribute: true },
                title: { attribute: 'title', embedAttribute: true },
                enabled: { attribute: 'enabled', embedAttribute: true },
              },
              embed: {
                factory: 'samplePlayer',
                instance: 'player',
                events: 'on',
                container: { tag: 'kumo-sample-element', id: 'player' },
              },
            },
          ),
        )['script-tag'],
      );
      assert.deepEqual(run.elements.find((element) => element.tag === 'kumo-sample-element')?.attributes, {
        id: 'player',
        lang: 'ar',
        title: TRICKY[0],
        enabled: '',
      });
      assert.deepEqual(run.factoryCalls[0]?.args, ['player', { cloudName: 'demo' }]);
    });
  });

  describe('ES module', () => {
    it('imports the define entry and writes scalars as attributes the HTML parser decodes exactly', () => {
      const run = runEsModule(
        generateSnippets(
          describeElement({
            cloudName: TRICKY[1],
            title: TRICKY[0],
            count: 3,
            ratio: 16 / 9,
            enabled: true,
            words: ['local', 'url'],
            language: 'ar',
            hidden: TRICKY[6],
          }),
        )['es-module'],
        'kumo-sample-element',
      );
      assert.strictEqual(run.scriptType, 'module');
      assert.deepEqual(run.imports, ['@kumo/sample/define']);
      assert.deepEqual(run.element?.attributes, {
        'cloud-name': TRICKY[1],
        title: TRICKY[0],
        count: '3',
        ratio: String(16 / 9),
        enabled: '',
        words: 'local url',
        lang: 'ar',
        'hidden-option': TRICKY[6],
      });
      assert.strictEqual(Number(run.element?.attributes.ratio), 16 / 9);
      assert.deepEqual(run.instance?.properties, {});
    });

    it('sets objects, false booleans and lists with spaces as properties, exactly', () => {
      const labels = Object.fromEntries(TRICKY.map((value, index) => [String(index), value]));
      const run = runEsModule(
        generateSnippets(describeElement({ cloudName: 'demo', autoplay: false, words: TRICKY, labels }))[
          'es-module'
        ],
        'kumo-sample-element',
      );
      assert.deepEqual(run.element?.attributes, { 'cloud-name': 'demo' });
      assert.deepEqual(run.instance?.properties, { autoplay: false, words: TRICKY, labels });
    });

    it('writes a list of numbers as a space-separated attribute', () => {
      const run = runEsModule(
        generateSnippets(describeElement({ words: [0.5, 1, 1.25] }))['es-module'],
        'kumo-sample-element',
      );
      assert.deepEqual(run.element?.attributes, { words: '0.5 1 1.25' });
      assert.deepEqual(run.instance?.properties, {});
    });

    it('listens to the chosen events and logs their payload', () => {
      const run = runEsModule(
        generateSnippets(describeElement({ cloudName: 'demo' }))['es-module'],
        'kumo-sample-element',
      );
      assert.sameMembers(Object.keys(run.instance?.listeners ?? {}), [
        'kumo-sample-done',
        'kumo-sample-change',
      ]);
      run.instance?.listeners['kumo-sample-done']?.({ detail: { info: 42 } });
      assert.deepEqual(run.console, [{ level: 'log', args: ['kumo-sample-done', 42] }]);
    });
  });

  describe('React', () => {
    it('renders the wrapper with every option as a prop, exactly', async () => {
      const labels = Object.fromEntries(TRICKY.map((value, index) => [`k${index}`, value]));
      const { rendered, imports } = await runReact(
        generateSnippets(
          describeElement({
            cloudName: 'demo',
            title: TRICKY[0],
            words: TRICKY,
            labels,
            count: 3,
            enabled: true,
            autoplay: false,
            language: 'fr',
            hidden: TRICKY[1],
          }),
        ).react,
        '@kumo/react',
      );
      assert.deepEqual(imports, ['@kumo/react#KumoSampleElement']);
      assert.strictEqual(rendered.type, 'KumoSampleElement');
      const { onSampleDone, onSampleChange, ...props } = rendered.props;
      assert.deepEqual(props, {
        cloudName: 'demo',
        title: TRICKY[0],
        count: 3,
        enabled: true,
        autoplay: false,
        words: TRICKY,
        labels,
        language: 'fr',
        hidden: TRICKY[1],
      });
      assert.isFunction(onSampleDone);
      assert.isFunction(onSampleChange);
    });

    it('writes every tricky string so JSX reads it back unchanged', async () => {
      for (const title of TRICKY) {
        const { rendered } = await runReact(
          generateSnippets(describeElement({ title })).react,
          '@kumo/react',
        );
        assert.strictEqual(rendered.props.title, title);
      }
    });

    it('logs the payload of each event from its on… prop', async () => {
      const run = await runReact(generateSnippets(describeElement({})).react, '@kumo/react');
      (run.rendered.props.onSampleChange as (event: unknown) => void)({ detail: { value: 'x' } });
      assert.deepEqual(run.console, [{ level: 'log', args: ['kumo-sample-change', 'x'] }]);
    });
  });

  describe('Vue', () => {
    it('compiles with the noted isCustomElement and patches every option onto the element, exactly', async () => {
      const labels = Object.fromEntries(TRICKY.map((value, index) => [`k-${index}`, value]));
      const code = generateSnippets(
        describeElement({
          cloudName: TRICKY[1],
          title: TRICKY[0],
          count: 3,
          enabled: true,
          autoplay: false,
          words: TRICKY,
          labels,
          language: 'ar',
        }),
      ).vue;
      assert.include(code, "isCustomElement: (tag) => tag.startsWith('kumo-')");
      const { rendered, imports } = await runVue(code, isKumo);
      assert.strictEqual(rendered.type, 'kumo-sample-element');
      assert.deepEqual(imports, ['@kumo/sample/define']);
      const { onKumoSampleDone, onKumoSampleChange, ...props } = rendered.props;
      assert.deepEqual(props, {
        'cloud-name': TRICKY[1],
        title: TRICKY[0],
        count: 3,
        enabled: '',
        '.autoplay': false,
        '.words': TRICKY,
        '.labels': labels,
        lang: 'ar',
      });
      assert.isFunction(onKumoSampleDone);
      assert.isFunction(onKumoSampleChange);
    });

    it('binds lists as properties even when they could be a list attribute', async () => {
      const { rendered } = await runVue(
        generateSnippets(describeElement({ words: ['local', 'url'] })).vue,
        isKumo,
      );
      assert.deepEqual(rendered.props['.words'], ['local', 'url']);
      assert.notProperty(rendered.props, 'words');
    });

    it('writes every tricky string in template attributes and bound expressions so Vue reads it back', async () => {
      for (const value of TRICKY) {
        const { rendered } = await runVue(generateSnippets(describeElement({ title: value })).vue, isKumo);
        assert.strictEqual(rendered.props.title, value);
        // An option without an attribute that is not an object is bound inline in the template.
        const inline = generateSnippets(
          describeElement({ note: value }, { optionSpecs: { note: {} }, defaults: {} }),
        ).vue;
        assert.strictEqual((await runVue(inline, isKumo)).rendered.props['.note'], value);
      }
    });

    it('logs the payload of each event from its handler', async () => {
      const run = await runVue(generateSnippets(describeElement({})).vue, isKumo);
      (run.rendered.props.onKumoSampleDone as (event: unknown) => void)({ detail: { info: 7 } });
      assert.deepEqual(run.console, [{ level: 'log', args: ['kumo-sample-done', 7] }]);
    });
  });

  describe('errors', () => {
    it('refuses numbers that JavaScript cannot write as literals', () => {
      assert.throws(() => generateSnippets(describeElement({ count: Number.NaN })), RangeError);
      assert.throws(() => generateSnippets(describeElement({ count: Number.POSITIVE_INFINITY })), RangeError);
    });
  });
});
