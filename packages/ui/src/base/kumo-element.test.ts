import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { resetDevWarnings } from '../dev/warn.js';
import { captureWarnings, cleanupFixtures, fixture, uniqueTag } from '../testing/fixture.js';
import { directionOfLanguage, resolveLang } from './inherited-attributes.js';
import { KumoElement } from './kumo-element.js';

class Plain extends KumoElement {
  protected override render() {
    return html`<button>inside</button>`;
  }
}
const plainTag = uniqueTag('kumo-plain');
customElements.define(plainTag, Plain);

class Focusing extends KumoElement {
  static override delegatesFocus = true;
  protected override render() {
    return html`<button>inside</button>`;
  }
}
const focusingTag = uniqueTag('kumo-focusing');
customElements.define(focusingTag, Focusing);

/** Renders `<div attrs><plain></plain></div>` and returns the element. */
async function plainIn(attributes: Record<string, string>): Promise<{ outer: HTMLElement; element: Plain }> {
  const outer = await fixture<HTMLDivElement>(html`<div></div>`);
  for (const [name, value] of Object.entries(attributes)) outer.setAttribute(name, value);
  const element = document.createElement(plainTag) as Plain;
  outer.append(element);
  await element.updateComplete;
  return { outer, element };
}

/** MutationObserver callbacks run as microtasks; the re-render follows. */
async function settle(element: Plain): Promise<void> {
  await Promise.resolve();
  await element.updateComplete;
}

describe('KumoElement', () => {
  afterEach(() => {
    cleanupFixtures();
    document.documentElement.removeAttribute('dir');
  });

  describe('defaults', () => {
    it('follows the document language and is left to right', async () => {
      const { element } = await plainIn({});
      assert.strictEqual(element.resolvedLang, resolveLang(document.documentElement));
      assert.strictEqual(element.resolvedDir, 'ltr');
      assert.strictEqual(element.resolvedTheme, 'auto');
      assert.isTrue(element.hasState('ltr'));
      assert.isFalse(element.hasState('rtl'));
      assert.isFalse(element.hasState('dark'));
    });

    it('does not delegate focus unless asked to', async () => {
      const { element } = await plainIn({});
      assert.isFalse(element.shadowRoot!.delegatesFocus);
    });

    it('delegates focus when the class opts in', async () => {
      const element = await fixture<Focusing>(html`<div></div>`).then(async (outer) => {
        const created = document.createElement(focusingTag) as Focusing;
        outer.append(created);
        await created.updateComplete;
        return created;
      });
      assert.isTrue(element.shadowRoot!.delegatesFocus);
      element.focus();
      assert.isTrue(element.shadowRoot!.activeElement === element.shadowRoot!.querySelector('button'));
    });
  });

  describe('lang and dir', () => {
    it('takes lang from the nearest ancestor', async () => {
      const { element } = await plainIn({ lang: 'fr-CA' });
      assert.strictEqual(element.resolvedLang, 'fr-CA');
    });

    it('prefers its own lang over an ancestor’s', async () => {
      const { element } = await plainIn({ lang: 'fr' });
      element.setAttribute('lang', 'de');
      await settle(element);
      assert.strictEqual(element.resolvedLang, 'de');
    });

    it('follows changes of an ancestor’s lang and dir', async () => {
      const { outer, element } = await plainIn({ lang: 'en' });
      outer.setAttribute('lang', 'he');
      await settle(element);
      assert.strictEqual(element.resolvedLang, 'he');
      assert.strictEqual(element.resolvedDir, 'rtl');
      outer.setAttribute('dir', 'ltr');
      await settle(element);
      assert.strictEqual(element.resolvedDir, 'ltr');
    });

    it('is right to left for a right-to-left language without any dir', async () => {
      const { element } = await plainIn({ lang: 'ar' });
      assert.strictEqual(element.resolvedDir, 'rtl');
      assert.isTrue(element.hasState('rtl'));
      assert.strictEqual(getComputedStyle(element).direction, 'rtl');
    });

    it('lets an explicit dir win over the language', async () => {
      const { element } = await plainIn({ lang: 'ar', dir: 'ltr' });
      assert.strictEqual(element.resolvedDir, 'ltr');
      assert.strictEqual(getComputedStyle(element).direction, 'ltr');
    });

    it('follows dir on the document element', async () => {
      const { element } = await plainIn({});
      document.documentElement.setAttribute('dir', 'rtl');
      await settle(element);
      assert.strictEqual(element.resolvedDir, 'rtl');
    });

    it('looks through shadow roots to the host’s ancestors', async () => {
      const { outer } = await plainIn({ lang: 'ar' });
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement(plainTag) as Plain;
      host.attachShadow({ mode: 'open' }).append(inner);
      await inner.updateComplete;
      assert.strictEqual(inner.resolvedLang, 'ar');
      assert.strictEqual(inner.resolvedDir, 'rtl');
      outer.setAttribute('lang', 'fr');
      await settle(inner);
      assert.strictEqual(inner.resolvedLang, 'fr');
      assert.strictEqual(inner.resolvedDir, 'ltr');
    });

    it('knows which languages are written right to left', () => {
      for (const lang of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'ur', 'yi', 'az-Arab', 'pa-Arab']) {
        assert.strictEqual(directionOfLanguage(lang), 'rtl', lang);
      }
      for (const lang of ['en', 'fr', 'de-CH', 'zh-Hant', 'ja', 'ru', 'uz-Latn', 'tr']) {
        assert.strictEqual(directionOfLanguage(lang), 'ltr', lang);
      }
    });
  });

  describe('theme', () => {
    it('takes theme from the nearest ancestor, as a custom state', async () => {
      const { outer, element } = await plainIn({ theme: 'dark' });
      assert.strictEqual(element.resolvedTheme, 'dark');
      assert.isTrue(element.hasState('dark'));
      outer.setAttribute('theme', 'light');
      await settle(element);
      assert.isTrue(element.hasState('light'));
      assert.isFalse(element.hasState('dark'));
    });

    it('reflects the theme property', async () => {
      const { element } = await plainIn({});
      element.theme = 'dark';
      await element.updateComplete;
      assert.strictEqual(element.getAttribute('theme'), 'dark');
      await settle(element);
      assert.isTrue(element.hasState('dark'));
    });
  });

  describe('errors', () => {
    it('warns in development about an unknown theme and uses auto', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const { element } = await plainIn({ theme: 'sepia' });
        assert.strictEqual(element.resolvedTheme, 'auto');
        assert.isTrue(
          capture.messages.some((message) => message.includes('invalid-theme') && message.includes('sepia')),
        );
      } finally {
        capture.restore();
      }
    });

    it('does not warn about a valid theme', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        await plainIn({ theme: 'dark' });
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });
  });
});
