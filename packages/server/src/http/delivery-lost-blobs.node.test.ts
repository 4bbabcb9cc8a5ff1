/**
 * Delivery when stored files are gone (deleted by hand, lost by a bucket, restored from an older
 * backup), over real HTTP: a derived asset whose blob is missing is rendered again from the original,
 * stored and served; a missing original is a 404 with a JSON message, never a 500.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assert } from 'chai';
import sharp from 'sharp';
import { openBackends } from '../backends.js';
import { makeSyntheticVideo } from '../render/video/index.js';
import { checkConsistency } from '../services/consistency-check.js';
import { get, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import { startTestServer, TEST_KEY, TEST_SECRET, type TestServer } from '../testing/test-server.js';

const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

interface DerivedEntry {
  id: string;
  transformation: string;
  format: string;
  url: string;
}

/** The derived assets the Admin API lists for a resource. */
async function derivedOf(
  server: TestServer,
  resourceType: string,
  publicId: string,
): Promise<DerivedEntry[]> {
  const response = await fetch(`${server.url}/v1_1/demo/resources/${resourceType}/upload/${publicId}`, {
    headers: { authorization: AUTH },
  });
  return ((await response.json()) as { derived: DerivedEntry[] }).derived;
}

/** Waits until the Admin API lists a derived asset (it is stored after the response). */
async function storedDerived(
  server: TestServer,
  resourceType: string,
  publicId: string,
  matches: (entry: DerivedEntry) => boolean,
): Promise<DerivedEntry> {
  for (let i = 0; i < 200; i++) {
    const entry = (await derivedOf(server, resourceType, publicId)).find(matches);
    if (entry) return entry;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no stored derived asset of ${publicId}`);
}

/** Files below a folder of the data dir, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The blob file of a derived asset: storage keys end in `<seconds>-<derived id>`. */
async function derivedBlob(server: TestServer, derivedId: string): Promise<string | undefined> {
  const files = await filesUnder(path.join(server.dataDir, 'blobs', 'derived'));
  return files.find((file) => file.endsWith(`-${derivedId}`));
}

/** The blob file of an original (every blob outside `derived/` whose key names its asset). */
async function originalBlob(server: TestServer, assetId: string): Promise<string> {
  const files = await filesUnder(path.join(server.dataDir, 'blobs'));
  const derivedDir = path.join(server.dataDir, 'blobs', 'derived') + path.sep;
  const owned = files.filter((file) => !file.startsWith(derivedDir));
  const found = owned.filter((file) => file.includes(assetId));
  assert.lengthOf(found, 1, `one original blob for ${assetId} in ${owned.join(', ')}`);
  return found[0]!;
}

function errorMessage(body: Buffer): string {
  return (JSON.parse(body.toString()) as { error: { message: string } }).error.message;
}

describe('delivery: lost blobs', () => {
  let server: TestServer;
  const at = (rest: string) => `${server.url}/demo/image/upload/${rest}`;

  before(async () => {
    server = await startTestServer();
    await uploadAsset(server, await makePhoto(), { public_id: 'photo', filename: 'p.jpg' });
  });
  after(() => server.close());

  it('renders a derived image again when its blob is missing, stores it and serves it', async () => {
    const first = await get(at('c_fill,w_120,h_80/photo.png'));
    assert.equal(first.status, 200);
    const entry = await storedDerived(
      server,
      'image',
      'photo',
      (e) => e.transformation === 'c_fill,h_80,w_120',
    );
    const blob = await derivedBlob(server, entry.id);
    assert.isDefined(blob);
    await fs.rm(blob!);

    const again = await get(at('c_fill,w_120,h_80/photo.png'));
    assert.equal(again.status, 200, again.body.toString());
    assert.equal(again.headers.get('x-kumo-render'), 'render');
    const meta = await sharp(again.body).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [120, 80, 'png']);
    assert.isTrue(again.body.equals(first.body), 'the same rendering');
    assert.equal(again.headers.get('etag'), first.headers.get('etag'));

    const restored = await storedDerived(server, 'image', 'photo', (e) => e.id === entry.id);
    let file: string | undefined;
    for (let i = 0; i < 200 && !file; i++) {
      file = await derivedBlob(server, restored.id);
      if (!file) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.isDefined(file, 'the rendering is stored again');
    assert.isTrue((await fs.readFile(file!)).equals(first.body));
    const cached = await get(at('c_fill,w_120,h_80/photo.png'));
    assert.equal(cached.status, 200);
    assert.include(['cache', 'memory'], cached.headers.get('x-kumo-render'));
  });

  it('renders a large derived image again when its blob goes missing, also for a range', async () => {
    // Random pixels keep the PNG above the 512 KiB the hot cache holds, so the route opens the blob.
    const noise = await sharp(randomBytes(600 * 500 * 3), { raw: { width: 600, height: 500, channels: 3 } })
      .png()
      .toBuffer();
    await uploadAsset(server, noise, { public_id: 'noise', filename: 'n.png' });
    const url = at('w_580/noise.png');
    const first = await get(url);
    assert.equal(first.status, 200);
    assert.isAbove(first.body.length, 512 * 1024);
    const entry = await storedDerived(server, 'image', 'noise', (e) => e.transformation === 'w_580');
    const stored = await get(url);
    assert.equal(stored.headers.get('x-kumo-render'), 'cache');
    await fs.rm((await derivedBlob(server, entry.id))!);

    const ranged = await get(url, { range: 'bytes=0-99' });
    assert.equal(ranged.status, 206, ranged.body.toString());
    assert.equal(ranged.headers.get('x-kumo-render'), 'render');
    assert.isTrue(ranged.body.equals(first.body.subarray(0, 100)));
    await storedDerived(server, 'image', 'noise', (e) => e.id === entry.id);
    let whole = await get(url);
    for (let i = 0; i < 100 && whole.headers.get('x-kumo-render') !== 'cache'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      whole = await get(url);
    }
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('x-kumo-render'), 'cache');
    const meta = await sharp(whole.body).metadata();
    assert.deepEqual([meta.width, meta.height], [580, 483]);
  });

  it('answers 404 with a JSON message when the original is missing too', async () => {
    const uploaded = await uploadAsset(server, await makePhoto(200, 100), {
      public_id: 'gone',
      filename: 'g.jpg',
    });
    assert.equal((await get(at('w_50/gone.jpg'))).status, 200);
    const entry = await storedDerived(server, 'image', 'gone', (e) => e.transformation === 'w_50');
    await fs.rm((await derivedBlob(server, entry.id))!);
    await fs.rm(await originalBlob(server, String(uploaded.asset_id)));

    for (const rest of ['w_50/gone.jpg', 'w_60/gone.jpg', 'gone.jpg']) {
      const response = await get(at(rest));
      assert.equal(response.status, 404, rest);
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(errorMessage(response.body), 'The original file of gone is missing from storage');
      assert.equal(response.headers.get('x-kumo-error'), 'The original file of gone is missing from storage');
    }
  });
});

describe('delivery: lost blobs with strict transformations', () => {
  let server: TestServer;
  const at = (rest: string) => `${server.url}/demo/image/upload/${rest}`;

  before(async () => {
    server = await startTestServer({ KUMO_STRICT_TRANSFORMATIONS: 'demo' });
    await uploadAsset(server, await makePhoto(), {
      public_id: 'photo',
      filename: 'p.jpg',
      eager: 'w_77,c_scale',
    });
  });
  after(() => server.close());

  it('renders a lost eager rendering again for an unsigned URL, and still refuses new ones', async () => {
    const entry = await storedDerived(server, 'image', 'photo', (e) => e.transformation === 'c_scale,w_77');
    await fs.rm((await derivedBlob(server, entry.id))!);
    const again = await get(at('c_scale,w_77/photo.jpg'));
    assert.equal(again.status, 200, again.body.toString());
    assert.equal(again.headers.get('x-kumo-render'), 'render');
    assert.equal((await sharp(again.body).metadata()).width, 77);
    assert.equal((await get(at('c_scale,w_78/photo.jpg'))).status, 401);
  });
});

describe('delivery: lost HLS and storyboard blobs', () => {
  let server: TestServer;
  let dir: string;
  let ffmpeg = true;
  // Segments requested so far: this process may hold them in memory, where a lost blob goes unnoticed.
  const requested = new Set<string>();
  const at = (rest: string) => `${server.url}/demo/video/upload/${rest}`;

  before(async () => {
    try {
      await promisify(execFile)('ffmpeg', ['-version']);
    } catch {
      ffmpeg = false;
      return;
    }
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-lost-video-'));
    const source = path.join(dir, 'clip.mp4');
    // One rendition (240p) of two 4-second segments, so two tests can each lose their own.
    await makeSyntheticVideo(source, { duration: 6, width: 426, height: 240 });
    server = await startTestServer();
    await uploadAsset(
      server,
      await fs.readFile(source),
      { public_id: 'clip', filename: 'clip.mp4' },
      'video',
    );
  });
  after(async () => {
    if (!ffmpeg) return;
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('encodes the ladder again when a segment or rendition playlist blob is missing', async (context) => {
    if (!ffmpeg) return context.skip('ffmpeg is not installed');
    const masterUrl = at('sp_auto/clip.m3u8');
    assert.equal((await get(masterUrl)).status, 200);
    // The whole ladder is stored once the master is; its files are not requested before their blobs
    // go, so that none is served from this process's memory.
    await storedDerived(server, 'video', 'clip', (e) => e.url.endsWith('/clip.m3u8'));
    const derived = await derivedOf(server, 'video', 'clip');
    const playlist = derived.find((e) => /\/clip\.\d+p\.m3u8$/.test(e.url))!;
    const segment = derived.find((e) => /\/clip\.\d+p_\d+\.ts$/.test(e.url))!;
    const playlistUrl = new URL(playlist.url.slice(playlist.url.lastIndexOf('/') + 1), masterUrl).href;
    const segmentUrl = new URL(segment.url.slice(segment.url.lastIndexOf('/') + 1), masterUrl).href;
    for (const entry of [playlist, segment]) await fs.rm((await derivedBlob(server, entry.id))!);

    const playlistAgain = await get(playlistUrl);
    assert.equal(playlistAgain.status, 200, playlistAgain.body.toString());
    assert.equal(playlistAgain.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.match(playlistAgain.body.toString(), /^#EXTM3U/);
    requested.add(segment.url);
    const segmentAgain = await get(segmentUrl);
    assert.equal(segmentAgain.status, 200, segmentAgain.body.toString());
    assert.equal(segmentAgain.headers.get('content-type'), 'video/mp2t');
    assert.equal(segmentAgain.body[0], 0x47, 'an MPEG-TS packet');
    const entries = await derivedOf(server, 'video', 'clip');
    for (const old of [playlist, segment]) {
      const entry = entries.find((e) => e.url === old.url);
      assert.isDefined(entry, `${old.url} is listed again`);
      assert.isDefined(await derivedBlob(server, entry!.id), `${old.url} is stored again`);
    }
  });

  it('makes a segment again after fsck --repair removed its row, once the master is requested', async (context) => {
    if (!ffmpeg) return context.skip('ffmpeg is not installed');
    const masterUrl = at('sp_auto/clip.m3u8');
    const derived = await derivedOf(server, 'video', 'clip');
    const segment = derived.find((e) => /\/clip\.\d+p_\d+\.ts$/.test(e.url) && !requested.has(e.url))!;
    const segmentUrl = new URL(segment.url.slice(segment.url.lastIndexOf('/') + 1), masterUrl).href;
    await fs.rm((await derivedBlob(server, segment.id))!);

    const backends = await openBackends(server.config);
    try {
      const report = await checkConsistency(backends.assets, backends.storage, {
        derived: backends.derived,
        removeBrokenDerived: true,
      });
      assert.deepEqual(
        report.brokenDerived.map((entry) => [entry.id, entry.problem]),
        [[segment.id, 'blob missing']],
      );
      assert.equal(report.removedDerived, 1);
    } finally {
      await backends.close();
    }
    assert.isFalse((await derivedOf(server, 'video', 'clip')).some((e) => e.url.endsWith('/clip.m3u8')));
    assert.equal((await get(segmentUrl)).status, 404, 'no row and no master request yet');

    assert.equal((await get(masterUrl)).status, 200);
    await storedDerived(server, 'video', 'clip', (e) => e.url.endsWith('/clip.m3u8'));
    const again = await get(segmentUrl);
    assert.equal(again.status, 200, again.body.toString());
    assert.equal(again.headers.get('content-type'), 'video/mp2t');
    assert.equal(again.body[0], 0x47, 'an MPEG-TS packet');
  });

  it('renders a storyboard sprite again when its blob is missing', async (context) => {
    if (!ffmpeg) return context.skip('ffmpeg is not installed');
    const url = at('e_storyboard:2:4,w_60/clip.jpg');
    const first = await get(url);
    assert.equal(first.status, 200);
    const entry = await storedDerived(server, 'video', 'clip', (e) =>
      e.transformation.includes('storyboard'),
    );
    await fs.rm((await derivedBlob(server, entry.id))!);
    const again = await get(url);
    assert.equal(again.status, 200, again.body.toString());
    assert.equal(again.headers.get('x-kumo-render'), 'render');
    const [a, b] = await Promise.all([sharp(first.body).metadata(), sharp(again.body).metadata()]);
    assert.deepEqual([b.width, b.height], [a.width, a.height]);
  });
});
