import { describe, it } from 'node:test';
import { assert } from 'chai';
import { shortcutFor } from './keyboard-shortcuts.js';

describe('shortcutFor', () => {
  it('maps the player keys to requests', () => {
    assert.deepEqual(shortcutFor(' ', {}), { type: 'toggle-play' });
    assert.deepEqual(shortcutFor('K', {}), { type: 'toggle-play' });
    assert.deepEqual(shortcutFor('j', {}), { type: 'seek-by', delta: -10 });
    assert.deepEqual(shortcutFor('l', {}), { type: 'seek-by', delta: 10 });
    assert.deepEqual(shortcutFor('ArrowLeft', {}), { type: 'seek-by', delta: -5 });
    assert.deepEqual(shortcutFor('ArrowUp', {}), { type: 'volume-by', delta: 0.05 });
    assert.deepEqual(shortcutFor('f', {}), { type: 'toggle-fullscreen' });
    assert.deepEqual(shortcutFor('m', {}), { type: 'toggle-mute' });
    assert.deepEqual(shortcutFor('c', {}), { type: 'toggle-captions' });
    assert.deepEqual(shortcutFor('7', {}), { type: 'seek-fraction', fraction: 0.7 });
  });

  it('leaves modified keys and unknown keys alone', () => {
    assert.isUndefined(shortcutFor('f', { ctrlKey: true }));
    assert.isUndefined(shortcutFor('l', { metaKey: true }));
    assert.isUndefined(shortcutFor('x', {}));
  });

  it('leaves a focused control the keys it uses itself', () => {
    assert.isUndefined(shortcutFor(' ', {}, 'button'));
    assert.deepEqual(shortcutFor('k', {}, 'button'), { type: 'toggle-play' });
    assert.isUndefined(shortcutFor('ArrowLeft', {}, 'slider'));
    assert.deepEqual(shortcutFor('m', {}, 'slider'), { type: 'toggle-mute' });
    assert.isUndefined(shortcutFor('ArrowDown', {}, 'menu'));
    assert.isUndefined(shortcutFor('k', {}, 'text-field'));
  });
});
