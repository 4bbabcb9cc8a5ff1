// The official `cloudinary` SDK asks for a delete token with `return_delete_token: true` (signed, and
// unsigned through a preset); the token then deletes the upload the way a browser calls it. The SDK
// reads CLOUDINARY_URL once, when first loaded, so it is imported after the server starts.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makePng } from '../testing/fixtures.js';
import { type Sdk, type SdkResult, startServerWithSdk } from '../testing/sdk-client.js';
import { TEST_CLOUD, type TestServer } from '../testing/test-server.js';

type Result = SdkResult;
let cloudinary: Sdk;
let server: TestServer;
let workDir: string;
let file: string;

before(async () => {
  ({ server, cloudinary } = await startServerWithSdk());
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-sdk-delete-token-'));
  file = path.join(workDir, 'photo.png');
  await fs.writeFile(file, await makePng(40, 30));
});

after(async () => {
  await server?.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

async function deleteByToken(token: string) {
  const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/delete_by_token`, {
    method: 'POST',
    body: new URLSearchParams({ token }),
  });
  return { status: response.status, body: (await response.json()) as Result };
}

async function exists(publicId: string): Promise<boolean> {
  try {
    await cloudinary.api.resource(publicId);
    return true;
  } catch (error) {
    if ((error as Result).error?.http_code === 404) return false;
    throw error;
  }
}

describe('cloudinary SDK: return_delete_token', () => {
  it('answers delete_token only when the signed upload asks for it', async () => {
    const plain: Result = await cloudinary.uploader.upload(file, { public_id: 'sdk-dbt/plain' });
    assert.notProperty(plain, 'delete_token');
    const asked: Result = await cloudinary.uploader.upload(file, {
      public_id: 'sdk-dbt/asked',
      return_delete_token: true,
    });
    assert.isString(asked.delete_token);
    assert.deepEqual((await deleteByToken(asked.delete_token)).body, { result: 'ok' });
    assert.isFalse(await exists('sdk-dbt/asked'));
    assert.isTrue(await exists('sdk-dbt/plain'));
    assert.strictEqual((await deleteByToken(asked.delete_token)).status, 404);
  });

  it('answers delete_token to an unsigned upload through a preset', async () => {
    await cloudinary.api.create_upload_preset({ name: 'sdk-dbt', unsigned: true, folder: 'sdk-dbt-open' });
    const uploaded: Result = await cloudinary.uploader.unsigned_upload(file, 'sdk-dbt', {
      public_id: 'mine',
      return_delete_token: true,
    });
    assert.strictEqual(uploaded.public_id, 'sdk-dbt-open/mine');
    assert.isString(uploaded.delete_token);
    assert.strictEqual((await deleteByToken(uploaded.delete_token)).status, 200);
    assert.isFalse(await exists('sdk-dbt-open/mine'));
  });
});
