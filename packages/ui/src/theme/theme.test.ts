import { afterEach, describe, it } from 'node:test';
import { emulateMedia } from '@web/test-runner-commands';
import { assert } from 'chai';
import { css, html } from 'lit';
import { KumoElement } from '../base/kumo-element.js';
import { resetDevWarnings } from '../dev/warn.js';
import { captureWarnings, cleanupFixtures, fixture, uniqueTag } from '../testing/fixture.js';
import { applyPalette, PALETTE_TOKENS, paletteToTokens } from './palette.js';
import { themeStyles } from './theme.styles.js';
import { darkColors, lightColors, sharedTokens } from './tokens.js';

class Themed extends KumoElement {
  static override styles = [
    themeStyles,
    css`
      p {
        color: var(--kumo-color-text);
      }
    `,
  ];
  protected override render() {
    return html`<p>text</p>`;
  }
}
const themedTag = uniqueTag('kumo-themed');
customElements.define(themedTag, Themed);

async function themed(
  attributes: Record<string, string> = {},
): Promise<{ outer: HTMLElement; element: Themed }> {
  const outer = await fixture<HTMLDivElement>(html`<div></div>`);
  for (const [name, value] of Object.entries(attributes)) outer.setAttribute(name, value);
  const element = document.createElement(themedTag) as Themed;
  outer.append(element);
  await element.updateComplete;
  return { outer, element };
}

const token = (element: Element, name: string) => getComputedStyle(element).getPropertyValue(name).trim();

describe('theme', () => {
  afterEach(async () => {
    cleanupFixtures();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('gives every token a value on the host', async () => {
    const { element } = await themed();
    for (const [name, value] of Object.entries({ ...sharedTokens, ...lightColors })) {
      assert.strictEqual(token(element, name), value, name);
    }
  });

  it('is light by default', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const { element } = await themed();
    assert.strictEqual(token(element, '--kumo-color-surface'), lightColors['--kumo-color-surface']);
  });

  it('turns dark under theme="dark" on an ancestor, and back', async () => {
    const { outer, element } = await themed({ theme: 'dark' });
    assert.strictEqual(token(element, '--kumo-color-surface'), darkColors['--kumo-color-surface']);
    assert.strictEqual(token(element, '--kumo-color-text'), darkColors['--kumo-color-text']);
    assert.strictEqual(getComputedStyle(element).colorScheme, 'dark');
    outer.setAttribute('theme', 'light');
    await Promise.resolve();
    await element.updateComplete;
    assert.strictEqual(token(element, '--kumo-color-surface'), lightColors['--kumo-color-surface']);
  });

  it('follows prefers-color-scheme unless theme="light" is set', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { element } = await themed();
    assert.strictEqual(token(element, '--kumo-color-surface'), darkColors['--kumo-color-surface']);
    const { element: light } = await themed({ theme: 'light' });
    assert.strictEqual(token(light, '--kumo-color-surface'), lightColors['--kumo-color-surface']);
  });

  it('stops motion when reduced motion is asked for', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { element } = await themed();
    assert.strictEqual(token(element, '--kumo-duration'), '0ms');
  });

  it('is documented token by token in the README', async () => {
    const readme = await (await fetch('/packages/ui/README.md')).text();
    const spacing = /--kumo-space-\d/;
    for (const name of Object.keys({ ...sharedTokens, ...lightColors })) {
      if (spacing.test(name)) continue;
      assert.include(readme, `\`${name}\``, name);
    }
    assert.include(readme, '`--kumo-space-1` … `--kumo-space-6`');
    assert.lengthOf(
      Object.keys(sharedTokens).filter((name) => spacing.test(name)),
      6,
    );
  });

  it('lets a page override a token on the element', async () => {
    const { element } = await themed({ theme: 'dark' });
    element.style.setProperty('--kumo-color-text', 'rgb(1, 2, 3)');
    assert.strictEqual(getComputedStyle(element.shadowRoot!.querySelector('p')!).color, 'rgb(1, 2, 3)');
  });
});

describe('palette', () => {
  it('maps every Cloudinary palette key to tokens', () => {
    // Cloudinary's documented default palette.
    const palette = {
      window: '#FFF',
      windowBorder: '#90A0B3',
      tabIcon: '#0E2F5A',
      menuIcons: '#5A616A',
      textDark: '#000000',
      textLight: '#FFFFFF',
      link: '#0078FF',
      action: '#FF620C',
      inactiveTabIcon: '#0E2F5A',
      error: '#F44235',
      inProgress: '#0078FF',
      complete: '#20B832',
      sourceBg: '#E4EBF1',
    };
    const tokens = paletteToTokens(palette);
    assert.strictEqual(tokens['--kumo-color-surface'], '#FFF');
    assert.strictEqual(tokens['--kumo-color-accent'], '#FF620C');
    assert.strictEqual(tokens['--kumo-color-focus-ring'], '#FF620C');
    assert.strictEqual(tokens['--kumo-color-danger'], '#F44235');
    assert.strictEqual(tokens['--kumo-color-success'], '#20B832');
    assert.strictEqual(tokens['--kumo-color-surface-muted'], '#E4EBF1');
    assert.sameMembers(Object.keys(palette), Object.keys(PALETTE_TOKENS));
    for (const name of Object.keys(tokens)) assert.property(lightColors, name);
  });

  it('applies a palette over the theme', async () => {
    const { element } = await themed({ theme: 'dark' });
    const names = applyPalette(element, { window: '#0e2f5a', textDark: '#abcdef80' });
    assert.sameMembers(names, ['--kumo-color-surface', '--kumo-color-text']);
    assert.strictEqual(token(element, '--kumo-color-surface'), '#0e2f5a');
    assert.strictEqual(
      getComputedStyle(element.shadowRoot!.querySelector('p')!).color,
      'rgba(171, 205, 239, 0.5)',
    );
    cleanupFixtures();
  });

  describe('errors', () => {
    it('skips values that are not colours and unknown keys, with development warnings', () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const tokens = paletteToTokens({
          window: 'not a colour',
          action: '#12',
          link: 'rebeccapurple',
          tabs: '#fff',
        });
        assert.deepEqual(tokens, { '--kumo-color-link': 'rebeccapurple' });
        assert.strictEqual(
          capture.messages.filter((message) => message.includes('palette-invalid-color')).length,
          2,
        );
        assert.isTrue(
          capture.messages.some(
            (message) => message.includes('palette-unknown-key') && message.includes('tabs'),
          ),
        );
      } finally {
        capture.restore();
      }
    });

    it('accepts 3, 4, 6 and 8 digit hex colours silently', () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const tokens = paletteToTokens({
          window: '#fff',
          error: '#ffff',
          link: '#ffffff',
          action: '#ffffffff',
        });
        assert.lengthOf(Object.keys(tokens), 5);
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });
  });
});
