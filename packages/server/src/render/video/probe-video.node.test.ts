import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { ffprobe, makeTestMedia, rejection, type TestMedia } from '../../testing/video-test-media.js';
import { probeVideo } from './probe-video.js';
import { VideoRenderError, VideoUnavailableError } from './video-errors.js';

describe('probeVideo', () => {
  let media: TestMedia;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  it('reports duration, size, rate, codecs and audio of a clip', async () => {
    const info = await probeVideo(media.landscape);
    assert.closeTo(info.duration, 6, 0.1);
    assert.equal(info.width, 640);
    assert.equal(info.height, 360);
    assert.equal(info.frameRate, 25);
    assert.equal(info.videoCodec, 'h264');
    assert.equal(info.audioCodec, 'aac');
    assert.isTrue(info.hasAudio);
    assert.isTrue(info.hasVideo);
    assert.equal(info.rotation, 0);
    assert.isAbove(info.bitRate, 0);
  });

  it('reports a clip without audio', async () => {
    const info = await probeVideo(media.portrait);
    assert.deepEqual([info.width, info.height, info.hasAudio], [180, 320, false]);
    assert.isUndefined(info.audioCodec);
  });

  it('reports the displayed size of a rotated clip', async () => {
    const info = await probeVideo(media.rotated);
    assert.deepEqual([info.width, info.height], [360, 640]);
    assert.include([90, 270], info.rotation);
  });

  it('agrees with ffprobe on the duration', async () => {
    const raw = await ffprobe(media.landscape);
    assert.equal((await probeVideo(media.landscape)).duration, Number(raw.format.duration));
  });

  it('refuses a file that is not a video with a 400', async () => {
    const error = await rejection(probeVideo(media.notVideo));
    assert.instanceOf(error, VideoRenderError);
    assert.equal((error as VideoRenderError).status, 400);
    assert.notInclude((error as Error).message, media.dir, 'no server paths in messages');
  });

  it('answers 404 for a missing input', async () => {
    const error = await rejection(probeVideo(`${media.dir}/missing.mp4`));
    assert.instanceOf(error, VideoRenderError);
    assert.equal((error as VideoRenderError).status, 404);
  });

  it('rejects with VideoUnavailableError (501) when ffprobe cannot be found', async () => {
    const saved = process.env.KUMO_FFPROBE_PATH;
    process.env.KUMO_FFPROBE_PATH = '/nonexistent/ffprobe';
    try {
      const error = await rejection(probeVideo(media.landscape));
      assert.instanceOf(error, VideoUnavailableError);
      assert.equal((error as VideoUnavailableError).status, 501);
      assert.include((error as Error).message, 'KUMO_FFPROBE_PATH');
    } finally {
      if (saved === undefined) delete process.env.KUMO_FFPROBE_PATH;
      else process.env.KUMO_FFPROBE_PATH = saved;
    }
  });

  it('rejects with VideoUnavailableError when nothing is on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      assert.instanceOf(await rejection(probeVideo(media.landscape)), VideoUnavailableError);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    assert.equal(await rejection(probeVideo(media.landscape, { signal: controller.signal })), reason);
  });
});
