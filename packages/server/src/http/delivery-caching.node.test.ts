/**
 * HTTP caching of delivery responses over real HTTP: the derived cache (a second request is not
 * rendered again), validators, ranges, cache lifetimes, Vary, and the render limits (one render for
 * 20 concurrent requests, 503 + Retry-After past the queue).
 */
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { get, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import { startTestServer, TEST_KEY, TEST_SECRET, type TestServer } from '../testing/test-server.js';

describe('delivery: caching', () => {
  let server: TestServer;
  let version: number;
  let original: Buffer;
  const at = (path: string) => `${server.url}/demo/image/upload/${path}`;

  before(async () => {
    server = await startTestServer({ KUMO_UNVERSIONED_MAX_AGE: '120' });
    original = await makePhoto();
    version = Number(
      (await uploadAsset(server, original, { public_id: 'photo', filename: 'p.jpg' })).version,
    );
  });
  after(() => server.close());

  it('serves the original bytes with its type, length and a strong ETag', async () => {
    const response = await get(at('photo.jpg'));
    assert.equal(response.status, 200);
    assert.isTrue(response.body.equals(original));
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.equal(response.headers.get('content-length'), String(original.length));
    assert.match(response.headers.get('etag') ?? '', /^"[^"]+"$/);
    assert.equal(response.headers.get('x-kumo-render'), 'original');
    assert.isNull(response.headers.get('set-cookie'));
  });

  it('renders a derived asset once, then serves it from derived storage', async () => {
    const first = await get(at('c_fill,w_120,h_80/photo.png'));
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-kumo-render'), 'render');
    // The rendering is answered before it is stored; until then later requests share the bytes.
    let second = await get(at('c_fill,w_120,h_80/photo.png'));
    for (let i = 0; i < 100 && second.headers.get('x-kumo-render') === 'shared'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      second = await get(at('c_fill,w_120,h_80/photo.png'));
    }
    assert.equal(second.headers.get('x-kumo-render'), 'cache');
    const third = await get(at('c_fill,w_120,h_80/photo.png'));
    assert.equal(third.headers.get('x-kumo-render'), 'memory', 'small derived assets stay in memory');
    assert.isTrue(third.body.equals(first.body));
    assert.isTrue(first.body.equals(second.body));
    assert.equal(first.headers.get('etag'), second.headers.get('etag'));
    assert.equal(second.headers.get('content-length'), String(second.body.length));
    const meta = await sharp(second.body).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [120, 80, 'png']);
  });

  it('answers 304 to a matching If-None-Match and 200 to another', async () => {
    const { headers } = await get(at('w_90/photo.jpg'));
    const etag = headers.get('etag')!;
    const cached = await get(at('w_90/photo.jpg'), { 'if-none-match': etag });
    assert.equal(cached.status, 304);
    assert.equal(cached.body.length, 0);
    assert.equal(cached.headers.get('etag'), etag);
    const other = await get(at('w_90/photo.jpg'), { 'if-none-match': '"something-else"' });
    assert.equal(other.status, 200);
  });

  it('serves byte ranges of originals and derived assets', async () => {
    const part = await get(at('photo.jpg'), { range: 'bytes=10-19' });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 10-19/${original.length}`);
    assert.isTrue(part.body.equals(original.subarray(10, 20)));
    const tail = await get(at('photo.jpg'), { range: 'bytes=-5' });
    assert.isTrue(tail.body.equals(original.subarray(original.length - 5)));
    const whole = (await get(at('w_70/photo.webp'))).body;
    const derived = await get(at('w_70/photo.webp'), { range: 'bytes=4-' });
    assert.equal(derived.status, 206);
    assert.isTrue(derived.body.equals(whole.subarray(4)));
    const beyond = await get(at('photo.jpg'), { range: `bytes=${original.length + 10}-` });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${original.length}`);
    const several = await get(at('photo.jpg'), { range: 'bytes=0-1,5-6' });
    assert.equal(several.status, 200, 'several ranges are answered with the whole body');
    assert.equal(several.body.length, original.length);
    const stale = await get(at('photo.jpg'), { range: 'bytes=0-1', 'if-range': '"old"' });
    assert.equal(stale.status, 200, 'If-Range with another ETag gets the whole body');
  });

  it('marks versioned URLs immutable for a year and unversioned ones with the configured max-age', async () => {
    const versioned = await get(at(`w_60/v${version}/photo.jpg`));
    assert.equal(versioned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const unversioned = await get(at('w_60/photo.jpg'));
    assert.equal(unversioned.headers.get('cache-control'), 'public, max-age=120');
    const originalVersioned = await get(at(`v${version}/photo.jpg`));
    assert.equal(originalVersioned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('varies f_auto by Accept, and asks for client hints', async () => {
    const avif = await get(at('f_auto,w_50/photo'), { accept: 'image/avif,image/webp,*/*' });
    const webp = await get(at('f_auto,w_50/photo'), { accept: 'image/webp,*/*' });
    const plain = await get(at('f_auto,w_50/photo'), { accept: '*/*' });
    assert.equal(avif.headers.get('content-type'), 'image/avif');
    assert.equal(webp.headers.get('content-type'), 'image/webp');
    assert.equal(plain.headers.get('content-type'), 'image/jpeg');
    for (const response of [avif, webp, plain]) assert.equal(response.headers.get('vary'), 'Accept');
    assert.notEqual(avif.headers.get('etag'), webp.headers.get('etag'));
    const again = await get(at('f_auto,w_50/photo'), { accept: 'image/webp,*/*' });
    assert.oneOf(again.headers.get('x-kumo-render'), ['cache', 'shared']);
    assert.equal(again.headers.get('content-type'), 'image/webp');
    assert.isNull((await get(at('w_50/photo.jpg'))).headers.get('vary'));
    assert.include(plain.headers.get('accept-ch') ?? '', 'Sec-CH-DPR');
  });

  it('uses the DPR hint for dpr_auto and says so in Vary', async () => {
    const one = await get(at('dpr_auto,w_100/photo.png'));
    const two = await get(at('dpr_auto,w_100/photo.png'), { 'sec-ch-dpr': '2' });
    assert.equal((await sharp(one.body).metadata()).width, 100);
    assert.equal((await sharp(two.body).metadata()).width, 200);
    assert.include(two.headers.get('vary') ?? '', 'DPR');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(at('w_80/photo.jpg'), {}, 'HEAD');
    const full = await get(at('w_80/photo.jpg'));
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers.get('content-length'), String(full.body.length));
    assert.equal(head.headers.get('etag'), full.headers.get('etag'));
  });

  it('sends Content-Disposition for fl_attachment', async () => {
    const plain = await get(at('fl_attachment,w_40/photo.jpg'));
    assert.match(plain.headers.get('content-disposition') ?? '', /^attachment; filename="photo\.jpg"/);
    const named = await get(at('fl_attachment:holiday,w_40/photo.jpg'));
    assert.match(named.headers.get('content-disposition') ?? '', /^attachment; filename="holiday\.jpg"/);
  });

  it('renders 20 concurrent requests for a new derived asset once', async () => {
    const url = at('c_fill,w_333,h_222,e_sepia/photo.webp');
    const responses = await Promise.all(Array.from({ length: 20 }, () => get(url)));
    const sources = responses.map((response) => response.headers.get('x-kumo-render'));
    assert.equal(sources.filter((source) => source === 'render').length, 1, sources.join(','));
    for (const response of responses) {
      assert.equal(response.status, 200);
      assert.isTrue(response.body.equals(responses[0]!.body));
    }
    const auth = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
    let count = 0;
    for (let i = 0; i < 100 && count === 0; i++) {
      const resource = await fetch(`${server.url}/v1_1/demo/resources/image/upload/photo`, {
        headers: { authorization: auth },
      });
      const { derived } = (await resource.json()) as { derived: { transformation: string }[] };
      count = derived.filter((entry) => entry.transformation === 'c_fill,e_sepia,h_222,w_333').length;
      if (!count) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(count, 1, 'stored once');
  });
});

describe('delivery: render queue limit', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ KUMO_RENDER_CONCURRENCY: '1', KUMO_RENDER_QUEUE: '1' });
    await uploadAsset(server, await makePhoto(1600, 1200), { public_id: 'big', filename: 'big.jpg' });
  });
  after(() => server.close());

  it('answers 503 with Retry-After past the queue and keeps serving', async () => {
    const urls = Array.from(
      { length: 8 },
      (_, i) => `${server.url}/demo/image/upload/e_blur:${1500 + i},w_${1000 + i}/big.png`,
    );
    const responses = await Promise.all(urls.map((url) => get(url)));
    const statuses = responses.map((response) => response.status);
    const busy = responses.filter((response) => response.status === 503);
    assert.isAtLeast(busy.length, 1, statuses.join(','));
    assert.isAtLeast(statuses.filter((status) => status === 200).length, 2, statuses.join(','));
    assert.deepEqual([...new Set(statuses)].sort(), [200, 503]);
    for (const response of busy) {
      assert.isAtLeast(Number(response.headers.get('retry-after')), 1);
      assert.include(response.headers.get('x-kumo-error') ?? '', 'Too many renders');
    }
    assert.equal((await get(urls[7]!)).status, 200);
  });
});
