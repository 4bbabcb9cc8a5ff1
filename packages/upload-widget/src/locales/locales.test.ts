import { describe, it } from 'node:test';
import { assert } from 'chai';
import ar from './ar.js';
import en from './en.js';
import fr from './fr.js';
import { normalizeText } from './text-option.js';
import { interpolate } from './text-overrides.js';

describe('upload widget strings', () => {
  it('are translated in full into French and Arabic', () => {
    assert.sameMembers(Object.keys(fr), Object.keys(en));
    assert.sameMembers(Object.keys(ar), Object.keys(en));
  });

  it('count in each language’s plural forms', () => {
    assert.strictEqual(en['queue.title_uploading_with_counter']({ count: 1 }), 'Uploading 1 file');
    assert.strictEqual(fr['queue.title_uploading_with_counter']!({ count: 2 }), 'Envoi de 2 fichiers');
    assert.strictEqual(ar['queue.title_uploading_with_counter']!({ count: 2 }), 'جارٍ رفع ملفين');
  });

  describe('text overrides', () => {
    it('read flat keys and Cloudinary’s nested sections as English', () => {
      assert.deepEqual(normalizeText({ 'local.browse': 'Pick', queue: { statuses: { done: 'Finished' } } }), {
        en: { 'local.browse': 'Pick', 'queue.statuses.done': 'Finished' },
      });
    });

    it('read Cloudinary’s per-language form', () => {
      assert.deepEqual(normalizeText({ en: { or: 'Or' }, fr: { local: { browse: 'Choisir' } } }), {
        en: { or: 'Or' },
        fr: { 'local.browse': 'Choisir' },
      });
    });

    it('ignore unknown keys', () => {
      assert.deepEqual(normalizeText({ nope: 'x', local: { nada: 'y' } }), { en: {} });
      assert.deepEqual(normalizeText(undefined), {});
    });

    it('fill {{placeholders}}', () => {
      assert.strictEqual(
        interpolate('{{count}} files, {{ count }} again, {{other}}', { count: 3 }),
        '3 files, 3 again, {{other}}',
      );
    });
  });
});
