import { describe, it } from 'node:test';
import { assert } from 'chai';
import { parseTransformation } from '../transformation/index.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { parseUrl } from '../url/parse.js';
import { storyboardComponent, storyboardSpriteUrl, storyboardVttUrl } from './storyboard.js';

// Kumo's storyboard form, as specified in docs/decisions/0003-storyboard-urls.md.
const video = 'https://res.cloudinary.com/demo/video/upload';

describe('storyboard URLs', () => {
  it('uses 10 columns, 100 frames and 160px tiles by default', () => {
    assert.equal(
      storyboardSpriteUrl('dog', { cloudName: 'demo' }),
      `${video}/e_storyboard:10:100,w_160/dog.jpg`,
    );
    assert.equal(
      storyboardVttUrl('dog', { cloudName: 'demo' }),
      `${video}/e_storyboard:10:100,w_160/dog.vtt`,
    );
  });

  it('gives sprite and VTT the same path apart from the extension', () => {
    const options = {
      cloudName: 'demo',
      columns: 5,
      count: 20,
      tileWidth: 120,
      tileHeight: 68,
      transformation: 'so_10,eo_40',
    };
    const sprite = storyboardSpriteUrl('clips/dog', { ...options, spriteFormat: 'webp' });
    const vtt = storyboardVttUrl('clips/dog', options);
    assert.equal(vtt, `${video}/so_10,eo_40/e_storyboard:5:20,h_68,w_120/v1/clips/dog.vtt`);
    assert.equal(sprite, vtt.replace(/\.vtt$/, '.webp'));
  });

  it('is expressible in the strict transformation grammar', () => {
    const parsed = parseUrl(
      storyboardVttUrl('dog', { cloudName: 'demo', columns: 4, count: 8, tileWidth: 90 }),
    );
    assert.deepEqual(parseTransformation(parsed.transformation), [
      storyboardComponent({ columns: 4, count: 8, tileWidth: 90 }),
    ]);
    assert.deepEqual(parseTransformation(parsed.transformation), [
      { effect: { name: 'storyboard', args: [4, 8] }, width: 90 },
    ]);
  });

  it('rejects layouts that are not whole positive numbers in range', () => {
    for (const layout of [
      { columns: 0 },
      { count: 1.5 },
      { tileWidth: -160 },
      { tileHeight: 5000 },
      { columns: 101 },
    ]) {
      assert.throws(
        () => storyboardSpriteUrl('dog', { cloudName: 'demo', ...layout }),
        DeliveryUrlError,
        /storyboard/,
      );
    }
  });
});
