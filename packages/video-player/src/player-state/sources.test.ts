import { describe, it } from 'node:test';
import { assert } from 'chai';
import { chainTransformations, chaptersSource, resolveMedia, type SourceDefaults } from './sources.js';

const defaults: SourceDefaults = {
  apiBase: 'http://127.0.0.1:3000',
  cloudName: 'demo',
  sourceTypes: ['hls', 'mp4'],
  transformation: undefined,
  seekThumbnails: true,
};
const base = 'http://127.0.0.1:3000/demo/video/upload';

describe('resolveMedia', () => {
  it('builds an sp_auto HLS manifest, an mp4 fallback, a poster and a storyboard for a public id', () => {
    const media = resolveMedia({ publicId: 'samples/videos/dog' }, defaults);
    assert.equal(media.id, 'samples/videos/dog');
    assert.deepEqual(media.candidates, [
      { type: 'hls', url: `${base}/sp_auto/v1/samples/videos/dog.m3u8` },
      { type: 'mp4', url: `${base}/v1/samples/videos/dog.mp4` },
    ]);
    assert.equal(media.poster, `${base}/v1/samples/videos/dog.jpg`);
    assert.equal(media.storyboard, `${base}/e_storyboard:10:100,w_160/v1/samples/videos/dog.vtt`);
  });

  it('applies the player and source transformations to every URL', () => {
    const media = resolveMedia(
      {
        publicId: 'dog',
        transformation: 'e_grayscale',
        posterOptions: { transformation: 'w_320', offset: 2 },
      },
      { ...defaults, transformation: 'c_fill,h_360,w_640' },
    );
    assert.equal(media.candidates[0]!.url, `${base}/c_fill,h_360,w_640/e_grayscale/sp_auto/dog.m3u8`);
    assert.equal(media.candidates[1]!.url, `${base}/c_fill,h_360,w_640/e_grayscale/dog.mp4`);
    assert.equal(media.poster, `${base}/so_2/c_fill,h_360,w_640/e_grayscale/w_320/dog.jpg`);
    assert.equal(
      media.storyboard,
      `${base}/c_fill,h_360,w_640/e_grayscale/e_storyboard:10:100,w_160/dog.vtt`,
    );
  });

  it('follows the source types in order, without duplicates, and leaves thumbnails out when asked', () => {
    const media = resolveMedia(
      { publicId: 'dog', sourceTypes: ['mp4', 'webm', 'mp4'] },
      { ...defaults, seekThumbnails: false },
    );
    assert.deepEqual(
      media.candidates.map((candidate) => candidate.type),
      ['mp4', 'webm'],
    );
    assert.isUndefined(media.storyboard);
  });

  it('uses same-origin paths for an empty API base', () => {
    assert.equal(
      resolveMedia({ publicId: 'dog' }, { ...defaults, apiBase: '' }).candidates[0]!.url,
      '/demo/video/upload/sp_auto/dog.m3u8',
    );
  });

  it('plays an explicit URL as given, by its extension, with no storyboard', () => {
    const hls = resolveMedia(
      { src: 'https://cdn.example/live/index.m3u8?token=1', poster: 'p.jpg' },
      defaults,
    );
    assert.deepEqual(hls.candidates, [{ type: 'hls', url: 'https://cdn.example/live/index.m3u8?token=1' }]);
    assert.equal(hls.poster, 'p.jpg');
    assert.isUndefined(hls.storyboard);
    assert.equal(resolveMedia({ src: '/clip.webm' }, defaults).candidates[0]!.type, 'webm');
  });

  it('uses a poster colour instead of an image when asked', () => {
    const media = resolveMedia({ publicId: 'dog', posterOptions: { posterColor: '#123' } }, defaults);
    assert.isUndefined(media.poster);
    assert.equal(media.posterColor, '#123');
  });

  it('rejects what cannot be a delivery URL', () => {
    assert.throws(() => resolveMedia({ publicId: 'dog' }, { ...defaults, cloudName: '' }), /cloudName/);
  });
});

describe('chaptersSource / chainTransformations', () => {
  it('finds chapters in the chapters option or the text tracks', () => {
    assert.deepEqual(chaptersSource({ chapters: 'c.vtt' }), { url: 'c.vtt' });
    assert.deepEqual(chaptersSource({ chapters: { 0: 'A' } }), { map: { 0: 'A' } });
    assert.deepEqual(chaptersSource({ chapters: true, textTracks: { chapters: { url: 't.vtt' } } }), {
      url: 't.vtt',
    });
    assert.deepEqual(chaptersSource({ textTracks: { chapters: { url: 't.vtt' } } }), { url: 't.vtt' });
    assert.isUndefined(chaptersSource({ chapters: false, textTracks: { chapters: { url: 't.vtt' } } }));
    assert.isUndefined(chaptersSource({}));
  });

  it('chains transformation strings', () => {
    assert.equal(chainTransformations(undefined, ' /w_100/ ', '', 'e_blur'), 'w_100/e_blur');
  });
});
