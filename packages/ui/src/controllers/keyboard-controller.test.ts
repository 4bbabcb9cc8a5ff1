import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { KumoElement } from '../base/kumo-element.js';
import { resetDevWarnings } from '../dev/warn.js';
import { captureWarnings, cleanupFixtures, fixture, uniqueTag } from '../testing/fixture.js';
import { KeyboardController } from './keyboard-controller.js';
import { matchesShortcut, parseShortcut } from './shortcut.js';

const pressed: string[] = [];

class Player extends KumoElement {
  readonly keys = new KeyboardController(this, {
    shortcuts: {
      k: () => {
        pressed.push('k');
      },
      Space: () => {
        pressed.push('space');
      },
      'Shift+ArrowLeft': () => {
        pressed.push('shift-left');
      },
      ArrowLeft: () => {
        pressed.push('left');
      },
      Escape: () => {
        pressed.push('escape');
      },
      '?': () => {
        pressed.push('help');
      },
      m: () => false,
    },
  });
  protected override render() {
    return html`<button>Play</button><input aria-label="Search" /><input type="range" aria-label="Seek" /><div
        tabindex="0"
        class="surface"
      ></div>`;
  }
}
const playerTag = uniqueTag('kumo-player');
customElements.define(playerTag, Player);

class PagePlayer extends Player {
  readonly pageKeys = new KeyboardController(this, {
    scope: 'document',
    shortcuts: {
      j: () => {
        pressed.push('page-j');
      },
    },
  });
}
const pagePlayerTag = uniqueTag('kumo-page-player');
customElements.define(pagePlayerTag, PagePlayer);

async function player(tag = playerTag): Promise<Player> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><input aria-label="Outside" class="outside" /></div>`,
  );
  const element = document.createElement(tag) as Player;
  wrapper.append(element);
  await element.updateComplete;
  pressed.length = 0;
  return element;
}

function press(target: Element, key: string, modifiers: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...modifiers,
  });
  target.dispatchEvent(event);
  return event;
}

const inside = (element: Player, selector: string) => element.shadowRoot!.querySelector(selector)!;

describe('KeyboardController', () => {
  afterEach(cleanupFixtures);

  describe('events', () => {
    it('runs the shortcut for a key pressed inside the host and prevents its default', async () => {
      const element = await player();
      const event = press(inside(element, '.surface'), 'k');
      assert.deepEqual(pressed, ['k']);
      assert.isTrue(event.defaultPrevented);
    });

    it('tells modified keys apart', async () => {
      const element = await player();
      press(inside(element, '.surface'), 'ArrowLeft', { shiftKey: true });
      press(inside(element, '.surface'), 'ArrowLeft');
      press(inside(element, '.surface'), 'K', { shiftKey: true });
      press(inside(element, '.surface'), 'k', { ctrlKey: true });
      assert.deepEqual(pressed, ['shift-left', 'left']);
    });

    it('matches symbols whatever Shift it takes to type them', async () => {
      const element = await player();
      press(inside(element, '.surface'), '?', { shiftKey: true });
      assert.deepEqual(pressed, ['help']);
    });

    it('leaves the key alone when the handler returns false', async () => {
      const element = await player();
      const event = press(inside(element, '.surface'), 'm');
      assert.isFalse(event.defaultPrevented);
    });
  });

  describe('focus scope', () => {
    it('ignores keys pressed outside the host', async () => {
      const element = await player();
      press(element.parentElement!.querySelector('.outside')!, 'k');
      press(document.body, 'k');
      assert.deepEqual(pressed, []);
    });

    it('ignores keys typed into a text field, except Escape', async () => {
      const element = await player();
      const search = inside(element, 'input:not([type])');
      press(search, 'k');
      press(search, ' ');
      press(search, 'Escape');
      assert.deepEqual(pressed, ['escape']);
    });

    it('leaves Space to a focused button and arrows to a slider', async () => {
      const element = await player();
      press(inside(element, 'button'), ' ');
      press(inside(element, 'input[type="range"]'), 'ArrowLeft');
      assert.deepEqual(pressed, []);
      press(inside(element, 'button'), 'k');
      press(inside(element, '.surface'), ' ');
      assert.deepEqual(pressed, ['k', 'space']);
    });

    it('ignores keys an inner handler already took', async () => {
      const element = await player();
      const surface = inside(element, '.surface');
      surface.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
      press(surface, 'k');
      assert.deepEqual(pressed, []);
    });

    it('with document scope, also takes keys pressed on the page body, but not in other controls', async () => {
      const element = await player(pagePlayerTag);
      press(document.body, 'j');
      press(element.parentElement!.querySelector('.outside')!, 'j');
      press(inside(element, '.surface'), 'j');
      assert.deepEqual(pressed, ['page-j', 'page-j']);
    });

    it('stops listening when the host leaves the document', async () => {
      const element = await player(pagePlayerTag);
      element.remove();
      press(document.body, 'j');
      assert.deepEqual(pressed, []);
    });
  });
});

describe('parseShortcut', () => {
  it('reads modifiers, aliases and single characters', () => {
    assert.deepEqual(parseShortcut('Ctrl+Shift+K'), {
      key: 'k',
      ctrl: true,
      alt: false,
      shift: true,
      meta: false,
    });
    assert.deepEqual(parseShortcut('Space'), {
      key: ' ',
      ctrl: false,
      alt: false,
      shift: false,
      meta: false,
    });
    assert.deepEqual(parseShortcut('Alt+Left')?.key, 'ArrowLeft');
    assert.deepEqual(parseShortcut('Esc')?.key, 'Escape');
    assert.deepEqual(parseShortcut('Shift++'), {
      key: '+',
      ctrl: false,
      alt: false,
      shift: true,
      meta: false,
    });
  });

  it('maps Mod to Control or Command by platform', () => {
    const mod = parseShortcut('Mod+s')!;
    const apple = /mac|iphone|ipad|ipod/i.test(navigator.platform);
    assert.strictEqual(mod.meta, apple);
    assert.strictEqual(mod.ctrl, !apple);
  });

  it('matches events', () => {
    const event = new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true });
    assert.isTrue(matchesShortcut(event, parseShortcut('Alt+ArrowRight')!));
    assert.isFalse(matchesShortcut(event, parseShortcut('ArrowRight')!));
  });

  describe('errors', () => {
    it('warns in development about an unknown modifier or a missing key', () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        assert.isUndefined(parseShortcut('Hyper+k'));
        assert.isUndefined(parseShortcut(''));
        assert.strictEqual(
          capture.messages.filter((message) => message.includes('invalid-shortcut')).length,
          2,
        );
      } finally {
        capture.restore();
      }
    });

    it('does not warn about valid shortcuts', () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        parseShortcut('Shift+?');
        parseShortcut('Meta+Enter');
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });
  });
});
