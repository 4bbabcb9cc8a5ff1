/**
 * Bad input over real HTTP: thousands of mutated transformation strings and delivery paths. Every
 * answer must be 200, 400 or 404 (never a 500 or a dropped connection), errors must say why in
 * `X-Kumo-Error`, and the server must still answer afterwards.
 */
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { inParallel, makeLogo, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import { seededRandom as random } from '../testing/seeded-random.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const SEEDS = [
  'c_fill,g_auto,h_30,w_40',
  'c_pad,b_red,h_50,w_50/r_max',
  'e_grayscale/f_auto/q_auto:eco',
  'a_90,c_crop,x_5,y_5,w_20,h_10',
  'l_logo/c_scale,w_10/fl_layer_apply,g_north_east,x_2,y_2',
  'l_text:Arial_12_bold:Hi%20there,co_rgb:ff0000',
  'if_w_gt_20,w_10/if_end',
  '$size_20/w_$size,c_scale',
  'dpr_2.0,w_0.5',
  'e_tint:40:blue:red,bo_2px_solid_blue',
  'fl_attachment:name,q_60',
  'ar_16:9,c_fill,w_30',
  'e_blur:300,o_50,b_auto',
  'pg_1,dn_72,e_sepia:50',
  't_missing',
];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789_,:/.$!%-~ ()[]*?&=+#é\u0000\u00ff\u2603';

function mutate(text: string, next: () => number): string {
  let result = text;
  const rounds = 1 + Math.floor(next() * 4);
  for (let i = 0; i < rounds; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const char = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    switch (Math.floor(next() * 7)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + 1);
        break;
      case 1:
        result = result.slice(0, at) + char + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + char + result.slice(at + 1);
        break;
      case 3:
        result = result.replace(/\d+/, String(Math.floor(next() * 1e9) - 5e8));
        break;
      case 4:
        result = `${result},${result.split(',')[0]}`;
        break;
      case 5:
        result = result.split('/').reverse().join('/');
        break;
      default:
        result = result + SEEDS[Math.floor(next() * SEEDS.length)]!.slice(0, Math.floor(next() * 12));
    }
  }
  return result;
}

function encodePath(text: string): string {
  // Keep the structure (slashes) but send every other byte as a URL can carry it.
  return text
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%3A/g, ':'))
    .join('/');
}

describe('delivery: fuzzed URLs', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ KUMO_MAX_OUTPUT_PIXELS: '2000000' });
    await uploadAsset(server, await makePhoto(48, 36), { public_id: 'photo', filename: 'p.jpg' });
    await uploadAsset(server, await makeLogo(), { public_id: 'logo', filename: 'l.png' });
  });
  after(() => server.close());

  it('refuses outputs past KUMO_MAX_OUTPUT_PIXELS with a 400 that says so', async () => {
    const response = await fetch(`${server.url}/demo/image/upload/c_scale,h_2000,w_2000/photo.png`);
    assert.equal(response.status, 400);
    assert.match(response.headers.get('x-kumo-error') ?? '', /limit/i);
    const small = await fetch(`${server.url}/demo/image/upload/c_scale,h_1000,w_1000/photo.png`);
    assert.equal(small.status, 200);
  });

  it('answers 2500 mutated transformations and paths with 200, 400 or 404 only', async () => {
    const next = random(9001);
    const paths: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const transformation = encodePath(mutate(SEEDS[i % SEEDS.length]!, next));
      const extension = ['jpg', 'png', 'webp', 'gif', 'avif', '', 'bmp', 'xyz'][i % 8];
      paths.push(`/demo/image/upload/${transformation}/photo${extension ? `.${extension}` : ''}`);
    }
    for (let i = 0; i < 500; i++) {
      // Raw (not re-encoded) tails: stray `%`, `..`, empty segments, odd versions and extensions.
      const tail = mutate('w_20/v12/folder/photo.jpg', next).replace(/s--/g, 's-');
      paths.push(`/demo/image/upload/${encodeURI(tail).replace(/%25/g, '%')}`);
    }
    assert.isAtLeast(paths.length, 2400);
    const unexpected: string[] = [];
    const statuses = new Map<number, number>();
    await inParallel(paths, 8, async (path) => {
      let status: number;
      let reason: string | null = null;
      try {
        const response = await fetch(server.url + path);
        status = response.status;
        reason = response.headers.get('x-kumo-error');
        await response.arrayBuffer();
      } catch (error) {
        unexpected.push(`${path}: ${(error as Error).message}`);
        return;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (![200, 400, 404].includes(status)) unexpected.push(`${path}: ${status} ${reason}`);
      else if (status !== 200 && !reason && !path.startsWith('/demo/image/upload//'))
        unexpected.push(`${path}: ${status} without X-Kumo-Error`);
    });
    assert.deepEqual(unexpected.slice(0, 20), []);
    assert.isAbove(statuses.get(200) ?? 0, 100, JSON.stringify([...statuses]));
    assert.isAbove(statuses.get(400) ?? 0, 100, JSON.stringify([...statuses]));
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
  });
});
