import { after, before, describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import {
  frameRgb,
  makeTestMedia,
  meanDifference,
  rejection,
  type TestMedia,
} from '../../testing/video-test-media.js';
import { posterFrame } from './poster-frame.js';
import { VideoRenderError } from './video-errors.js';

async function pixels(
  data: Buffer,
): Promise<{ width: number; height: number; data: Buffer; format: string }> {
  const image = sharp(data);
  const { format } = await image.metadata();
  const { data: raw, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: raw, format: String(format) };
}

describe('posterFrame', () => {
  let media: TestMedia;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  it('renders the frame at the offset, at the source size without a resize', async () => {
    const poster = await posterFrame(media.landscape, [], { offset: 2, format: 'png' });
    const decoded = await pixels(poster.data);
    assert.deepEqual([decoded.width, decoded.height, decoded.format], [640, 360, 'png']);
    assert.equal(poster.contentType, 'image/png');
    const reference = await frameRgb(media.landscape, 2);
    assert.isBelow(meanDifference(decoded.data, reference.data), 2);
  });

  it('different offsets give different frames', async () => {
    const one = await pixels((await posterFrame(media.landscape, [], { offset: 1, format: 'png' })).data);
    const four = await pixels((await posterFrame(media.landscape, [], { offset: 4, format: 'png' })).data);
    assert.isAbove(meanDifference(one.data, four.data), 3);
  });

  it('reads so_ from the chain, percentages and auto', async () => {
    const fromChain = await posterFrame(media.landscape, parseTransformation('so_3'), { format: 'jpg' });
    assert.equal(fromChain.offset, 3);
    const percent = await posterFrame(media.landscape, [], { offset: '50p', format: 'jpg' });
    assert.equal(percent.offset, 3);
    const auto = await posterFrame(media.landscape, [], { offset: 'auto', format: 'jpg' });
    assert.isAbove(auto.offset, 0);
    assert.isBelow(auto.offset, 6);
    assert.equal((await pixels(auto.data)).format, 'jpeg');
  });

  it('applies the image transformation to the frame', async () => {
    const poster = await posterFrame(media.landscape, parseTransformation('c_fill,h_100,w_100/e_grayscale'), {
      offset: 1,
      format: 'webp',
    });
    const decoded = await pixels(poster.data);
    assert.deepEqual([decoded.width, decoded.height, decoded.format], [100, 100, 'webp']);
    let worst = 0;
    for (let i = 0; i < decoded.data.length; i += 3) {
      worst = Math.max(worst, Math.abs(decoded.data[i]! - decoded.data[i + 1]!));
    }
    assert.isAtMost(worst, 3);
  });

  it('ignores time effects and video parameters that a poster URL may carry', async () => {
    const poster = await posterFrame(
      media.landscape,
      parseTransformation('ac_aac,e_reverse,so_1,vc_h264,w_200'),
      {
        format: 'jpg',
      },
    );
    assert.equal(poster.width, 200);
  });

  it('clamps an offset past the end to the last frame, and works on portrait sources', async () => {
    const poster = await posterFrame(media.portrait, [], { offset: 100, format: 'png' });
    assert.deepEqual([poster.width, poster.height], [180, 320]);
  });

  it('refuses bad input with a 400', async () => {
    for (const input of [media.notVideo, media.corrupt]) {
      const error = await rejection(posterFrame(input, [], { offset: 1, format: 'jpg' }));
      assert.instanceOf(error, VideoRenderError);
      assert.equal((error as VideoRenderError).status, 400);
    }
    const badEffect = await rejection(
      posterFrame(media.landscape, parseTransformation('e_cartoonify'), { format: 'jpg' }),
    );
    assert.instanceOf(badEffect, VideoRenderError);
    assert.include((badEffect as Error).message, 'cartoonify');
    const badOffset = await rejection(posterFrame(media.landscape, [], { offset: 'soon', format: 'jpg' }));
    assert.equal((badOffset as VideoRenderError).status, 400);
  });
});
