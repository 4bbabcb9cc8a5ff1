import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { KumoElement } from '../base/kumo-element.js';
import { resetDevWarnings } from '../dev/warn.js';
import en from '../locales/en.js';
import { uiStrings } from '../locales/strings.js';
import { captureWarnings, cleanupFixtures, fixture, uniqueTag, waitUntil } from '../testing/fixture.js';
import { LocalizeController } from './localize-controller.js';
import { plural } from './plural.js';
import {
  addTranslation,
  defineStrings,
  isTranslationLoaded,
  languageCandidates,
  loadTranslation,
  type Translation,
} from './strings.js';

// A table of this test's own, with loaders that count their calls.
const source = {
  greeting: 'Hello',
  farewell: 'Goodbye',
  files: (count: number) => plural('en', count, { one: '# file', other: '# files' }),
};
const loads: string[] = [];
const translations: Record<string, Translation<typeof source>> = {
  fr: {
    greeting: 'Bonjour',
    files: (count: number) => plural('fr', count, { one: '# fichier', other: '# fichiers' }),
  },
  'fr-ca': { greeting: 'Allô' },
  he: { greeting: 'שלום' },
};
const loader = (tag: string) => () => {
  loads.push(tag);
  return Promise.resolve({ default: translations[tag]! });
};
const table = defineStrings('localize-test', source, {
  fr: loader('fr'),
  'fr-CA': loader('fr-ca'),
  he: loader('he'),
  xx: () => Promise.reject(new Error('offline')),
});

class Greeter extends KumoElement {
  readonly localize = new LocalizeController(this, table);
  readonly ui = new LocalizeController(this, uiStrings);
  renders = 0;
  protected override render() {
    this.renders += 1;
    return html`<p>${this.localize.term('greeting')}</p>
      <p>${this.localize.term('farewell')}</p>
      <p>${this.localize.term('files', 3)}</p>
      <button aria-label=${this.ui.term('close')}></button>`;
  }
}
const greeterTag = uniqueTag('kumo-greeter');
customElements.define(greeterTag, Greeter);

async function greeter(lang: string): Promise<Greeter> {
  const element = document.createElement(greeterTag) as Greeter;
  element.setAttribute('lang', lang);
  const outer = await fixture<HTMLDivElement>(html`<div></div>`);
  outer.append(element);
  await element.updateComplete;
  return element;
}

const texts = (element: Greeter) =>
  Array.from(element.shadowRoot!.querySelectorAll('p'), (p) => p.textContent);

describe('LocalizeController', () => {
  afterEach(cleanupFixtures);

  it('speaks English without loading anything', async () => {
    const before = loads.length;
    const element = await greeter('en-GB');
    assert.deepEqual(texts(element), ['Hello', 'Goodbye', '3 files']);
    assert.strictEqual(loads.length, before);
  });

  it('loads a locale only when an element needs it, once, and re-renders', async () => {
    assert.notInclude(loads, 'fr');
    const first = await greeter('fr');
    await waitUntil(() => texts(first)[0] === 'Bonjour', 'French greeting');
    await greeter('fr');
    assert.deepEqual(
      loads.filter((tag) => tag === 'fr'),
      ['fr'],
    );
  });

  it('falls back to English for a key the locale lacks', async () => {
    const element = await greeter('fr');
    await loadTranslation(table, 'fr');
    await element.updateComplete;
    assert.deepEqual(texts(element), ['Bonjour', 'Goodbye', '3 fichiers']);
  });

  it('uses the regional locale first, then the base language', async () => {
    const element = await greeter('fr-CA');
    await loadTranslation(table, 'fr-CA');
    await element.updateComplete;
    assert.deepEqual(texts(element), ['Allô', 'Goodbye', '3 fichiers']);
    assert.deepEqual(languageCandidates('pt_BR'), ['pt-br', 'pt']);
  });

  it('follows a change of lang', async () => {
    const element = await greeter('en');
    element.setAttribute('lang', 'he');
    await loadTranslation(table, 'he');
    await waitUntil(() => texts(element)[0] === 'שלום', 'Hebrew greeting');
    assert.strictEqual(element.localize.lang, 'he');
    assert.strictEqual(element.localize.dir, 'rtl');
  });

  it('loads @kumo/ui’s Arabic strings lazily', async () => {
    assert.isFalse(isTranslationLoaded(uiStrings, 'ar'));
    const element = await greeter('ar');
    const button = () => element.shadowRoot!.querySelector('button')!;
    assert.strictEqual(button().getAttribute('aria-label'), en.close, 'English until Arabic arrives');
    await element.ui.ready;
    await element.updateComplete;
    assert.isTrue(isTranslationLoaded(uiStrings, 'ar'));
    assert.strictEqual(button().getAttribute('aria-label'), 'إغلاق');
  });

  it('formats for the element’s language', async () => {
    const element = await greeter('fr');
    assert.match(element.localize.bytes(1_500_000), /^1,5[\s\u00a0\u202f]Mo$/);
    assert.match(element.localize.number(1234.5), /^1[\s\u00a0\u202f]234,5$/);
    assert.strictEqual(element.localize.duration(65), '1:05');
    assert.match(
      element.localize.durationSpoken(65),
      /^1[\s\u00a0\u202f]minute et 5[\s\u00a0\u202f]secondes$/,
    );
    element.setAttribute('lang', 'en');
    await Promise.resolve();
    assert.strictEqual(element.localize.bytes(1_500_000), '1.5 MB');
    assert.strictEqual(element.localize.percent(0.5), '50%');
  });

  it('lets an application add or override strings', async () => {
    const element = await greeter('de');
    addTranslation(table, 'de', { greeting: 'Hallo' });
    await element.updateComplete;
    assert.deepEqual(texts(element).slice(0, 2), ['Hallo', 'Goodbye']);
  });

  describe('errors', () => {
    it('uses English and warns in development when a locale fails to load', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const element = await greeter('xx');
        await loadTranslation(table, 'xx');
        await element.updateComplete;
        assert.strictEqual(texts(element)[0], 'Hello');
        assert.isTrue(capture.messages.some((message) => message.includes('translation-load-failed')));
      } finally {
        capture.restore();
      }
    });

    it('warns about keys the English source does not have', () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        addTranslation(table, 'it', { greeting: 'Ciao' });
        assert.deepEqual(capture.messages, []);
        addTranslation(table, 'it', { greting: 'Ciao' } as unknown as Translation<typeof source>);
        assert.isTrue(capture.messages.some((message) => message.includes('"greting"')));
      } finally {
        capture.restore();
      }
    });
  });
});

describe('plural', () => {
  // CLDR plural categories: French counts 0 as singular; Arabic has six forms.
  const forms = {
    zero: 'zero #',
    one: 'one #',
    two: 'two #',
    few: 'few #',
    many: 'many #',
    other: 'other #',
  };

  it('picks English forms', () => {
    assert.strictEqual(plural('en', 1, forms), 'one 1');
    assert.strictEqual(plural('en', 0, forms), 'other 0');
    assert.strictEqual(plural('en', 2, forms), 'other 2');
  });

  it('picks French forms', () => {
    assert.strictEqual(plural('fr', 0, forms), 'one 0');
    assert.strictEqual(plural('fr', 1, forms), 'one 1');
    assert.strictEqual(plural('fr', 2, forms), 'other 2');
  });

  it('picks Arabic forms', () => {
    const digits = (text: string) => text.split(' ')[0];
    assert.deepEqual(
      [0, 1, 2, 3, 11, 100].map((count) => digits(plural('ar', count, forms))),
      ['zero', 'one', 'two', 'few', 'many', 'other'],
    );
  });

  it('falls back to other for a form the table lacks, and formats the count', () => {
    assert.strictEqual(plural('en', 1234, { one: '# file', other: '# files' }), '1,234 files');
    assert.strictEqual(plural('ar', 2, { other: 'x' }), 'x');
  });
});
