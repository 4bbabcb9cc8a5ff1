// Upload parameters beyond the basics: async, callback, moderation, invalidate, and the
// upload_chunked endpoint, against a real server with a real SQLite catalog.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** A loopback origin that serves a PNG once `release()` is called, and records notifications. */
async function originAndReceiver(png: Buffer) {
  const notifications: Record<string, unknown>[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    if (request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        notifications.push(JSON.parse(body) as Record<string, unknown>);
        response.writeHead(200).end('ok');
      });
      return;
    }
    requested.push(request.url ?? '');
    if (request.url === '/slow.png') {
      void released.then(() => response.writeHead(200, { 'content-type': 'image/png' }).end(png));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    notifications,
    requested,
    release,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function postUrlEncoded(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    redirect: 'manual',
  });
}

/** A POST through node:http, which sends the headers exactly as given. */
function rawPost(url: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': body.length },
      });
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      });
      request.on('error', reject);
      request.end(body);
    },
  );
}

async function adminGet(server: TestServer, path: string) {
  const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}${path}`, { headers: basic });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Upload API: async uploads', () => {
  let server: TestServer;
  let origin: Awaited<ReturnType<typeof originAndReceiver>>;
  let png: Buffer;
  before(async () => {
    png = await makePng(30, 20);
    origin = await originAndReceiver(png);
    server = await startTestServer({ KUMO_FETCH_ALLOW: `127.0.0.1:${origin.port}` });
  });
  after(async () => {
    await server.close();
    await origin.close();
  });

  it('answers pending before the remote file is fetched, then stores it and notifies notification_url', async () => {
    const hook = `${origin.url}/hook`;
    const response = await postUrlEncoded(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({
        file: `${origin.url}/slow.png`,
        public_id: 'later/photo',
        async: 'true',
        notification_url: hook,
      }),
    );
    const body = (await response.json()) as Record<string, unknown>;
    assert.strictEqual(response.status, 200, JSON.stringify(body));
    assert.strictEqual(body.status, 'pending');
    assert.strictEqual(body.type, 'upload');
    assert.strictEqual(body.public_id, 'later/photo');
    assert.match(String(body.batch_id), /^[0-9a-f]{32}$/);
    // The origin has not answered yet, so nothing can be stored.
    assert.strictEqual((await adminGet(server, '/resources/image/upload/later/photo')).status, 404);

    origin.release();
    const notification = await waitFor(() => origin.notifications.find((n) => n.batch_id === body.batch_id));
    assert.strictEqual(notification.notification_type, 'upload');
    assert.strictEqual(notification.public_id, 'later/photo');
    assert.strictEqual(notification.width, 30);
    assert.strictEqual(notification.etag, createHash('md5').update(png).digest('hex'));
    const stored = await adminGet(server, '/resources/image/upload/later/photo');
    assert.strictEqual(stored.status, 200);
    assert.strictEqual(stored.body.bytes, png.length);
  });

  it('stores multipart bytes in the background after the request has ended', async () => {
    const hook = `${origin.url}/hook`;
    const { status, body } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: 'later/bytes', async: '1', notification_url: hook }),
      { bytes: png, filename: 'b.png' },
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
    assert.strictEqual(body.status, 'pending');
    const notification = await waitFor(() => origin.notifications.find((n) => n.batch_id === body.batch_id));
    assert.strictEqual(notification.public_id, 'later/bytes');
    assert.strictEqual(notification.bytes, png.length);
  });

  it('reports a background failure to notification_url with status failed', async () => {
    const { status, body } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ file: `${origin.url}/missing.png`, async: 'true', notification_url: `${origin.url}/hook` }),
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
    const notification = await waitFor(() => origin.notifications.find((n) => n.batch_id === body.batch_id));
    assert.strictEqual(notification.status, 'failed');
    assert.match(String((notification.error as { message: string }).message), /./);
  });

  it('refuses parameters it can check up front instead of answering pending', async () => {
    const cases: Record<string, string>[] = [
      { async: 'true', tags: 'a\u0001b' },
      { async: 'true', notification_url: 'ftp://example.com/x' },
      { async: 'true', moderation: 'aws_rek' },
      { async: 'maybe' },
    ];
    for (const fields of cases) {
      const { status, body } = await postForm(
        `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
        signed(fields),
        {
          bytes: png,
          filename: 'x.png',
        },
      );
      assert.strictEqual(status, 400, JSON.stringify({ fields, body }));
    }
  });

  it('finishes accepted background uploads before the server closes', async () => {
    const dataServer = await startTestServer();
    const dataDir = dataServer.dataDir;
    const { body } = await postForm(
      `${dataServer.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: 'drained', async: 'true' }),
      { bytes: png, filename: 'd.png' },
    );
    assert.strictEqual(body.status, 'pending');
    await dataServer.app.close();
    const reopened = await startTestServer({ KUMO_DATA_DIR: dataDir });
    try {
      const stored = await adminGet(reopened, '/resources/image/upload/drained');
      assert.strictEqual(stored.status, 200, JSON.stringify(stored.body));
      assert.strictEqual(stored.body.bytes, png.length);
    } finally {
      await reopened.close();
      await dataServer.close();
    }
  });
});

describe('Upload API: callback, moderation, invalidate, upload_chunked', () => {
  let server: TestServer;
  let uploadUrl: string;
  before(async () => {
    server = await startTestServer();
    uploadUrl = `${server.url}/v1_1/${TEST_CLOUD}/image/upload`;
  });
  after(async () => server.close());

  it('redirects a browser form post to callback with the JSON response as the query string', async () => {
    const png = await makePng(12, 10);
    const form = new FormData();
    for (const [key, value] of Object.entries(
      signed({ public_id: 'form/post', callback: 'https://app.example/cloudinary_cors.html?old=1#frag' }),
    ))
      form.append(key, value);
    form.append('file', new Blob([new Uint8Array(png)]), 'f.png');
    // fetch() always sends Sec-Fetch-Mode: cors; a browser submitting a form sends navigate.
    const encoded = new Request(uploadUrl, { method: 'POST', body: form });
    const response = await rawPost(uploadUrl, Buffer.from(await encoded.arrayBuffer()), {
      'content-type': encoded.headers.get('content-type') ?? '',
      'sec-fetch-mode': 'navigate',
    });
    assert.strictEqual(response.status, 302);
    const location = new URL(String(response.headers.location));
    assert.strictEqual(`${location.origin}${location.pathname}`, 'https://app.example/cloudinary_cors.html');
    assert.strictEqual(location.hash, '');
    // What the callback page does: decode the whole query string and parse it as JSON.
    const result = JSON.parse(decodeURIComponent(location.search.slice(1))) as Record<string, unknown>;
    assert.strictEqual(result.public_id, 'form/post');
    assert.strictEqual(result.width, 12);
    assert.strictEqual(result.bytes, png.length);
  });

  it('answers scripted requests with callback as JSON, as Cloudinary ignores callback for XHR', async () => {
    const png = await makePng(5, 5);
    const scripted: Record<string, string>[] = [
      { 'x-requested-with': 'XMLHttpRequest' },
      { 'sec-fetch-mode': 'cors' },
    ];
    for (const headers of scripted) {
      const { status, body } = await postForm(
        uploadUrl,
        signed({ public_id: 'form/xhr', callback: 'https://app.example/cb' }),
        { bytes: png, filename: 'x.png' },
        headers,
      );
      assert.strictEqual(status, 200, JSON.stringify(body));
      assert.strictEqual(body.public_id, 'form/xhr');
    }
  });

  it('refuses a callback that is not an http(s) URL', async () => {
    for (const callback of ['javascript:alert(1)', 'not a url', 'https://user:pw@app.example/cb']) {
      const fields = signed({
        file: `data:image/png;base64,${(await makePng(2, 2)).toString('base64')}`,
        callback,
      });
      const response = await rawPost(uploadUrl, Buffer.from(new URLSearchParams(fields).toString()), {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-mode': 'navigate',
      });
      assert.strictEqual(response.status, 400, callback);
      assert.match((JSON.parse(response.body) as { error: { message: string } }).error.message, /callback/);
    }
  });

  it('records manual moderation as pending and lists, approves and re-lists by moderation status', async () => {
    const png = await makePng(6, 6);
    const { status, body } = await postForm(
      uploadUrl,
      signed({ public_id: 'mod/one', moderation: 'manual' }),
      {
        bytes: png,
        filename: 'm.png',
      },
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
    assert.strictEqual(body.moderation_status, 'pending');
    assert.strictEqual(body.moderation_kind, 'manual');
    assert.deepEqual(body.moderation, [{ kind: 'manual', status: 'pending' }]);
    await postForm(uploadUrl, signed({ public_id: 'mod/unmoderated' }), { bytes: png, filename: 'u.png' });

    const pending = await adminGet(server, '/resources/image/moderations/manual/pending');
    assert.deepEqual(
      (pending.body.resources as { public_id: string }[]).map((r) => r.public_id),
      ['mod/one'],
    );
    const update = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/image/upload/mod/one`, {
      method: 'POST',
      headers: { ...basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ moderation_status: 'approved' }),
    });
    assert.strictEqual(update.status, 200);
    assert.strictEqual(((await update.json()) as Record<string, unknown>).moderation_status, 'approved');
    assert.deepEqual(
      (await adminGet(server, '/resources/image/moderations/manual/pending')).body.resources,
      [],
    );
    const approved = await adminGet(server, '/resources/image/moderations/manual/approved');
    assert.deepEqual(
      (approved.body.resources as { public_id: string; moderation_status: string }[]).map((r) => [
        r.public_id,
        r.moderation_status,
      ]),
      [['mod/one', 'approved']],
    );
    const unmoderated = await adminGet(server, '/resources/image/upload/mod/unmoderated');
    assert.notProperty(unmoderated.body, 'moderation_status');
  });

  it('refuses moderation kinds that need a remote service, and unknown moderation statuses', async () => {
    const png = await makePng(4, 4);
    const { status, body } = await postForm(uploadUrl, signed({ moderation: 'webpurify' }), {
      bytes: png,
      filename: 'w.png',
    });
    assert.strictEqual(status, 400);
    assert.match(JSON.stringify(body), /manual/);
    assert.strictEqual((await adminGet(server, '/resources/image/moderations/manual/maybe')).status, 400);
  });

  it('accepts invalidate as a boolean and stores the upload', async () => {
    const png = await makePng(4, 4);
    const ok = await postForm(uploadUrl, signed({ public_id: 'inv', invalidate: 'true' }), {
      bytes: png,
      filename: 'i.png',
    });
    assert.strictEqual(ok.status, 200, JSON.stringify(ok.body));
    assert.strictEqual(ok.body.public_id, 'inv');
    const bad = await postForm(uploadUrl, signed({ invalidate: 'sometimes' }), {
      bytes: png,
      filename: 'i.png',
    });
    assert.strictEqual(bad.status, 400);
  });

  it('assembles chunks posted to upload_chunked, answering done:false until the last one', async () => {
    const bytes = randomBytes(3000);
    const chunkUrl = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload_chunked`;
    const fields = signed({ public_id: 'chunked.bin' });
    const ranges: [number, number][] = [
      [0, 1199],
      [1200, 2399],
      [2400, 2999],
    ];
    let last: Record<string, unknown> = {};
    for (const [start, end] of ranges) {
      const total = end === 2999 ? '3000' : '-1';
      const { status, body } = await postForm(
        chunkUrl,
        fields,
        { bytes: bytes.subarray(start, end + 1), filename: 'chunked.bin' },
        { 'x-unique-upload-id': 'upload-chunked-test', 'content-range': `bytes ${start}-${end}/${total}` },
      );
      assert.strictEqual(status, 200, JSON.stringify(body));
      if (end !== 2999) assert.strictEqual(body.done, false);
      last = body;
    }
    assert.strictEqual(last.public_id, 'chunked.bin');
    assert.strictEqual(last.bytes, 3000);
    assert.strictEqual(last.etag, createHash('md5').update(bytes).digest('hex'));
  });

  it('assembles numbered parts sent out of order, a re-sent part replacing itself', async () => {
    const first = randomBytes(5 * 1024 * 1024);
    const last = randomBytes(1000);
    const partUrl = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload_chunked`;
    const fields = signed({ public_id: 'parts.bin' });
    const send = (bytes: Buffer, number: number) =>
      postForm(
        partUrl,
        fields,
        { bytes, filename: 'parts.bin' },
        {
          'x-unique-upload-id': 'numbered-test',
          'x-upload-part-number': String(number),
          'x-upload-total-parts': '2',
        },
      );
    const early = await send(last, 2);
    assert.strictEqual(early.status, 200, JSON.stringify(early.body));
    assert.strictEqual(early.body.done, false);
    assert.strictEqual(early.body.bytes, 1000);
    assert.strictEqual((await send(last, 2)).body.bytes, 1000);
    const done = await send(first, 1);
    assert.strictEqual(done.status, 200, JSON.stringify(done.body));
    assert.strictEqual(done.body.public_id, 'parts.bin');
    assert.strictEqual(done.body.bytes, first.length + last.length);
    assert.strictEqual(done.body.etag, createHash('md5').update(first).update(last).digest('hex'));
  });

  it('refuses small non-final parts, part numbers out of range and conflicting totals', async () => {
    const partUrl = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload_chunked`;
    const send = (headers: Record<string, string>) =>
      postForm(partUrl, signed({}), { bytes: randomBytes(100), filename: 'p.bin' }, headers);
    const small = await send({
      'x-unique-upload-id': 'p1',
      'x-upload-part-number': '1',
      'x-upload-total-parts': '2',
    });
    assert.strictEqual(small.status, 400);
    assert.match(JSON.stringify(small.body), /5 MB minimum/);
    const outside = await send({
      'x-unique-upload-id': 'p2',
      'x-upload-part-number': '3',
      'x-upload-total-parts': '2',
    });
    assert.strictEqual(outside.status, 400);
    assert.match(JSON.stringify(outside.body), /outside 1\.\.2/);
    assert.strictEqual(
      (await send({ 'x-unique-upload-id': 'p3', 'x-upload-part-number': '3', 'x-upload-total-parts': '3' }))
        .status,
      200,
    );
    const conflicting = await send({
      'x-unique-upload-id': 'p3',
      'x-upload-part-number': '4',
      'x-upload-total-parts': '4',
    });
    assert.strictEqual(conflicting.status, 400);
    assert.match(JSON.stringify(conflicting.body), /conflicts/);
    assert.strictEqual(
      (await send({ 'x-upload-part-number': '1', 'x-upload-total-parts': '1' })).status,
      400,
    );
    assert.strictEqual((await send({ 'x-unique-upload-id': 'p4', 'x-upload-part-number': '1' })).status, 400);
  });
});
