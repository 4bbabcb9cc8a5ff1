/**
 * Video delivery over real HTTP (needs ffmpeg/ffprobe): transcodes, audio extraction, poster
 * frames, storyboards and HLS. Outputs are checked with ffprobe run directly (not through Kumo).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assert } from 'chai';
import sharp from 'sharp';
import { makeSyntheticVideo } from '../render/video/index.js';
import { get, uploadAsset } from '../testing/delivery-fixtures.js';
import { startTestServer, TEST_KEY, TEST_SECRET, type TestServer } from '../testing/test-server.js';

const execFileAsync = promisify(execFile);

interface Probe {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
  format: { format_name: string; duration?: string };
}

async function ffprobe(target: string): Promise<Probe> {
  const { stdout } = await execFileAsync('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    target,
  ]);
  return JSON.parse(stdout) as Probe;
}

describe('delivery: video', () => {
  let server: TestServer;
  let dir: string;
  let version: number;
  const at = (rest: string) => `${server.url}/demo/video/upload/${rest}`;

  async function probeBody(body: Buffer, extension: string): Promise<Probe> {
    const file = path.join(dir, `probe-${Math.random().toString(16).slice(2)}.${extension}`);
    await fs.writeFile(file, body);
    return ffprobe(file);
  }

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-video-'));
    const source = path.join(dir, 'clip.mp4');
    await makeSyntheticVideo(source, { duration: 8, width: 640, height: 360 });
    server = await startTestServer();
    const uploaded = await uploadAsset(
      server,
      await fs.readFile(source),
      { public_id: 'clip', filename: 'clip.mp4' },
      'video',
    );
    version = Number(uploaded.version);
  });
  after(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves the original with Range support for seeking', async () => {
    const whole = await get(at('clip.mp4'));
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-type'), 'video/mp4');
    const part = await get(at('clip.mp4'), { range: 'bytes=100-199' });
    assert.equal(part.status, 206);
    assert.isTrue(part.body.equals(whole.body.subarray(100, 200)));
  });

  it('transcodes to WebM with a resize, served with Range from derived storage', async () => {
    const response = await get(at('c_scale,w_320/clip.webm'));
    assert.equal(response.status, 200, response.headers.get('x-kumo-error') ?? '');
    assert.equal(response.headers.get('content-type'), 'video/webm');
    const probe = await probeBody(response.body, 'webm');
    const video = probe.streams.find((stream) => stream.codec_type === 'video')!;
    assert.deepEqual([video.codec_name, video.width, video.height], ['vp9', 320, 180]);
    const part = await get(at('c_scale,w_320/clip.webm'), { range: 'bytes=0-99' });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('x-kumo-render'), 'cache');
    assert.isTrue(part.body.equals(response.body.subarray(0, 100)));
  });

  it('trims and extracts audio to MP3', async () => {
    const response = await get(at('so_1,eo_3/clip.mp3'));
    assert.equal(response.status, 200, response.headers.get('x-kumo-error') ?? '');
    assert.equal(response.headers.get('content-type'), 'audio/mpeg');
    const probe = await probeBody(response.body, 'mp3');
    assert.deepEqual(
      probe.streams.map((stream) => stream.codec_type),
      ['audio'],
    );
    assert.closeTo(Number(probe.format.duration), 2, 0.2);
  });

  it('renders a poster frame with image transformations', async () => {
    const response = await get(at('so_2,c_fill,w_200,h_200,e_grayscale/clip.png'));
    assert.equal(response.status, 200, response.headers.get('x-kumo-error') ?? '');
    const meta = await sharp(response.body).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [200, 200, 'png']);
  });

  it('makes a storyboard sprite and its WebVTT', async () => {
    const vtt = await get(at('e_storyboard:4:8,w_80/clip.vtt'));
    assert.equal(vtt.status, 200, vtt.headers.get('x-kumo-error') ?? '');
    assert.match(vtt.headers.get('content-type') ?? '', /^text\/vtt/);
    const text = vtt.body.toString();
    assert.match(text, /^WEBVTT/);
    assert.equal(text.match(/clip\.jpg#xywh=\d+,\d+,80,45/g)?.length, 8);
    const sprite = await get(at('e_storyboard:4:8,w_80/clip.jpg'));
    assert.equal(sprite.headers.get('x-kumo-render'), 'cache', 'stored with the VTT');
    const meta = await sharp(sprite.body).metadata();
    assert.deepEqual([meta.width, meta.height], [320, 90]);
  });

  it('streams HLS: master, rendition playlists and segments that validate with ffprobe', async () => {
    const masterUrl = at(`sp_auto/v${version}/clip.m3u8`);
    const master = await get(masterUrl);
    assert.equal(master.status, 200, master.headers.get('x-kumo-error') ?? '');
    assert.equal(master.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.match(master.body.toString(), /^#EXTM3U/);
    // Wait for the whole ladder: the master becomes immutable once every rendition is stored.
    let complete = master;
    for (let i = 0; i < 600 && !complete.headers.get('cache-control')?.includes('immutable'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      complete = await get(masterUrl);
    }
    assert.include(complete.headers.get('cache-control') ?? '', 'immutable');
    const renditions = complete.body
      .toString()
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    assert.deepEqual(renditions, ['clip.360p.m3u8', 'clip.240p.m3u8'].reverse());
    const masterProbe = await ffprobe(masterUrl);
    assert.isAtLeast(masterProbe.streams.filter((stream) => stream.codec_type === 'video').length, 2);
    for (const rendition of renditions) {
      const playlist = await get(new URL(rendition, masterUrl).href);
      assert.equal(playlist.status, 200);
      const segments = playlist.body
        .toString()
        .split('\n')
        .filter((line) => line && !line.startsWith('#'));
      assert.isAtLeast(segments.length, 2);
      const segment = await get(new URL(segments[0]!, new URL(rendition, masterUrl)).href);
      assert.equal(segment.status, 200);
      assert.equal(segment.headers.get('content-type'), 'video/mp2t');
      assert.include(segment.headers.get('cache-control') ?? '', 'immutable');
      const probe = await probeBody(segment.body, 'ts');
      const video = probe.streams.find((stream) => stream.codec_type === 'video')!;
      assert.equal(video.codec_name, 'h264');
      assert.equal(video.height, Number(rendition.match(/(\d+)p/)![1]));
      assert.isTrue(probe.streams.some((stream) => stream.codec_type === 'audio'));
    }
    const auth = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
    const resource = await fetch(`${server.url}/v1_1/demo/resources/video/upload/clip`, {
      headers: { authorization: auth },
    });
    const derived = ((await resource.json()) as { derived: { url: string }[] }).derived;
    assert.isTrue(derived.some((entry) => entry.url.endsWith('/clip.240p_0000.ts')));
  });

  it('refuses .vtt without a storyboard and HLS without a profile', async () => {
    assert.equal((await get(at('w_100/clip.vtt'))).status, 400);
    const noProfile = await get(at('clip.m3u8'));
    assert.equal(noProfile.status, 400);
    assert.include(noProfile.headers.get('x-kumo-error') ?? '', 'streaming profile');
  });
});
