// Admin API listings and folder operations beyond the basics: resources by context, folder rename
// and search, and the streaming profiles, against a real server with a real SQLite catalog.
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { hlsLadder } from '../render/video/index.js';
import { makePng } from '../testing/fixtures.js';
import {
  postForm,
  signed,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const basic = { authorization: `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}` };

describe('Admin API: context listing, folders, streaming profiles', () => {
  let server: TestServer;
  let png: Buffer;

  async function admin(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}${path}`, {
      method,
      headers: { ...basic, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function upload(publicId: string, extra: Record<string, string> = {}) {
    const { status, body } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: publicId, ...extra }),
      { bytes: png, filename: 'p.png' },
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
    return body;
  }

  const ids = (body: Record<string, unknown>) =>
    (body.resources as { public_id: string }[]).map((resource) => resource.public_id).sort();

  before(async () => {
    server = await startTestServer();
    png = await makePng(8, 8);
  });
  after(async () => server.close());

  describe('resources by context', () => {
    before(async () => {
      await upload('ctx/red', { context: 'color=red|size=big' });
      await upload('ctx/blue', { context: 'color=blue' });
      await upload('ctx/plain');
      await upload('ctx/tricky', { context: 'note=a\\=b\\|c' });
    });

    it('lists assets that have a context key, or that key with a value', async () => {
      const byKey = await admin('GET', '/resources/image/context?key=color');
      assert.strictEqual(byKey.status, 200, JSON.stringify(byKey.body));
      assert.deepEqual(ids(byKey.body), ['ctx/blue', 'ctx/red']);
      const byValue = await admin('GET', '/resources/image/context?key=color&value=red&context=true');
      assert.deepEqual(ids(byValue.body), ['ctx/red']);
      const [red] = byValue.body.resources as { context: unknown }[];
      assert.deepEqual(red?.context, { custom: { color: 'red', size: 'big' } });
      const escaped = await admin(
        'GET',
        `/resources/image/context?key=note&value=${encodeURIComponent('a=b|c')}`,
      );
      assert.deepEqual(ids(escaped.body), ['ctx/tricky']);
      assert.deepEqual(
        (await admin('GET', '/resources/image/context?key=color&value=green')).body.resources,
        [],
      );
    });

    it('pages a context listing with next_cursor', async () => {
      const first = await admin('GET', '/resources/image/context?key=color&max_results=1');
      assert.lengthOf(first.body.resources as unknown[], 1);
      assert.isString(first.body.next_cursor);
      const second = await admin(
        'GET',
        `/resources/image/context?key=color&max_results=1&next_cursor=${first.body.next_cursor}`,
      );
      assert.lengthOf(second.body.resources as unknown[], 1);
      assert.notProperty(second.body, 'next_cursor');
      assert.deepEqual([...ids(first.body), ...ids(second.body)].sort(), ['ctx/blue', 'ctx/red']);
    });

    it('requires the key', async () => {
      const response = await admin('GET', '/resources/image/context');
      assert.strictEqual(response.status, 400);
      assert.match(JSON.stringify(response.body), /key/);
    });
  });

  describe('folder rename', () => {
    it('moves the folder, its sub-folders and the assets below it, keeping each asset', async () => {
      const before = await upload('albums/2024/beach');
      await upload('albums/2024/trip/hill');
      await upload('albumsX/other');
      const response = await admin('PUT', '/folders/albums/2024', { to_folder: 'archive/old-2024' });
      assert.strictEqual(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(response.body.from, { name: '2024', path: 'albums/2024', external_id: '' });
      assert.deepEqual(response.body.to, { name: 'old-2024', path: 'archive/old-2024', external_id: '' });

      assert.strictEqual((await admin('GET', '/resources/image/upload/albums/2024/beach')).status, 404);
      const moved = await admin('GET', '/resources/image/upload/archive/old-2024/beach');
      assert.strictEqual(moved.status, 200);
      assert.strictEqual(moved.body.asset_id, before.asset_id);
      assert.strictEqual(moved.body.etag, before.etag);
      assert.strictEqual(moved.body.asset_folder, 'archive/old-2024');
      assert.strictEqual(
        (await admin('GET', '/resources/image/upload/archive/old-2024/trip/hill')).status,
        200,
      );
      assert.strictEqual((await admin('GET', '/resources/image/upload/albumsX/other')).status, 200);

      const sub = await admin('GET', '/folders/archive/old-2024');
      assert.deepEqual(
        (sub.body.folders as { path: string }[]).map((folder) => folder.path),
        ['archive/old-2024/trip'],
      );
      const albums = await admin('GET', '/folders/albums');
      assert.deepEqual(albums.body.folders, []);
      assert.strictEqual((await admin('GET', '/folders/albums/2024')).status, 404);
    });

    it('refuses a missing folder, an existing target, a move into itself and a missing to_folder', async () => {
      await upload('left/a');
      await upload('right/b');
      assert.strictEqual((await admin('PUT', '/folders/nowhere', { to_folder: 'x' })).status, 404);
      assert.strictEqual((await admin('PUT', '/folders/left', { to_folder: 'right' })).status, 409);
      assert.strictEqual((await admin('PUT', '/folders/left', { to_folder: 'left/inner' })).status, 400);
      assert.strictEqual((await admin('PUT', '/folders/left', {})).status, 400);
      assert.strictEqual((await admin('PUT', '/folders/left', { to_folder: '../etc' })).status, 400);
      assert.strictEqual((await admin('GET', '/resources/image/upload/left/a')).status, 200);
    });
  });

  describe('folder search', () => {
    before(async () => {
      for (const folder of ['shop/shoes', 'shop/shirts', 'shop/shoes/red', 'misc']) {
        const response = await admin('POST', `/folders/${folder}`);
        assert.oneOf(response.status, [200, 409]);
      }
    });

    it('matches name and path terms with wildcards, sorted and paged', async () => {
      const byName = await admin('POST', '/folders/search', {
        expression: 'name:sh*',
        sort_by: [{ path: 'desc' }],
      });
      assert.strictEqual(byName.status, 200, JSON.stringify(byName.body));
      assert.deepEqual(
        (byName.body.folders as { path: string }[]).map((folder) => folder.path),
        ['shop/shoes', 'shop/shirts', 'shop'],
      );
      assert.strictEqual(byName.body.total_count, 3);
      const byPath = await admin('POST', '/folders/search', { expression: 'path:shop/shoes* AND name=red' });
      assert.deepEqual(
        (byPath.body.folders as { path: string; name: string }[]).map((folder) => [folder.path, folder.name]),
        [['shop/shoes/red', 'red']],
      );
      const page = await admin('POST', '/folders/search', { expression: 'path:shop*', max_results: 2 });
      assert.lengthOf(page.body.folders as unknown[], 2);
      const rest = await admin('POST', '/folders/search', {
        expression: 'path:shop*',
        max_results: 2,
        next_cursor: page.body.next_cursor,
      });
      assert.deepEqual(
        [...(page.body.folders as { path: string }[]), ...(rest.body.folders as { path: string }[])].map(
          (f) => f.path,
        ),
        ['shop', 'shop/shirts', 'shop/shoes', 'shop/shoes/red'],
      );
      assert.notProperty(rest.body, 'next_cursor');
    });

    it('refuses terms it does not support', async () => {
      const response = await admin('POST', '/folders/search', { expression: 'name:a OR name:b' });
      assert.strictEqual(response.status, 400);
      assert.strictEqual((await admin('POST', '/folders/search', { expression: 'tags:x' })).status, 400);
    });
  });

  describe('streaming profiles', () => {
    it('lists the built-in profiles', async () => {
      const response = await admin('GET', '/streaming_profiles');
      assert.strictEqual(response.status, 200);
      const names = (response.body.data as { name: string; predefined: boolean }[]).map(
        (profile) => profile.name,
      );
      for (const name of ['auto', 'full_hd', 'full_hd_wifi', 'full_hd_lean', 'hd', 'hd_lean', 'sd'])
        assert.include(names, name);
      assert.isTrue((response.body.data as { predefined: boolean }[]).every((profile) => profile.predefined));
    });

    it('describes a profile with the renditions the HLS encoder makes for a 16:9 source', async () => {
      for (const name of ['full_hd', 'hd_lean', 'sd']) {
        const response = await admin('GET', `/streaming_profiles/${name}`);
        assert.strictEqual(response.status, 200, name);
        const data = response.body.data as {
          name: string;
          representations: { transformation: { width: number; height: number; bit_rate: string }[] }[];
        };
        assert.strictEqual(data.name, name);
        const encoded = hlsLadder({ width: 3840, height: 2160 }, name);
        assert.deepEqual(
          data.representations.map(({ transformation: [step] }) => [
            step?.width,
            step?.height,
            step?.bit_rate,
          ]),
          encoded.map((rendition) => [
            rendition.width,
            rendition.height,
            `${rendition.videoBitrate / 1000}k`,
          ]),
        );
      }
    });

    it('answers 404 for an unknown profile and refuses changes to the built-in ones', async () => {
      assert.strictEqual((await admin('GET', '/streaming_profiles/ultra')).status, 404);
      assert.strictEqual((await admin('POST', '/streaming_profiles', { name: 'mine' })).status, 400);
      assert.strictEqual((await admin('DELETE', '/streaming_profiles/hd')).status, 400);
    });
  });
});
