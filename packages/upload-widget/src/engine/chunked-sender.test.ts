import { describe, it } from 'node:test';
import { KumoApiError, randomUploadId } from '@kumo/core';
import { assert } from 'chai';
import { type ChunkResumePoint, sendInChunks } from './chunked-sender.js';
import {
  download,
  randomBytes,
  startCountingRequests,
  testServer,
  uniqueName,
  unsignedPreset,
  uploadRequests,
} from './engine-fixtures.test.js';
import { DEFAULT_RETRY_DELAYS } from './request-retry.js';
import { uploadUrl } from './upload-params.js';
import { postForm } from './upload-request.js';

const CHUNK = 64 * 1024;

async function setup(size: number) {
  const preset = await unsignedPreset();
  const publicId = uniqueName('chunked');
  const bytes = randomBytes(size);
  return {
    bytes,
    publicId,
    upload: {
      url: uploadUrl({ ...testServer(), resourceType: 'raw' }),
      fields: [
        ['upload_preset', preset],
        ['public_id', publicId],
      ] as [string, string][],
      blob: new Blob([bytes]),
      filename: 'random.bin',
      chunkSize: CHUNK,
      retryDelays: DEFAULT_RETRY_DELAYS,
    },
  };
}

describe('sendInChunks', () => {
  it('makes upload ids of lowercase letters and digits, different every time', () => {
    const id = randomUploadId();
    assert.match(id, /^[a-z0-9]{16}$/);
    assert.notEqual(randomUploadId(), id);
  });

  it('sends the file in ranges the server puts back together byte for byte', async () => {
    const { bytes, publicId, upload } = await setup(5 * CHUNK + 1234);
    const points: ChunkResumePoint[] = [];
    const progress: number[] = [];
    let finalSent = 0;
    startCountingRequests();
    const response = await sendInChunks({
      ...upload,
      onResumePoint: (point) => points.push(point),
      onProgress: (sent) => progress.push(sent),
      onFinalSent: () => finalSent++,
    });
    assert.equal(response.public_id, publicId);
    assert.equal(response.bytes, bytes.length);
    assert.deepEqual(await download(response.secure_url), bytes);
    assert.lengthOf(uploadRequests(), 6);
    assert.deepEqual(
      points.map((point) => point.offset),
      [0, CHUNK, 2 * CHUNK, 3 * CHUNK, 4 * CHUNK, 5 * CHUNK],
    );
    assert.isTrue(points.every((point) => point.uploadId === points[0]!.uploadId));
    assert.equal(finalSent, 1);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only grows',
    );
  });

  it('continues an interrupted upload from its resume point with the same id', async () => {
    const { bytes, upload } = await setup(3 * CHUNK + 10);
    const uploadId = randomUploadId();
    // The first chunk went up before the "interruption".
    const first = await postForm<{ done: boolean; bytes: number }>({
      url: upload.url,
      fields: upload.fields,
      file: upload.blob.slice(0, CHUNK),
      filename: upload.filename,
      headers: { 'X-Unique-Upload-Id': uploadId, 'Content-Range': `bytes 0-${CHUNK - 1}/${bytes.length}` },
    });
    assert.deepInclude(first, { done: false, bytes: CHUNK });
    startCountingRequests();
    const response = await sendInChunks({ ...upload, resume: { uploadId, offset: CHUNK } });
    assert.lengthOf(uploadRequests(), 3, 'only the chunks the server did not have');
    assert.deepEqual(await download(response.secure_url), bytes);
  });

  it('starts over once when the server no longer has the earlier chunks', async () => {
    const { bytes, upload } = await setup(2 * CHUNK + 10);
    const points: number[] = [];
    startCountingRequests();
    const response = await sendInChunks({
      ...upload,
      resume: { uploadId: randomUploadId(), offset: CHUNK },
      onResumePoint: (point) => points.push(point.offset),
    });
    assert.deepEqual(await download(response.secure_url), bytes);
    assert.deepEqual(points, [CHUNK, 0, CHUNK, 2 * CHUNK]);
    assert.lengthOf(uploadRequests(), 4, 'the second chunk alone, then the whole file');
  });

  it('fails at once with the server’s message on a 4xx answer', async () => {
    const { upload } = await setup(2 * CHUNK);
    startCountingRequests();
    let error: unknown;
    try {
      await sendInChunks({ ...upload, fields: [['upload_preset', uniqueName('missing')]] });
    } catch (caught) {
      error = caught;
    }
    assert.instanceOf(error, KumoApiError);
    assert.equal((error as KumoApiError).status, 400);
    assert.match((error as Error).message, /^Upload preset not found/);
    assert.lengthOf(uploadRequests(), 1);
  });
});
