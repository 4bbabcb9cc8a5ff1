import { describe, it } from 'node:test';
import { assert } from 'chai';
import { summarizeEvent } from './event-summary.js';

describe('event summary', () => {
  it('names the files, public ids, sizes and reasons a person checks', () => {
    assert.strictEqual(
      summarizeEvent('kumo-upload-added', { files: [{ name: 'a.png', size: 2048 }] }),
      'a.png (2,048 B)',
    );
    assert.strictEqual(
      summarizeEvent('kumo-upload-success', {
        file: { name: 'a.png' },
        info: { public_id: 'x/a', bytes: 2048 },
      }),
      'a.png → x/a (2,048 B)',
    );
    assert.strictEqual(
      summarizeEvent('kumo-upload-rejected', {
        rejections: [
          { name: 'big.bin', reason: 'file-too-large' },
          { name: 'a.txt', reason: 'format-not-allowed' },
        ],
      }),
      'big.bin: file-too-large, a.txt: format-not-allowed',
    );
    assert.strictEqual(
      summarizeEvent('kumo-upload-error', {
        file: { name: 'a.bin' },
        error: { message: 'Invalid Signature', status: 401 },
      }),
      'a.bin: Invalid Signature [401]',
    );
    assert.strictEqual(
      summarizeEvent('kumo-upload-progress', {
        file: { name: 'a.bin' },
        totals: { percent: 50, bytesUploaded: 10, bytesTotal: 20 },
      }),
      'a.bin · 50% of all (10 B / 20 B)',
    );
    assert.strictEqual(
      summarizeEvent('kumo-queue-end', {
        successful: [{ name: 'a' }, { name: 'b' }],
        failed: [{ name: 'c' }],
      }),
      'a, b uploaded; 1 failed',
    );
    assert.strictEqual(summarizeEvent('kumo-upload-abort', { ids: ['1'], all: true }), 'all files');
    assert.strictEqual(summarizeEvent('kumo-upload-retry', { ids: ['1', '2'], all: false }), '1, 2');
    assert.strictEqual(summarizeEvent('kumo-display-changed', { state: 'minimized' }), 'minimized');
    assert.strictEqual(summarizeEvent('kumo-batch-cancelled', { reason: 'MAX_EXCEEDED' }), 'MAX_EXCEEDED');
  });

  it('shows what the person typed in the advanced options and which uploads the widget lists', () => {
    assert.strictEqual(summarizeEvent('kumo-public-id-changed', { id: 'summer/hero' }), 'summer/hero');
    assert.strictEqual(summarizeEvent('kumo-public-id-changed', { id: '' }), 'none');
    assert.strictEqual(summarizeEvent('kumo-tags-changed', { tags: ['red', 'bike'] }), 'red, bike');
    assert.strictEqual(summarizeEvent('kumo-tags-changed', { tags: [] }), 'none');
    assert.strictEqual(
      summarizeEvent('kumo-show-completed', { items: [{ name: 'a.png' }, { name: 'b.bin' }] }),
      'a.png, b.bin',
    );
  });

  it('copes with missing fields and unknown events', () => {
    assert.strictEqual(summarizeEvent('kumo-upload-added', {}), 'none');
    assert.strictEqual(summarizeEvent('kumo-upload-error', {}), '?: failed');
    assert.strictEqual(summarizeEvent('kumo-close', {}), '');
    assert.strictEqual(summarizeEvent('kumo-public-id-changed', {}), 'none');
    assert.strictEqual(summarizeEvent('kumo-show-completed', {}), 'none');
  });
});
