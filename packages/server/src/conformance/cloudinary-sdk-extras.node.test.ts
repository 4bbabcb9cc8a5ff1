// The official `cloudinary` SDK, unchanged, on the calls beyond the main conformance file: async
// uploads, manual moderation, resources by context and by moderation, folder rename and search, and
// streaming profiles. The SDK reads CLOUDINARY_URL once, when first loaded, so it is imported after
// the server starts; this file runs in its own process.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makePng } from '../testing/fixtures.js';
import { type Sdk, type SdkResult, startServerWithSdk } from '../testing/sdk-client.js';
import type { TestServer } from '../testing/test-server.js';

type Result = SdkResult;
let cloudinary: Sdk;
let server: TestServer;
let receiver: http.Server;
let hookUrl: string;
const notifications: Result[] = [];
let workDir: string;
let file: string;

before(async () => {
  receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      notifications.push(JSON.parse(body) as Result);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  hookUrl = `http://127.0.0.1:${port}/hook`;
  ({ server, cloudinary } = await startServerWithSdk({ KUMO_FETCH_ALLOW: `127.0.0.1:${port}` }));
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-sdk-extras-'));
  file = path.join(workDir, 'photo.png');
  await fs.writeFile(file, await makePng(40, 30));
});

after(async () => {
  await server?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await fs.rm(workDir, { recursive: true, force: true });
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('official cloudinary SDK against Kumo: further calls', () => {
  it('uploads with async and hears the result through notification_url', async () => {
    const result: Result = await cloudinary.uploader.upload(file, {
      public_id: 'sdk-extras/async',
      async: true,
      notification_url: hookUrl,
    });
    assert.strictEqual(result.status, 'pending');
    assert.strictEqual(result.public_id, 'sdk-extras/async');
    const notification = await waitFor(() => notifications.find((n) => n.batch_id === result.batch_id));
    assert.strictEqual(notification.public_id, 'sdk-extras/async');
    const stored: Result = await cloudinary.api.resource('sdk-extras/async');
    assert.strictEqual(stored.width, 40);
  });

  it('uploads under manual moderation, lists by moderation and approves with api.update', async () => {
    const uploaded: Result = await cloudinary.uploader.upload(file, {
      public_id: 'sdk-extras/moderated',
      moderation: 'manual',
    });
    assert.strictEqual(uploaded.moderation_status, 'pending');
    const pending: Result = await cloudinary.api.resources_by_moderation('manual', 'pending');
    assert.deepEqual(
      pending.resources.map((r: Result) => r.public_id),
      ['sdk-extras/moderated'],
    );
    const updated: Result = await cloudinary.api.update('sdk-extras/moderated', {
      moderation_status: 'approved',
    });
    assert.strictEqual(updated.moderation_status, 'approved');
    const approved: Result = await cloudinary.api.resources_by_moderation('manual', 'approved');
    assert.deepEqual(
      approved.resources.map((r: Result) => r.public_id),
      ['sdk-extras/moderated'],
    );
  });

  it('lists resources by context key and value', async () => {
    await cloudinary.uploader.upload(file, { public_id: 'sdk-extras/red', context: { color: 'red' } });
    await cloudinary.uploader.upload(file, { public_id: 'sdk-extras/blue', context: { color: 'blue' } });
    const byKey: Result = await cloudinary.api.resources_by_context('color');
    assert.deepEqual(byKey.resources.map((r: Result) => r.public_id).sort(), [
      'sdk-extras/blue',
      'sdk-extras/red',
    ]);
    const byValue: Result = await cloudinary.api.resources_by_context('color', 'blue', { context: true });
    assert.deepEqual(
      byValue.resources.map((r: Result) => [r.public_id, r.context?.custom?.color]),
      [['sdk-extras/blue', 'blue']],
    );
  });

  it('renames a folder with api.rename_folder and finds folders with search_folders', async () => {
    await cloudinary.uploader.upload(file, { public_id: 'sdk-folder/inner/pic' });
    const renamed: Result = await cloudinary.api.rename_folder('sdk-folder/inner', 'sdk-folder/renamed');
    assert.strictEqual(renamed.to.path, 'sdk-folder/renamed');
    const moved: Result = await cloudinary.api.resource('sdk-folder/renamed/pic');
    assert.strictEqual(moved.asset_folder, 'sdk-folder/renamed');
    const found: Result = await cloudinary.search_folders.expression('name:ren*').execute();
    assert.deepEqual(
      found.folders.map((folder: Result) => folder.path),
      ['sdk-folder/renamed'],
    );
    assert.strictEqual(found.total_count, 1);
  });

  it('lists streaming profiles and reads one', async () => {
    const list: Result = await cloudinary.api.list_streaming_profiles();
    const names = list.data.map((profile: Result) => profile.name);
    for (const name of ['auto', 'full_hd', 'full_hd_wifi', 'full_hd_lean', 'hd', 'hd_lean', 'sd'])
      assert.include(names, name);
    const hd: Result = await cloudinary.api.get_streaming_profile('hd');
    assert.strictEqual(hd.data.name, 'hd');
    assert.strictEqual(hd.data.representations[0].transformation[0].height, 720);
  });
});
