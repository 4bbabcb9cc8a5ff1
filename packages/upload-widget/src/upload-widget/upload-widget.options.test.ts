import { describe, it } from 'node:test';
import type { UploadResponse } from '@kumo/core';
import { assert } from 'chai';
import { configurationProblems } from './configuration-problems.js';
import {
  acceptOf,
  aspectRatiosConverter,
  DEFAULT_OPTIONS,
  formValues,
  knownSources,
  numberConverter,
  parseAspectRatio,
  parseList,
  parseTags,
  readOptions,
  recoveryKeyOf,
  splitOptions,
  toQueueOptions,
} from './upload-widget.options.js';
import type { UploadWidgetOptions } from './upload-widget.types.js';

const options = (overrides: Partial<UploadWidgetOptions> = {}): UploadWidgetOptions => ({
  ...DEFAULT_OPTIONS,
  ...overrides,
});

describe('upload widget options', () => {
  describe('list attributes', () => {
    it('splits on commas and spaces', () => {
      assert.deepEqual(parseList('local, url  camera'), ['local', 'url', 'camera']);
      assert.deepEqual(parseList(''), []);
      assert.deepEqual(parseList(null), []);
    });

    it('keeps spaces inside tags when commas separate them', () => {
      assert.deepEqual(parseTags('summer trip, beach'), ['summer trip', 'beach']);
      assert.deepEqual(parseTags('cats dogs'), ['cats', 'dogs']);
    });

    it('reads aspect ratios as fractions, colons or decimals', () => {
      assert.closeTo(parseAspectRatio('16/9')!, 16 / 9, 1e-9);
      assert.closeTo(parseAspectRatio('4:3')!, 4 / 3, 1e-9);
      assert.strictEqual(parseAspectRatio('1.5'), 1.5);
      assert.isUndefined(parseAspectRatio('wide'));
      assert.isUndefined(parseAspectRatio('0'));
      assert.deepEqual(aspectRatiosConverter.fromAttribute!('1 3/2 nope', Array), [1, 1.5]);
    });

    it('reads numbers, and nothing as undefined', () => {
      assert.strictEqual(numberConverter.fromAttribute!('2000', Number), 2000);
      assert.isUndefined(numberConverter.fromAttribute!('', Number));
      assert.isUndefined(numberConverter.fromAttribute!(null, Number));
      assert.isUndefined(numberConverter.fromAttribute!('lots', Number));
    });
  });

  describe('options object', () => {
    it('reads every option from an object', () => {
      const read = readOptions(options({ cloudName: 'demo' }));
      assert.strictEqual(read.cloudName, 'demo');
      assert.sameMembers(Object.keys(read), Object.keys(DEFAULT_OPTIONS));
    });

    it('accepts Cloudinary snake_case names and reports unknown ones', () => {
      const { known, unknown } = splitOptions({ cloud_name: 'demo', maxFileSize: 5, show_powered_by: true });
      assert.deepEqual(known, { cloudName: 'demo', maxFileSize: 5 });
      assert.deepEqual(unknown, ['show_powered_by']);
    });

    it('keeps known sources in their order, once', () => {
      assert.deepEqual(knownSources(['url', 'dropbox', 'local', 'url']), ['url', 'local']);
    });
  });

  describe('engine options', () => {
    it('passes the upload settings and restrictions through', () => {
      const mapped = toQueueOptions(
        options({
          apiBase: 'http://127.0.0.1:9',
          cloudName: 'demo',
          uploadPreset: 'unsigned',
          maxFileSize: 1000,
          clientAllowedFormats: ['jpg'],
          folder: 'uploads',
          tags: ['a'],
        }),
        { recoveryKey: 'kumo-upload:demo:x' },
      );
      assert.include(mapped, {
        apiBase: 'http://127.0.0.1:9',
        cloudName: 'demo',
        uploadPreset: 'unsigned',
        maxFileSize: 1000,
        folder: 'uploads',
        recoveryKey: 'kumo-upload:demo:x',
        resourceType: 'auto',
      });
      assert.deepEqual(mapped.clientAllowedFormats, ['jpg']);
      assert.deepEqual(mapped.tags, ['a']);
      assert.notProperty(mapped, 'maxFiles', 'unset options are left out');
    });

    it('adds the advanced fields to the next uploads', () => {
      const mapped = toQueueOptions(options({ cloudName: 'demo', tags: ['a'], publicId: 'set' }), {
        advanced: { publicId: 'typed', tags: ['b', 'a'] },
      });
      assert.strictEqual(mapped.publicId, 'typed');
      assert.deepEqual(mapped.tags, ['a', 'b']);
    });

    it('falls back to auto for an unknown resource type', () => {
      const mapped = toQueueOptions(options({ resourceType: 'pdf' as never }));
      assert.strictEqual(mapped.resourceType, 'auto');
    });

    it('derives the recovery key from the cloud and the element', () => {
      assert.strictEqual(
        recoveryKeyOf({ cloudName: 'demo', id: 'avatar', recoveryKey: undefined }),
        'kumo-upload:demo:avatar',
      );
      assert.strictEqual(
        recoveryKeyOf({ cloudName: 'demo', id: 'avatar', recoveryKey: 'own' }),
        'kumo-upload:demo:own',
      );
      assert.isUndefined(recoveryKeyOf({ cloudName: 'demo', id: '', recoveryKey: undefined }));
    });
  });

  describe('form value and picker', () => {
    const uploaded = [
      { public_id: 'a', secure_url: 'https://x/a.png' },
      { public_id: 'b', secure_url: 'https://x/b.png' },
    ] as UploadResponse[];

    it('holds public ids, or URLs', () => {
      assert.deepEqual(formValues(uploaded, 'public_id'), ['a', 'b']);
      assert.deepEqual(formValues(uploaded, 'url'), ['https://x/a.png', 'https://x/b.png']);
    });

    it('turns formats into the picker’s accept list', () => {
      assert.strictEqual(acceptOf(['jpg', '.PNG']), '.jpg,.png');
      assert.strictEqual(acceptOf([]), '');
    });
  });

  describe('configuration problems', () => {
    const codes = (value: UploadWidgetOptions) => configurationProblems(value).map((problem) => problem.code);

    it('names a missing cloud, missing credentials and unknown sources', () => {
      assert.sameMembers(codes(options({ sources: ['local', 'dropbox' as never] })), [
        'upload-widget-missing-cloud-name',
        'upload-widget-missing-credentials',
        'upload-widget-unknown-source',
      ]);
    });

    it('has nothing to say about a complete configuration', () => {
      assert.deepEqual(codes(options({ cloudName: 'demo', uploadPreset: 'p' })), []);
      assert.deepEqual(codes(options({ cloudName: 'demo', uploadSignature: '/api/sign' })), []);
    });

    it('names invalid values of enumerated options', () => {
      const problems = configurationProblems(
        options({ cloudName: 'demo', uploadPreset: 'p', mode: 'popup' as never }),
      );
      assert.lengthOf(problems, 1);
      assert.match(problems[0]!.message, /mode = "popup".*using modal/);
    });
  });
});
