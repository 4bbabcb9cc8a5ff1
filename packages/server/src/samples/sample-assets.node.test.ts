/**
 * The sample library a fresh server makes for itself: what it holds, that the test pattern's caption
 * and chapter tracks are WebVTT a browser can load cross-origin, and that it is made only once.
 */
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { get } from '../testing/delivery-fixtures.js';
import {
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';
import { createSampleAssets } from './sample-assets.js';
import { TEST_PATTERN_SECONDS, webVtt } from './sample-text-tracks.js';

const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
const HAS_FFMPEG = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const TRACKS = [
  'samples/videos/test-pattern-captions-en.vtt',
  'samples/videos/test-pattern-captions-fr.vtt',
  'samples/videos/test-pattern-chapters.vtt',
];

async function admin(server: TestServer, route: string) {
  const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/${route}`, {
    headers: { authorization: AUTH },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Start and end seconds of every cue, checking the WebVTT framing on the way. */
function cueTimes(text: string): [number, number][] {
  assert.match(text, /^WEBVTT\n\n/);
  const seconds = (stamp: string) => {
    const [h, m, s] = stamp.split(':').map(Number) as [number, number, number];
    return h * 3600 + m * 60 + s;
  };
  return text
    .trim()
    .split(/\n\n+/)
    .slice(1)
    .map((block) => {
      const lines = block.split('\n');
      const match = /^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(lines[1] ?? '');
      assert.isNotNull(match, `cue timing line in ${JSON.stringify(block)}`);
      assert.isAbove(lines.slice(2).join('').trim().length, 0, 'cue text');
      return [seconds(match![1]!), seconds(match![2]!)];
    });
}

describe('sample assets', () => {
  let server: TestServer;
  let created: number;

  before(async () => {
    server = await startTestServer();
    created = await createSampleAssets({
      baseUrl: server.url,
      cloud: TEST_CLOUD,
      key: { key: TEST_KEY, secret: TEST_SECRET },
      dataDir: server.dataDir,
    });
  });

  after(() => server.close());

  it('creates the images, the spin frames, the CSV, the text tracks and, with ffmpeg, two videos', async () => {
    assert.strictEqual(created, 13 + 24 + 1 + TRACKS.length + (HAS_FFMPEG ? 2 : 0));
    const raw = await admin(server, 'resources/raw/upload?prefix=samples/&max_results=50');
    const ids = (raw.body.resources as { public_id: string }[]).map((r) => r.public_id).sort();
    assert.deepEqual(ids, ['samples/catalog.csv', ...TRACKS]);
  });

  it('makes the test pattern long enough for its chapters', { skip: !HAS_FFMPEG }, async () => {
    const { status, body } = await admin(server, 'resources/video/upload/samples/videos/test-pattern');
    assert.strictEqual(status, 200);
    assert.approximately(Number(body.duration), TEST_PATTERN_SECONDS, 0.2);
  });

  it('tags the text tracks so they can be found, with their kind and language in the context', async () => {
    const { body } = await admin(server, 'resources/raw/tags/text-track?context=true');
    const found = (body.resources as { public_id: string; context?: { custom?: Record<string, string> } }[])
      .map((resource) => [resource.public_id, resource.context?.custom] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    assert.deepEqual(found, [
      [TRACKS[0]!, { kind: 'captions', language: 'en', label: 'English' }],
      [TRACKS[1]!, { kind: 'captions', language: 'fr', label: 'Français' }],
      [TRACKS[2]!, { kind: 'chapters', language: 'en', label: 'Chapters' }],
    ]);
  });

  it('delivers the tracks as text/vtt with CORS open to any origin, cues within the video', async () => {
    const timings: [number, number][][] = [];
    for (const publicId of TRACKS) {
      const response = await get(`${server.url}/${TEST_CLOUD}/raw/upload/v1/${publicId}`, {
        origin: 'https://player.example',
      });
      assert.strictEqual(response.status, 200, publicId);
      assert.strictEqual(response.headers.get('content-type'), 'text/vtt; charset=utf-8');
      assert.strictEqual(response.headers.get('access-control-allow-origin'), '*');
      const cues = cueTimes(response.body.toString('utf8'));
      assert.isAtLeast(cues.length, 3, publicId);
      let previous = 0;
      for (const [start, end] of cues) {
        assert.isAtLeast(start, previous, `${publicId}: cues in order`);
        assert.isAbove(end, start);
        assert.isAtMost(end, TEST_PATTERN_SECONDS);
        previous = end;
      }
      assert.strictEqual(previous, TEST_PATTERN_SECONDS, `${publicId}: the last cue ends with the video`);
      timings.push(cues);
    }
    assert.deepEqual(timings[0], timings[1], 'English and French captions share their timing');
    assert.includeMembers([3, 4], [timings[2]!.length], 'three or four chapters');
  });

  it('answers the CORS preflight a player sends for a track', async () => {
    const response = await fetch(`${server.url}/${TEST_CLOUD}/raw/upload/${TRACKS[0]}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://player.example', 'access-control-request-method': 'GET' },
    });
    assert.strictEqual(response.status, 204);
    assert.strictEqual(response.headers.get('access-control-allow-origin'), '*');
  });

  it('does not make them again once made', async () => {
    const again = await createSampleAssets({
      baseUrl: server.url,
      cloud: TEST_CLOUD,
      key: { key: TEST_KEY, secret: TEST_SECRET },
      dataDir: server.dataDir,
    });
    assert.strictEqual(again, 0);
  });
});

describe('webVtt', () => {
  it('writes hh:mm:ss.ttt timings and numbered cues', () => {
    assert.strictEqual(
      webVtt([
        { start: 0, end: 1.5, text: 'One' },
        { start: 3661.25, end: 3662, text: 'Two' },
      ]),
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nOne\n\n2\n01:01:01.250 --> 01:01:02.000\nTwo\n',
    );
  });
});
