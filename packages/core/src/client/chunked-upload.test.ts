import { describe, it } from 'node:test';
import { assert } from 'chai';
import { randomUploadId, uploadInChunks } from './chunked-upload.js';
import { KumoApiError, KumoClientError } from './errors.js';

const blob = new Blob([new Uint8Array(7).map((_, i) => i)]);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a failure');
}

describe('uploadInChunks', () => {
  it('splits into ranges with -1 totals until the last chunk', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    const result = await uploadInChunks(
      blob,
      async (chunk, headers) => {
        seen.push(headers['Content-Range'] ?? '');
        sizes.push(chunk.size);
        return { public_id: 'done' } as never;
      },
      { chunkSize: 3, uniqueUploadId: 'abc' },
    );
    assert.deepEqual(seen, ['bytes 0-2/-1', 'bytes 3-5/-1', 'bytes 6-6/7']);
    assert.deepEqual(sizes, [3, 3, 1]);
    assert.deepEqual(result, { public_id: 'done' } as never);
  });

  it('sends a single chunk with the real total when the file fits', async () => {
    const seen: string[] = [];
    await uploadInChunks(blob, async (_chunk, headers) => {
      seen.push(headers['Content-Range'] ?? '');
      return {} as never;
    });
    assert.deepEqual(seen, ['bytes 0-6/7']);
  });

  it('retries network failures and gives the resume point when out of retries', async () => {
    let calls = 0;
    const error = await failure(
      uploadInChunks(
        blob,
        async () => {
          calls++;
          throw new KumoApiError(0, 'offline');
        },
        { chunkSize: 3, retries: 2, retryDelayMs: 1, uniqueUploadId: 'id1' },
      ),
    );
    assert.equal(calls, 3);
    assert.deepEqual((error as KumoApiError).resume, { uploadId: 'id1', offset: 0 });
  });

  it('validates its options', async () => {
    const send = async () => ({}) as never;
    assert.instanceOf(await failure(uploadInChunks(blob, send, { chunkSize: 0 })), KumoClientError);
    assert.instanceOf(await failure(uploadInChunks(blob, send, { startOffset: 7 })), KumoClientError);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const error = await failure(
      uploadInChunks(
        blob,
        async () => {
          throw new KumoApiError(0, 'offline');
        },
        { signal: controller.signal, retryDelayMs: 1 },
      ),
    );
    assert.instanceOf(error, KumoApiError);
  });
});

describe('randomUploadId', () => {
  it('gives distinct lowercase alphanumeric ids', () => {
    const a = randomUploadId();
    assert.match(a, /^[a-z0-9]{16}$/);
    assert.notEqual(a, randomUploadId());
  });
});
