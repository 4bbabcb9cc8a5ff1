import { afterEach, beforeEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { captureWarnings, uniqueTag } from '../testing/fixture.js';
import { version } from '../version.js';
import { defineElement } from './define-element.js';

// A constructor can hold only one tag, so every test makes its own classes.
const versioned = (version: string) =>
  class extends HTMLElement {
    static version = version;
  };

describe('defineElement', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    capture = captureWarnings();
  });
  afterEach(() => capture.restore());

  it('registers a free tag', () => {
    const First = versioned('1.0.0');
    const tag = uniqueTag();
    defineElement(tag, First);
    assert.isTrue(customElements.get(tag) === First);
    assert.isTrue(document.createElement(tag) instanceof First);
    assert.deepEqual(capture.messages, []);
  });

  it('does nothing when the same class is registered again', () => {
    const First = versioned('1.0.0');
    const tag = uniqueTag();
    defineElement(tag, First);
    defineElement(tag, First);
    assert.isTrue(customElements.get(tag) === First);
    assert.deepEqual(capture.messages, []);
  });

  it('keeps the first class and warns naming both versions when another class holds the tag', () => {
    const First = versioned('1.0.0');
    const Second = versioned('2.0.0');
    const tag = uniqueTag();
    defineElement(tag, First);
    defineElement(tag, Second);
    assert.isTrue(customElements.get(tag) === First);
    assert.lengthOf(capture.messages, 1);
    assert.include(capture.messages[0], `<${tag}>`);
    assert.include(capture.messages[0], '1.0.0');
    assert.include(capture.messages[0], '2.0.0');
  });

  it('says "unknown version" for classes without one', () => {
    const tag = uniqueTag();
    defineElement(tag, class extends HTMLElement {});
    defineElement(tag, class extends HTMLElement {});
    assert.include(capture.messages[0], 'unknown version');
  });

  it('warns instead of throwing when the browser refuses the registration', () => {
    assert.doesNotThrow(() => defineElement('notvalid', class extends HTMLElement {}));
    assert.isUndefined(customElements.get('notvalid'));
    assert.lengthOf(capture.messages, 1);
    assert.include(capture.messages[0], '<notvalid>');
    // One constructor cannot take two tags either.
    const ctor = class extends HTMLElement {};
    defineElement(uniqueTag(), ctor);
    assert.doesNotThrow(() => defineElement(uniqueTag(), ctor));
    assert.lengthOf(capture.messages, 2);
  });

  it('does nothing without a registry (server-side rendering)', () => {
    assert.doesNotThrow(() => defineElement(uniqueTag(), versioned('1.0.0'), null as unknown as undefined));
  });

  it('reports the version package.json declares', async () => {
    const manifest = (await (await fetch('/packages/ui/package.json')).json()) as { version: string };
    assert.strictEqual(version, manifest.version);
  });
});
