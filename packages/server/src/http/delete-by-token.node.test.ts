// `return_delete_token` and `POST /v1_1/:cloud/delete_by_token`: a fresh upload can be deleted by
// whoever holds its token, once, for ten minutes, and only while the asset is the version uploaded.
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

const basic = { authorization: `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}` };
const ORIGIN = 'https://widgets.example';

describe('delete_by_token', () => {
  let server: TestServer;
  let png: Buffer;
  let clock = Date.now();

  before(async () => {
    server = await startTestServer({ KUMO_CORS_ORIGINS: 'https://admin.example' }, { now: () => clock });
    png = await makePng(40, 30);
  });
  after(() => server.close());

  async function upload(fields: Record<string, string>, resourceType = 'image') {
    const { status, body } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/${resourceType}/upload`,
      fields,
      {
        bytes: png,
        filename: 'p.png',
      },
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
    return body;
  }

  async function deleteByToken(token: unknown, cloud = TEST_CLOUD, init: RequestInit = {}) {
    const response = await fetch(`${server.url}/v1_1/${cloud}/delete_by_token`, {
      method: 'POST',
      body: new URLSearchParams({ token: String(token) }),
      ...init,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { result?: string; error?: { message: string } },
    };
  }

  async function adminStatus(path: string, method = 'GET', body?: unknown) {
    const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}${path}`, {
      method,
      headers: { ...basic, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  const exists = async (publicId: string) =>
    (await adminStatus(`/resources/image/upload/${encodeURIComponent(publicId)}`)) === 200;

  it('returns no delete_token unless asked for', async () => {
    const body = await upload(signed({ public_id: 'dbt/plain' }));
    assert.notProperty(body, 'delete_token');
    const refused = await upload(signed({ public_id: 'dbt/refused', return_delete_token: 'false' }));
    assert.notProperty(refused, 'delete_token');
  });

  it('returns a delete_token that deletes the asset and its derived renderings once', async () => {
    const body = await upload(signed({ public_id: 'dbt/once', return_delete_token: 'true', eager: 'w_10' }));
    assert.isString(body.delete_token);
    const rendering = `${server.url}/${TEST_CLOUD}/image/upload/w_10/dbt/once.png`;
    assert.strictEqual((await fetch(rendering)).status, 200);

    const first = await deleteByToken(body.delete_token);
    assert.strictEqual(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { result: 'ok' });
    assert.isFalse(await exists('dbt/once'));
    assert.strictEqual((await fetch(rendering)).status, 404);
    assert.strictEqual((await fetch(`${server.url}/${TEST_CLOUD}/image/upload/dbt/once.png`)).status, 404);

    const second = await deleteByToken(body.delete_token);
    assert.strictEqual(second.status, 404);
    assert.isString(second.body.error?.message);
  });

  it('accepts the token in a JSON body and answers any origin', async () => {
    const body = await upload(signed({ public_id: 'dbt/json', return_delete_token: '1' }));
    const preflight = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/delete_by_token`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.strictEqual(preflight.status, 204);
    assert.strictEqual(preflight.headers.get('access-control-allow-origin'), ORIGIN);
    const {
      status,
      headers,
      body: answer,
    } = await deleteByToken(undefined, TEST_CLOUD, {
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ token: body.delete_token }),
    });
    assert.strictEqual(status, 200, JSON.stringify(answer));
    assert.strictEqual(headers.get('access-control-allow-origin'), ORIGIN);
    assert.isFalse(await exists('dbt/json'));
  });

  it('works for an upload through an unsigned preset, and for a preset that asks for the token', async () => {
    assert.strictEqual(
      await adminStatus('/upload_presets', 'POST', { name: 'dbt-open', unsigned: true, folder: 'dbt-open' }),
      200,
    );
    const asked = await upload({ upload_preset: 'dbt-open', public_id: 'a', return_delete_token: 'true' });
    assert.strictEqual(asked.public_id, 'dbt-open/a');
    assert.notProperty(asked, 'api_key');
    assert.strictEqual((await deleteByToken(asked.delete_token)).status, 200);
    assert.isFalse(await exists('dbt-open/a'));

    assert.strictEqual(
      await adminStatus('/upload_presets', 'POST', {
        name: 'dbt-preset',
        unsigned: true,
        folder: 'dbt-preset',
        return_delete_token: true,
      }),
      200,
    );
    const fromPreset = await upload({ upload_preset: 'dbt-preset' });
    assert.isString(fromPreset.delete_token);
    assert.strictEqual((await deleteByToken(fromPreset.delete_token)).status, 200);
    assert.isFalse(await exists(String(fromPreset.public_id)));
  });

  it('gives no token for an unsigned upload that found an existing asset', async () => {
    await upload(signed({ public_id: 'dbt-open/taken' }));
    const again = await upload({
      upload_preset: 'dbt-open',
      public_id: 'taken',
      return_delete_token: 'true',
    });
    assert.isTrue(again.existing);
    assert.notProperty(again, 'delete_token');
    assert.isTrue(await exists('dbt-open/taken'));
  });

  it('refuses a token once it expired, deleting nothing', async () => {
    const body = await upload(signed({ public_id: 'dbt/late', return_delete_token: 'true' }));
    const issued = clock;
    try {
      clock = issued + 10 * 60_000 - 1_000;
      const early = await upload(signed({ public_id: 'dbt/early', return_delete_token: 'true' }));
      clock = issued + 10 * 60_000 + 1_000;
      const late = await deleteByToken(body.delete_token);
      assert.strictEqual(late.status, 400);
      assert.match(late.body.error?.message ?? '', /expired/i);
      assert.isTrue(await exists('dbt/late'));
      // Issued later, so still within its own ten minutes.
      assert.strictEqual((await deleteByToken(early.delete_token)).status, 200);
    } finally {
      clock = Date.now();
    }
  });

  it('refuses a tampered, truncated or missing token, deleting nothing', async () => {
    const body = await upload(signed({ public_id: 'dbt/kept', return_delete_token: 'true' }));
    const token = String(body.delete_token);
    const [version, payload, mac] = token.split('.') as [string, string, string];
    // Points a valid-looking token at another asset: the MAC no longer matches.
    await upload(signed({ public_id: 'dbt/victim' }));
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('dbt/kept', 'dbt/victim'),
    ).toString('base64url');
    const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [
      `${version}.${forged}.${mac}`,
      `${version}.${payload}.${flipped}`,
      `${version}.${payload}`,
      `${token}.x`,
      'not-a-token',
      '',
    ]) {
      const { status, body: answer } = await deleteByToken(bad);
      assert.strictEqual(status, 400, bad);
      assert.isString(answer.error?.message, bad);
    }
    const missing = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/delete_by_token`, { method: 'POST' });
    assert.strictEqual(missing.status, 400);
    assert.isTrue(await exists('dbt/kept'));
    assert.isTrue(await exists('dbt/victim'));
  });

  it('refuses a token on another cloud', async () => {
    const body = await upload(signed({ public_id: 'dbt/cloud', return_delete_token: 'true' }));
    const { status, body: answer } = await deleteByToken(body.delete_token, 'other-cloud');
    assert.oneOf(status, [400, 401]);
    assert.isString(answer.error?.message);
    assert.isTrue(await exists('dbt/cloud'));
  });

  it('refuses the token of a version that was overwritten, keeping the new upload', async () => {
    const first = await upload(signed({ public_id: 'dbt/replaced', return_delete_token: 'true' }));
    const second = await upload(signed({ public_id: 'dbt/replaced', overwrite: 'true' }));
    assert.isTrue(second.overwritten);
    const stale = await deleteByToken(first.delete_token);
    assert.strictEqual(stale.status, 404);
    assert.isTrue(await exists('dbt/replaced'));
  });

  it('refuses an old token after the asset was deleted and uploaded again under the same public id', async () => {
    const first = await upload(signed({ public_id: 'dbt/again', return_delete_token: 'true' }));
    assert.strictEqual((await deleteByToken(first.delete_token)).status, 200);
    const second = await upload(signed({ public_id: 'dbt/again', return_delete_token: 'true' }));
    assert.strictEqual((await deleteByToken(first.delete_token)).status, 404);
    assert.isTrue(await exists('dbt/again'));
    assert.strictEqual((await deleteByToken(second.delete_token)).status, 200);
    assert.isFalse(await exists('dbt/again'));
  });

  it('refuses a non-boolean return_delete_token', async () => {
    const { status } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: 'dbt/odd', return_delete_token: 'maybe' }),
      { bytes: png, filename: 'p.png' },
    );
    assert.strictEqual(status, 400);
    assert.isFalse(await exists('dbt/odd'));
  });
});
