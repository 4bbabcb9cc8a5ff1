import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import { ffprobe, makeTestMedia, rejection, type TestMedia } from '../../testing/video-test-media.js';
import { encodeHls, type HlsRenditionResult } from './hls-encode.js';
import { VideoRenderError } from './video-errors.js';

interface Variant {
  attributes: Record<string, string>;
  uri: string;
}

/** A small master-playlist reader written for the test (attribute lists per RFC 8216 §4.2). */
function readMaster(text: string): Variant[] {
  const lines = text.split('\n').filter(Boolean);
  assert.equal(lines[0], '#EXTM3U');
  const variants: Variant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const attributes: Record<string, string> = {};
    for (const match of line.slice(18).matchAll(/([A-Z-]+)=("[^"]*"|[^,]*)/g)) {
      attributes[match[1]!] = match[2]!.replace(/^"|"$/g, '');
    }
    variants.push({ attributes, uri: lines[i + 1]! });
  });
  return variants;
}

describe('encodeHls', () => {
  let media: TestMedia;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  it('writes a master playlist and a playable rendition per rung, lowest first', async () => {
    const outputDir = join(media.dir, 'hls');
    const events: { name: string; masterAtThatTime: string; othersDone: boolean }[] = [];
    const result = await encodeHls(media.landscape, [], {
      outputDir,
      preset: 'ultrafast',
      segmentSeconds: 2,
      namePrefix: 'clip_',
      onRenditionReady: async (rendition: HlsRenditionResult, masterPath: string) => {
        const masterAtThatTime = await readFile(masterPath, 'utf8');
        const top = await readFile(join(outputDir, 'clip_360p.m3u8'), 'utf8').catch(() => '');
        events.push({ name: rendition.name, masterAtThatTime, othersDone: top.includes('#EXT-X-ENDLIST') });
      },
    });
    // 640×360 source: auto gives 360p and 240p, nothing larger.
    assert.deepEqual(
      result.renditions.map((r) => [r.name, r.width, r.height]),
      [
        ['360p', 640, 360],
        ['240p', 426, 240],
      ],
    );
    // The lowest rendition was published, alone in the master, before the other one existed.
    assert.equal(events[0]!.name, '240p');
    assert.isFalse(events[0]!.othersDone);
    assert.deepEqual(
      readMaster(events[0]!.masterAtThatTime).map((v) => v.uri),
      ['clip_240p.m3u8'],
    );
    assert.isBelow(result.firstReadyMs, result.totalMs);

    const master = readMaster(await readFile(result.masterPath, 'utf8'));
    assert.deepEqual(
      master.map((v) => v.uri),
      ['clip_240p.m3u8', 'clip_360p.m3u8'],
    );
    for (const variant of master) {
      const { attributes } = variant;
      assert.match(attributes.RESOLUTION!, /^\d+x\d+$/);
      assert.match(attributes.CODECS!, /^avc1\.[0-9A-F]{6},mp4a\.40\.2$/);
      assert.isAtLeast(Number(attributes.BANDWIDTH), Number(attributes['AVERAGE-BANDWIDTH']));
      assert.isAbove(Number(attributes['AVERAGE-BANDWIDTH']), 10_000);
      assert.equal(Number(attributes['FRAME-RATE']), 25);

      // Each rendition's playlist and its first segment are valid for ffprobe, at the listed size.
      const playlist = join(outputDir, variant.uri);
      const report = await ffprobe(playlist);
      assert.closeTo(Number(report.format.duration), 6, 0.3);
      const text = await readFile(playlist, 'utf8');
      assert.include(text, '#EXT-X-ENDLIST');
      const firstSegment = text.split('\n').find((line) => line.endsWith('.ts'))!;
      const segment = await ffprobe(join(outputDir, firstSegment));
      const video = segment.streams.find((s) => s.codec_type === 'video')!;
      assert.equal(`${video.width}x${video.height}`, attributes.RESOLUTION);
      assert.equal(video.codec_name, 'h264');
      assert.isDefined(segment.streams.find((s) => s.codec_type === 'audio'));
    }
    // ffprobe reads the master too (it opens every variant).
    const whole = await ffprobe(result.masterPath);
    assert.equal(whole.streams.filter((s) => s.codec_type === 'video').length, 2);
  });

  it('applies trims and effects to every rendition', async () => {
    const outputDir = join(media.dir, 'hls-trim');
    const result = await encodeHls(media.landscape, parseTransformation('du_3,so_1/e_grayscale'), {
      outputDir,
      preset: 'ultrafast',
      profile: 'sd',
    });
    assert.equal(result.renditions.length, 2);
    for (const r of result.renditions) {
      const report = await ffprobe(join(outputDir, r.playlist));
      assert.closeTo(Number(report.format.duration), 3, 0.3, r.name);
    }
  });

  it('streams a portrait source without audio', async () => {
    const outputDir = join(media.dir, 'hls-portrait');
    const result = await encodeHls(media.portrait, [], { outputDir, preset: 'ultrafast' });
    assert.equal(result.renditions.length, 1);
    assert.deepEqual([result.renditions[0]!.width, result.renditions[0]!.height], [180, 320]);
    const master = readMaster(await readFile(result.masterPath, 'utf8'));
    assert.match(master[0]!.attributes.CODECS!, /^avc1\.[0-9A-F]{6}$/);
  });

  it('refuses what HLS cannot carry, and bad input, with a 400', async () => {
    const outputDir = join(media.dir, 'hls-bad');
    for (const [input, transformation, profile] of [
      [media.landscape, 'vc_vp9', 'auto'],
      [media.landscape, '', 'cinema'],
      [media.notVideo, '', 'auto'],
      [media.corrupt, '', 'auto'],
    ] as const) {
      const error = await rejection(
        encodeHls(input, transformation ? parseTransformation(transformation) : [], { outputDir, profile }),
      );
      assert.instanceOf(error, VideoRenderError, `${transformation} ${profile}`);
      assert.equal((error as VideoRenderError).status, 400);
    }
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const running = encodeHls(media.landscape, [], {
      outputDir: join(media.dir, 'hls-abort'),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 100);
    assert.equal(await rejection(running), reason);
  });
});
