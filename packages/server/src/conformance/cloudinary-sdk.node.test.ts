// Drives the server with the official `cloudinary` SDK, unchanged. The SDK reads CLOUDINARY_URL once,
// when first loaded, so the server starts first and the SDK is imported dynamically afterwards;
// this file runs in its own process (node --test runs each file separately).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makeJpeg, makePng } from '../testing/fixtures.js';
import { type Sdk, type SdkResult, startServerWithSdk } from '../testing/sdk-client.js';
import { TEST_CLOUD, type TestServer } from '../testing/test-server.js';

type Result = SdkResult;
let cloudinary: Sdk;
let server: TestServer;
let origin: http.Server;
let originUrl: string;
let workDir: string;
let remotePng: Buffer;

before(async () => {
  remotePng = await makePng(40, 30);
  origin = http.createServer((request, response) => {
    if (request.url === '/remote.png')
      response.writeHead(200, { 'content-type': 'image/png' }).end(remotePng);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originPort = (origin.address() as AddressInfo).port;
  originUrl = `http://127.0.0.1:${originPort}`;
  ({ server, cloudinary } = await startServerWithSdk({ KUMO_FETCH_ALLOW: `127.0.0.1:${originPort}` }));
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-sdk-'));
});

after(async () => {
  await server?.close();
  await new Promise<void>((resolve) => origin.close(() => resolve()));
  await fs.rm(workDir, { recursive: true, force: true });
});

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

async function expectRejection(promise: Promise<unknown>): Promise<Result> {
  try {
    await promise;
  } catch (error) {
    return error as Result;
  }
  assert.fail('expected the SDK call to fail');
}

describe('official cloudinary SDK against Kumo', () => {
  it('uploads from a path and returns the fields SDK users read', async () => {
    const file = path.join(workDir, 'photo.jpg');
    const jpeg = await makeJpeg(320, 200);
    await fs.writeFile(file, jpeg);
    const result: Result = await cloudinary.uploader.upload(file, {
      public_id: 'sdk/photo',
      tags: ['sdk', 'path'],
    });
    assert.strictEqual(result.public_id, 'sdk/photo');
    assert.strictEqual(result.width, 320);
    assert.strictEqual(result.height, 200);
    assert.strictEqual(result.format, 'jpg');
    assert.strictEqual(result.bytes, jpeg.length);
    assert.strictEqual(result.etag, md5(jpeg));
    assert.deepEqual([...result.tags].sort(), ['path', 'sdk']);
    assert.strictEqual(result.original_filename, 'photo');
    assert.isTrue(
      cloudinary.utils.verify_api_response_signature(result.public_id, result.version, result.signature),
      'the SDK accepts the response signature',
    );
  });

  it('uploads a buffer through upload_stream', async () => {
    const png = await makePng(50, 60, true);
    const result: Result = await new Promise((resolve, reject) => {
      const stream = cloudinary.uploader.upload_stream(
        { public_id: 'sdk/streamed' },
        (error: unknown, value: Result) => (error ? reject(error) : resolve(value)),
      );
      Readable.from([png]).pipe(stream);
    });
    assert.strictEqual(result.public_id, 'sdk/streamed');
    assert.strictEqual(result.format, 'png');
    assert.strictEqual(result.height, 60);
    assert.strictEqual(result.bytes, png.length);
  });

  it('uploads a data URI', async () => {
    const png = await makePng(7, 9);
    const result: Result = await cloudinary.uploader.upload(
      `data:image/png;base64,${png.toString('base64')}`,
      {
        public_id: 'sdk/data-uri',
      },
    );
    assert.strictEqual(result.width, 7);
    assert.strictEqual(result.etag, md5(png));
  });

  it('uploads from a remote URL on an allow-listed host', async () => {
    const result: Result = await cloudinary.uploader.upload(`${originUrl}/remote.png`, {
      public_id: 'sdk/remote',
    });
    assert.strictEqual(result.width, 40);
    assert.strictEqual(result.etag, md5(remotePng));
  });

  it('upload_large sends a 30 MB file in 20 MB chunks (the SDK default) that arrive intact', async () => {
    const file = path.join(workDir, 'large.bin');
    const bytes = randomBytes(30 * 1024 * 1024 + 123);
    await fs.writeFile(file, bytes);
    const result: Result = await new Promise((resolve, reject) => {
      cloudinary.uploader.upload_large(
        file,
        { chunk_size: 5 * 1024 * 1024, public_id: 'sdk/large.bin' },
        (error: unknown, value: Result) => (error ? reject(error) : resolve(value)),
      );
    });
    assert.strictEqual(result.public_id, 'sdk/large.bin');
    assert.strictEqual(result.resource_type, 'raw');
    assert.strictEqual(result.bytes, bytes.length);
    assert.strictEqual(result.etag, md5(bytes));
  });

  it('reports a wrong secret as the SDK expects (http_code 401)', async () => {
    const error = await expectRejection(
      cloudinary.uploader.upload(`data:image/png;base64,${(await makePng(2, 2)).toString('base64')}`, {
        api_secret: 'not-the-secret',
      }),
    );
    assert.strictEqual(error.http_code, 401);
    assert.match(String(error.message), /^Invalid Signature /);
  });

  it('renames, refuses to rename onto an existing id without overwrite, and destroys', async () => {
    const png = `data:image/png;base64,${(await makePng(4, 4)).toString('base64')}`;
    await cloudinary.uploader.upload(png, { public_id: 'sdk/to-rename' });
    await cloudinary.uploader.upload(png, { public_id: 'sdk/occupied' });
    const renamed: Result = await cloudinary.uploader.rename('sdk/to-rename', 'sdk/renamed');
    assert.strictEqual(renamed.public_id, 'sdk/renamed');
    const conflict = await expectRejection(cloudinary.uploader.rename('sdk/renamed', 'sdk/occupied'));
    assert.strictEqual(conflict.http_code, 400);
    const overwritten: Result = await cloudinary.uploader.rename('sdk/renamed', 'sdk/occupied', {
      overwrite: true,
    });
    assert.strictEqual(overwritten.public_id, 'sdk/occupied');
    assert.deepEqual(await cloudinary.uploader.destroy('sdk/occupied'), { result: 'ok' });
    assert.deepEqual(await cloudinary.uploader.destroy('sdk/occupied'), { result: 'not found' });
  });

  it('adds, replaces and removes tags', async () => {
    const png = `data:image/png;base64,${(await makePng(4, 4)).toString('base64')}`;
    await cloudinary.uploader.upload(png, { public_id: 'sdk/tagged-1' });
    await cloudinary.uploader.upload(png, { public_id: 'sdk/tagged-2', tags: 'old' });
    const added: Result = await cloudinary.uploader.add_tag('red', [
      'sdk/tagged-1',
      'sdk/tagged-2',
      'sdk/missing',
    ]);
    assert.deepEqual(added.public_ids, ['sdk/tagged-1', 'sdk/tagged-2']);
    await cloudinary.uploader.replace_tag('blue', ['sdk/tagged-2']);
    await cloudinary.uploader.remove_tag('red', ['sdk/tagged-1']);
    const explicit: Result = await cloudinary.uploader.explicit('sdk/tagged-2', {
      type: 'upload',
      context: { alt: 'A b=c' },
    });
    assert.deepEqual(explicit.tags, ['blue']);
    assert.deepEqual(explicit.context, { custom: { alt: 'A b=c' } });
    const first: Result = await cloudinary.uploader.explicit('sdk/tagged-1', { type: 'upload' });
    assert.deepEqual(first.tags, []);
  });

  it('echoes eager transformations in canonical order with delivery URLs', async () => {
    const png = `data:image/png;base64,${(await makePng(40, 40)).toString('base64')}`;
    const result: Result = await cloudinary.uploader.upload(png, {
      public_id: 'sdk/eager',
      eager: [{ width: 20, height: 10, crop: 'pad' }],
    });
    assert.strictEqual(result.eager.length, 1);
    assert.strictEqual(result.eager[0].transformation, 'c_pad,h_10,w_20');
    assert.strictEqual(
      result.eager[0].url,
      `${server.url}/${TEST_CLOUD}/image/upload/c_pad,h_10,w_20/v${result.version}/sdk/eager.png`,
    );
  });
});

describe('official cloudinary SDK: Admin API', () => {
  before(async () => {
    const png = `data:image/png;base64,${(await makePng(16, 16)).toString('base64')}`;
    for (const id of ['shop/shoes/a', 'shop/shoes/b', 'shop/shoes/c', 'shop/bags/d']) {
      await cloudinary.uploader.upload(png, {
        public_id: id,
        tags: id.includes('shoes') ? ['shoe', 'product'] : ['product'],
      });
    }
  });

  it('pings and reports rate-limit headers', async () => {
    const result: Result = await cloudinary.api.ping();
    assert.strictEqual(result.status, 'ok');
    assert.isNumber(result.rate_limit_allowed);
    assert.isNumber(result.rate_limit_remaining);
    assert.instanceOf(result.rate_limit_reset_at, Date);
  });

  it('lists resources by prefix with next_cursor paging', async () => {
    const first: Result = await cloudinary.api.resources({ type: 'upload', prefix: 'shop/', max_results: 3 });
    assert.strictEqual(first.resources.length, 3);
    assert.isString(first.next_cursor);
    const second: Result = await cloudinary.api.resources({
      type: 'upload',
      prefix: 'shop/',
      max_results: 3,
      next_cursor: first.next_cursor,
    });
    assert.strictEqual(second.resources.length, 1);
    assert.isUndefined(second.next_cursor);
    const ids = [...first.resources, ...second.resources].map((r: Result) => r.public_id).sort();
    assert.deepEqual(ids, ['shop/bags/d', 'shop/shoes/a', 'shop/shoes/b', 'shop/shoes/c']);
    for (const resource of first.resources) {
      assert.strictEqual(resource.resource_type, 'image');
      assert.strictEqual(resource.width, 16);
      assert.match(resource.url, new RegExp(`/${TEST_CLOUD}/image/upload/v\\d+/shop/`));
    }
  });

  it('lists resources by tag and by public ids, and shows one resource', async () => {
    const byTag: Result = await cloudinary.api.resources_by_tag('shoe', { tags: true, max_results: 10 });
    assert.deepEqual(byTag.resources.map((r: Result) => r.public_id).sort(), [
      'shop/shoes/a',
      'shop/shoes/b',
      'shop/shoes/c',
    ]);
    assert.deepEqual(byTag.resources[0].tags, ['product', 'shoe']);
    const byIds: Result = await cloudinary.api.resources_by_ids(['shop/bags/d', 'shop/none']);
    assert.deepEqual(
      byIds.resources.map((r: Result) => r.public_id),
      ['shop/bags/d'],
    );
    const one: Result = await cloudinary.api.resource('shop/shoes/a');
    assert.strictEqual(one.public_id, 'shop/shoes/a');
    assert.deepEqual(one.tags, ['product', 'shoe']);
    assert.deepEqual(one.derived, []);
    const missing = await expectRejection(cloudinary.api.resource('shop/none'));
    assert.strictEqual(missing.error.http_code, 404);
  });

  it('updates a resource: tags, context and display name', async () => {
    const updated: Result = await cloudinary.api.update('shop/bags/d', {
      tags: ['product', 'bag'],
      context: { alt: 'Brown tote' },
      display_name: 'Tote',
    });
    assert.deepEqual(updated.tags, ['bag', 'product']);
    assert.deepEqual(updated.context, { custom: { alt: 'Brown tote' } });
    assert.strictEqual(updated.display_name, 'Tote');
    await cloudinary.api.update('shop/bags/d', { tags: ['product'] });
  });

  it('finds resources by asset id and by asset folder, and deletes by asset id', async () => {
    const one: Result = await cloudinary.api.resource('shop/bags/d');
    const byId: Result = await cloudinary.api.resource_by_asset_id(one.asset_id);
    assert.strictEqual(byId.public_id, 'shop/bags/d');
    const byIds: Result = await cloudinary.api.resources_by_asset_ids([one.asset_id]);
    assert.deepEqual(
      byIds.resources.map((r: Result) => r.public_id),
      ['shop/bags/d'],
    );
    const byFolder: Result = await cloudinary.api.resources_by_asset_folder('shop/shoes');
    assert.deepEqual(byFolder.resources.map((r: Result) => r.public_id).sort(), [
      'shop/shoes/a',
      'shop/shoes/b',
      'shop/shoes/c',
    ]);
    const png = `data:image/png;base64,${(await makePng(3, 3)).toString('base64')}`;
    const extra: Result = await cloudinary.uploader.upload(png, { public_id: 'shop/extra' });
    const deleted: Result = await cloudinary.api.delete_resources_by_asset_ids([extra.asset_id]);
    assert.deepEqual(deleted.deleted, { [extra.asset_id]: 'deleted' });
  });

  it('lists tags', async () => {
    const result: Result = await cloudinary.api.tags({ prefix: 'sh' });
    assert.deepEqual(result.tags, ['shoe']);
  });

  it('searches with search.expression(…), sort_by, with_field, aggregate and next_cursor', async () => {
    const first: Result = await cloudinary.search
      .expression('folder:shop/* AND tags:shoe')
      .sort_by('public_id', 'asc')
      .max_results(2)
      .with_field('tags')
      .aggregate('format')
      .execute();
    assert.strictEqual(first.total_count, 3);
    assert.deepEqual(
      first.resources.map((r: Result) => r.public_id),
      ['shop/shoes/a', 'shop/shoes/b'],
    );
    assert.deepEqual(first.resources[0].tags, ['product', 'shoe']);
    assert.deepEqual(first.aggregations, { format: { png: 3 } });
    const second: Result = await cloudinary.search
      .expression('folder:shop/* AND tags:shoe')
      .sort_by('public_id', 'asc')
      .max_results(2)
      .next_cursor(first.next_cursor)
      .execute();
    assert.deepEqual(
      second.resources.map((r: Result) => r.public_id),
      ['shop/shoes/c'],
    );
    const none: Result = await cloudinary.search.expression('tags:shoe AND NOT folder:shop/*').execute();
    assert.strictEqual(none.total_count, 0);
    const bad = await expectRejection(cloudinary.search.expression('tags:(').execute());
    assert.strictEqual(bad.error.http_code, 400);
  });

  it('lists, creates and deletes folders', async () => {
    const root: Result = await cloudinary.api.root_folders();
    assert.includeDeepMembers(root.folders, [{ name: 'shop', path: 'shop', external_id: '' }]);
    const sub: Result = await cloudinary.api.sub_folders('shop');
    assert.deepEqual(
      sub.folders.map((f: Result) => f.path),
      ['shop/bags', 'shop/shoes'],
    );
    const created: Result = await cloudinary.api.create_folder('empty/inner');
    assert.strictEqual(created.success, true);
    const deleted: Result = await cloudinary.api.delete_folder('empty');
    assert.deepEqual(deleted.deleted, ['empty', 'empty/inner']);
    const notEmpty = await expectRejection(cloudinary.api.delete_folder('shop'));
    assert.strictEqual(notEmpty.error.http_code, 400);
  });

  it('deletes resources by public ids and by prefix', async () => {
    const byIds: Result = await cloudinary.api.delete_resources(['shop/shoes/a', 'shop/none']);
    assert.deepEqual(byIds.deleted, { 'shop/shoes/a': 'deleted', 'shop/none': 'not_found' });
    assert.strictEqual(byIds.partial, false);
    const byPrefix: Result = await cloudinary.api.delete_resources_by_prefix('shop/shoes/');
    assert.deepEqual(Object.keys(byPrefix.deleted).sort(), ['shop/shoes/b', 'shop/shoes/c']);
    const left: Result = await cloudinary.api.resources({ type: 'upload', prefix: 'shop/' });
    assert.deepEqual(
      left.resources.map((r: Result) => r.public_id),
      ['shop/bags/d'],
    );
  });

  it('creates an unsigned preset and uploads through it without a signature', async () => {
    const created: Result = await cloudinary.api.create_upload_preset({
      name: 'widget',
      unsigned: true,
      folder: 'from-widget',
      tags: 'widget',
      allowed_formats: 'png,jpg',
    });
    assert.strictEqual(created.message, 'created');
    const preset: Result = await cloudinary.api.upload_preset('widget');
    assert.strictEqual(preset.unsigned, true);
    assert.strictEqual(preset.settings.folder, 'from-widget');
    const png = `data:image/png;base64,${(await makePng(6, 6)).toString('base64')}`;
    const uploaded: Result = await cloudinary.uploader.unsigned_upload(png, 'widget', { public_id: 'mine' });
    assert.strictEqual(uploaded.public_id, 'from-widget/mine');
    assert.deepEqual(uploaded.tags, ['widget']);
    const gif = `data:text/plain;base64,${Buffer.from('plain text').toString('base64')}`;
    const refused = await expectRejection(
      cloudinary.uploader.unsigned_upload(gif, 'widget', { resource_type: 'raw' }),
    );
    assert.strictEqual(refused.http_code, 400);
    const listed: Result = await cloudinary.api.upload_presets();
    assert.deepEqual(
      listed.presets.map((p: Result) => p.name),
      ['widget'],
    );
    assert.strictEqual((await cloudinary.api.delete_upload_preset('widget')).message, 'deleted');
  });

  it('creates, reads, updates, lists and deletes a named transformation', async () => {
    const created: Result = await cloudinary.api.create_transformation('thumb', {
      width: 150,
      height: 100,
      crop: 'fill',
    });
    assert.strictEqual(created.message, 'created');
    const duplicate = await expectRejection(cloudinary.api.create_transformation('thumb', 'w_10'));
    assert.strictEqual(duplicate.error.http_code, 409);
    const one: Result = await cloudinary.api.transformation('thumb');
    assert.strictEqual(one.name, 't_thumb');
    assert.strictEqual(one.named, true);
    assert.deepEqual(one.info, [{ transformation: 'c_fill,h_100,w_150' }]);
    await cloudinary.api.update_transformation('thumb', {
      allowed_for_strict: true,
      unsafe_update: { width: 200, crop: 'scale' },
    });
    const updated: Result = await cloudinary.api.transformation('t_thumb');
    assert.strictEqual(updated.allowed_for_strict, true);
    assert.deepEqual(updated.info, [{ transformation: 'c_scale,w_200' }]);
    const listed: Result = await cloudinary.api.transformations({ named: true });
    assert.deepEqual(listed.transformations, [
      { name: 't_thumb', allowed_for_strict: true, used: false, named: true },
    ]);
    const invalid = await expectRejection(cloudinary.api.create_transformation('broken', 'zz_nonsense'));
    assert.strictEqual(invalid.error.http_code, 400);
    assert.strictEqual((await cloudinary.api.delete_transformation('thumb')).message, 'deleted');
    const gone = await expectRejection(cloudinary.api.transformation('thumb'));
    assert.strictEqual(gone.error.http_code, 404);
  });

  it('reports usage', async () => {
    const usage: Result = await cloudinary.api.usage();
    assert.isNumber(usage.resources);
    assert.isAbove(usage.storage.usage, 0);
  });

  it('refuses the Admin API with a wrong secret', async () => {
    const error = await expectRejection(cloudinary.api.ping({ api_secret: 'wrong-secret' }));
    assert.strictEqual(error.error.http_code, 401);
  });
});
