// The official `cloudinary` SDK, unchanged, on derived assets: eager renders, deleting them by
// transformation and by id, `usage`, and the streaming-profile calls whose paths the SDK sends with
// an encoded slash. Delivery requests (URLs from `cloudinary.url()`) show through `X-Kumo-Render`
// whether a derived asset was served from storage or rendered again. The SDK reads CLOUDINARY_URL
// once, when first loaded, so it is imported after the server starts; this file runs in its own
// process.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makePhoto } from '../testing/delivery-fixtures.js';
import { type Sdk, type SdkResult, startServerWithSdk } from '../testing/sdk-client.js';
import type { TestServer } from '../testing/test-server.js';

type Result = SdkResult;
let cloudinary: Sdk;
let server: TestServer;
let workDir: string;
let file: string;

before(async () => {
  ({ server, cloudinary } = await startServerWithSdk());
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-sdk-derived-'));
  file = path.join(workDir, 'photo.jpg');
  await fs.writeFile(file, await makePhoto());
});

after(async () => {
  await server?.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

/** Requests a delivery URL built by the SDK; returns where the response came from. */
async function deliver(publicId: string, options: Record<string, unknown>): Promise<string | null> {
  const url = cloudinary
    .url(publicId, { secure: false, ...options })
    .replace('http://res.cloudinary.com', server.url);
  const response = await fetch(url);
  await response.arrayBuffer();
  assert.strictEqual(response.status, 200, url);
  return response.headers.get('x-kumo-render');
}

async function waitForDerived(publicId: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await derivedOf(publicId)).length !== count) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${count} derived assets of ${publicId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function derivedOf(publicId: string): Promise<Result[]> {
  return ((await cloudinary.api.resource(publicId)) as Result).derived;
}

describe('official cloudinary SDK against Kumo: derived assets', () => {
  const thumb = { width: 40, crop: 'scale', format: 'jpg' };
  const wide = { width: 120, crop: 'scale', format: 'png' };

  it('deletes derived assets by transformation, after which they are rendered again', async () => {
    const uploaded: Result = await cloudinary.uploader.upload(file, {
      public_id: 'sdk-derived/photo',
      eager: [thumb, wide],
    });
    assert.lengthOf(uploaded.eager, 2);
    assert.strictEqual(await deliver('sdk-derived/photo', thumb), 'cache');
    assert.strictEqual(await deliver('sdk-derived/photo', wide), 'cache');
    assert.lengthOf(await derivedOf('sdk-derived/photo'), 2);

    const result: Result = await cloudinary.api.delete_derived_by_transformation(
      ['sdk-derived/photo'],
      [thumb],
    );
    assert.deepEqual(result.deleted, { 'sdk-derived/photo': 'deleted' });
    const left = await derivedOf('sdk-derived/photo');
    assert.lengthOf(left, 1);
    assert.strictEqual(left[0].format, 'png');

    assert.strictEqual(await deliver('sdk-derived/photo', thumb), 'render');
    // The other derived asset stays stored (this process may also hold it in memory).
    assert.include(['cache', 'memory'], await deliver('sdk-derived/photo', wide));
    // Stored again, next to the one that stayed.
    await waitForDerived('sdk-derived/photo', 2);
  });

  it('deletes derived assets by id and reports them in usage', async () => {
    await cloudinary.uploader.upload(file, { public_id: 'sdk-derived/by-id', eager: [thumb] });
    const initial: Result = await cloudinary.api.usage();
    const [entry] = await derivedOf('sdk-derived/by-id');
    assert.isString(entry.id);
    assert.isAtLeast(initial.derived_resources, 1);

    const result: Result = await cloudinary.api.delete_derived_resources([entry.id]);
    assert.deepEqual(result.deleted, { [entry.id]: 'deleted' });
    assert.lengthOf(await derivedOf('sdk-derived/by-id'), 0);
    const afterwards: Result = await cloudinary.api.usage();
    assert.strictEqual(afterwards.derived_resources, initial.derived_resources - 1);
    assert.strictEqual(afterwards.storage.usage, initial.storage.usage - entry.bytes);
    assert.strictEqual(await deliver('sdk-derived/by-id', thumb), 'render');
    await waitForDerived('sdk-derived/by-id', 1);
  });

  it('reads a streaming profile and is refused a change, through the encoded path', async () => {
    const hd: Result = await cloudinary.api.get_streaming_profile('hd');
    assert.strictEqual(hd.data.name, 'hd');
    try {
      await cloudinary.api.delete_streaming_profile('hd');
      assert.fail('deleting a built-in profile should be refused');
    } catch (error) {
      assert.strictEqual((error as Result).error?.http_code, 400, JSON.stringify(error));
    }
  });
});
