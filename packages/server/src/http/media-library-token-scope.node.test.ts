// What a read-only media-library token may do: every GET, and the POSTs that only read (resource
// and folder search, which the picker uses); every write stays refused, including creating a
// folder whose path ends in `search`.
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
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

/** Cloudinary's media-library login signature, computed independently (SHA-256 of the sorted params + secret). */
function login(username: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHash('sha256')
    .update(`cloud_name=${TEST_CLOUD}&timestamp=${timestamp}&username=${username}${TEST_SECRET}`)
    .digest('hex');
  return { cloud_name: TEST_CLOUD, api_key: TEST_KEY, username, timestamp, signature };
}

describe('media-library tokens: read-only scope', () => {
  let server: TestServer;
  let token: string;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/v1_1/${TEST_CLOUD}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    server = await startTestServer();
    const uploaded = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: 'picker/shoes/red' }),
      { bytes: await makePng(8, 8), filename: 'red.png' },
    );
    assert.strictEqual(uploaded.status, 200, JSON.stringify(uploaded.body));
    const issued = await fetch(`${server.url}/api/media-library/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login('picker@example.com')),
    });
    const body = (await issued.json()) as { token: string; scope: string };
    assert.strictEqual(body.scope, 'read');
    token = body.token;
  });
  after(() => server.close());

  it('may search folders and resources with POST', async () => {
    const folders = await call('POST', 'folders/search', { expression: 'name:shoes' });
    assert.strictEqual(folders.status, 200);
    const found = (await folders.json()) as { folders: { path: string }[] };
    assert.deepEqual(
      found.folders.map((folder) => folder.path),
      ['picker/shoes'],
    );
    // The SDK's spelling, with the slash encoded.
    assert.strictEqual((await call('POST', 'folders%2Fsearch', { expression: 'name:shoes' })).status, 200);
    const resources = await call('POST', 'resources/search', { expression: 'folder:picker/shoes' });
    assert.strictEqual(resources.status, 200);
    const listed = (await resources.json()) as { resources: { public_id: string }[] };
    assert.deepEqual(
      listed.resources.map((resource) => resource.public_id),
      ['picker/shoes/red'],
    );
    assert.strictEqual((await call('GET', 'folders/picker')).status, 200);
  });

  it('is refused every write, including a folder named like a search', async () => {
    const writes: [string, string, unknown?][] = [
      ['POST', 'folders/picker/search'],
      ['POST', 'folders/resources/search'],
      ['POST', 'folders/new-folder'],
      ['PUT', 'folders/picker', { to_folder: 'moved' }],
      ['DELETE', 'folders/picker'],
      ['POST', 'resources/image/upload/picker/shoes/red', { tags: ['x'] }],
      ['DELETE', 'resources/image/upload?public_ids[]=picker/shoes/red'],
      ['POST', 'upload_presets', { name: 'p' }],
    ];
    for (const [method, path, body] of writes) {
      const response = await call(method, path, body);
      assert.strictEqual(response.status, 403, `${method} ${path}`);
    }
    const folders = (await (await call('GET', 'folders/picker')).json()) as { folders: { path: string }[] };
    assert.deepEqual(
      folders.folders.map((folder) => folder.path),
      ['picker/shoes'],
    );
  });
});
