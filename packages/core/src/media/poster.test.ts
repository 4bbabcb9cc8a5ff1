import { describe, it } from 'node:test';
import { assert } from 'chai';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { type FrameOffset, posterUrl } from './poster.js';

// Poster form from the grammar notes (§4.10): the video resource with an image extension and
// `so_<seconds|percent|auto>` choosing the frame.
const video = 'https://res.cloudinary.com/demo/video/upload';

describe('posterUrl', () => {
  it('defaults to a jpg of the server-chosen frame', () => {
    assert.equal(posterUrl('dog', { cloudName: 'demo' }), `${video}/dog.jpg`);
  });

  it('picks the frame first, then applies the transformation', () => {
    assert.equal(posterUrl('dog', { cloudName: 'demo', offset: 'auto' }), `${video}/so_auto/dog.jpg`);
    assert.equal(
      posterUrl('dog', {
        cloudName: 'demo',
        offset: 2.5,
        transformation: 'c_fill,h_180,w_320',
        format: 'webp',
      }),
      `${video}/so_2.5/c_fill,h_180,w_320/dog.webp`,
    );
    assert.equal(
      posterUrl('clips/dog', { cloudName: 'demo', offset: '35p' }),
      `${video}/so_35p/v1/clips/dog.jpg`,
    );
  });

  it('keeps host and path options', () => {
    assert.equal(
      posterUrl('dog', {
        cloudName: 'demo',
        offset: 0,
        baseUrl: 'http://127.0.0.1:3000',
        type: 'authenticated',
        version: 7,
      }),
      'http://127.0.0.1:3000/demo/video/authenticated/so_0/v7/dog.jpg',
    );
  });

  it('rejects offsets the grammar cannot express', () => {
    for (const offset of [-1, Number.NaN, 'middle', '5%', '']) {
      assert.throws(
        () => posterUrl('dog', { cloudName: 'demo', offset: offset as FrameOffset }),
        DeliveryUrlError,
        /offset/,
      );
    }
  });
});
