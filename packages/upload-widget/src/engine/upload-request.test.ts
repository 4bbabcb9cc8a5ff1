import { describe, it } from 'node:test';
import { KumoApiError, type UploadResponse } from '@kumo/core';
import { assert } from 'chai';
import { isAbortError } from './abort-error.js';
import { randomBytes, testServer, uniqueName, unsignedPreset } from './engine-fixtures.test.js';
import { uploadUrl } from './upload-params.js';
import { postForm } from './upload-request.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  return assert.fail('expected a rejection');
}

function rawUrl(): string {
  return uploadUrl({ ...testServer(), resourceType: 'raw' });
}

describe('postForm', () => {
  it('posts fields and bytes as multipart and resolves with the JSON answer, reporting progress', async () => {
    const preset = await unsignedPreset();
    const publicId = uniqueName('request');
    const bytes = randomBytes(300_000);
    const progress: [number, number][] = [];
    let sent = false;
    const response = await postForm<UploadResponse>({
      url: rawUrl(),
      fields: [
        ['upload_preset', preset],
        ['public_id', publicId],
      ],
      file: new Blob([bytes]),
      filename: 'payload.bin',
      onProgress: (loaded, total) => progress.push([loaded, total]),
      onSent: () => {
        sent = true;
      },
    });
    assert.equal(response.public_id, publicId);
    assert.equal(response.bytes, bytes.length);
    assert.equal(response.original_filename, 'payload');
    assert.isTrue(sent);
    assert.isNotEmpty(progress);
    const [loaded, total] = progress[progress.length - 1]!;
    assert.equal(loaded, total);
    assert.isAbove(total, bytes.length, 'the multipart body is the file plus the form around it');
  });

  it('sends a URL string as the file field for the server to fetch', async () => {
    const preset = await unsignedPreset();
    const pixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';
    const response = await postForm<UploadResponse>({
      url: uploadUrl(testServer()),
      fields: [['upload_preset', preset]],
      file: pixel,
    });
    assert.equal(response.format, 'png');
    assert.equal(response.width, 1);
  });

  it('rejects with the server’s status and error.message', async () => {
    const error = await rejection(
      postForm({ url: rawUrl(), fields: [['upload_preset', uniqueName('missing')]], file: new Blob(['x']) }),
    );
    assert.instanceOf(error, KumoApiError);
    assert.equal((error as KumoApiError).status, 400);
    assert.match(error.message, /^Upload preset not found/);
  });

  it('rejects with status 0 when nothing answers', async () => {
    const error = await rejection(
      postForm({ url: 'http://127.0.0.1:9/v1_1/demo/raw/upload', fields: [], file: new Blob(['x']) }),
    );
    assert.equal((error as KumoApiError).status, 0);
    assert.match(error.message, /^Network error/);
  });

  it('rejects with an AbortError when aborted, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    const file = new Blob([randomBytes(1000)]);
    assert.isTrue(
      isAbortError(await rejection(postForm({ url: rawUrl(), fields: [], file, signal: before.signal }))),
    );
    const during = new AbortController();
    const pending = postForm({ url: rawUrl(), fields: [], file, signal: during.signal });
    during.abort();
    assert.isTrue(isAbortError(await rejection(pending)));
  });
});
