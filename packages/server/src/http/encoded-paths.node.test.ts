// Admin paths that the Node SDK sends as one segment with the slashes encoded
// (`streaming_profiles%2F<name>`, `resources%2Fimage%2Fupload`, `folders%2Fsearch`) reach the same
// routes as their plain spelling, while encoded slashes in later segments (public ids) stay part of
// the id; unknown paths answer 404 with a JSON error.
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

const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

describe('Admin API: paths with encoded slashes', () => {
  let server: TestServer;
  const call = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/${path}`, {
      method,
      headers: {
        authorization: AUTH,
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  before(async () => {
    server = await startTestServer();
    for (const publicId of ['enc/pic', 'enc/other']) {
      const uploaded = await postForm(
        `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
        signed({ public_id: publicId }),
        { bytes: await makePng(8, 8), filename: 'p.png' },
      );
      assert.strictEqual(uploaded.status, 200, JSON.stringify(uploaded.body));
    }
  });
  after(() => server.close());

  it('serves streaming_profiles%2F<name> like streaming_profiles/<name>', async () => {
    const encoded = await call('GET', 'streaming_profiles%2Fhd');
    const plain = await call('GET', 'streaming_profiles/hd');
    assert.strictEqual(encoded.status, 200);
    assert.deepEqual(encoded.body, plain.body);
    assert.strictEqual((encoded.body.data as { name: string }).name, 'hd');
    assert.strictEqual((await call('GET', 'streaming_profiles%2fsd')).status, 200);
    assert.strictEqual((await call('GET', 'streaming_profiles%2Fultra')).status, 404);
    for (const method of ['PUT', 'DELETE']) {
      const refused = await call(method, 'streaming_profiles%2Fhd');
      assert.strictEqual(refused.status, 400, method);
      assert.match(String((refused.body.error as { message: string }).message), /built-in/);
    }
  });

  it('deletes through resources%2Fimage%2Fupload as the SDK sends it', async () => {
    const deleted = await call(
      'DELETE',
      'resources%2Fimage%2Fupload',
      new URLSearchParams([['public_ids[]', 'enc/other']]).toString(),
    );
    assert.strictEqual(deleted.status, 200, JSON.stringify(deleted.body));
    assert.deepEqual(deleted.body.deleted, { 'enc/other': 'deleted' });
    assert.strictEqual((await call('GET', 'resources/image/upload/enc/other')).status, 404);
  });

  it('keeps encoded slashes of a public id in later segments', async () => {
    const resource = await call('GET', 'resources/image/upload/enc%2Fpic');
    assert.strictEqual(resource.status, 200, JSON.stringify(resource.body));
    assert.strictEqual(resource.body.public_id, 'enc/pic');
  });

  it('answers unknown paths with a 404 JSON error', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await call(method, 'no_such_endpoint');
      assert.strictEqual(response.status, 404, method);
      assert.isString((response.body.error as { message?: unknown }).message);
    }
    assert.strictEqual((await call('GET', 'something%2Felse')).status, 404);
  });
});
