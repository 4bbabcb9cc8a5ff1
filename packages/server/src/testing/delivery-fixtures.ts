import sharp from 'sharp';
import { postForm, signed, type TestServer } from './test-server.js';

/** A 400×300 JPEG in one colour (20,120,220), so sampled pixels have known values. */
export function makePhoto(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 220 } } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** A 60×40 opaque green PNG used as an overlay. */
export function makeLogo(): Promise<Buffer> {
  return sharp({
    create: { width: 60, height: 40, channels: 4, background: { r: 0, g: 255, b: 0, alpha: 1 } },
  })
    .png()
    .toBuffer();
}

/** Uploads through the real Upload API (signed), returning the response body. */
export async function uploadAsset(
  server: TestServer,
  bytes: Uint8Array,
  params: Record<string, string>,
  resourceType = 'image',
): Promise<Record<string, unknown>> {
  const filename = params.filename ?? 'file.bin';
  const { filename: _unused, ...fields } = params;
  const response = await postForm(`${server.url}/v1_1/demo/${resourceType}/upload`, signed(fields), {
    bytes,
    filename,
  });
  if (response.status !== 200) throw new Error(`upload failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Fetches a URL and returns status, headers and body bytes. */
export async function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(url, { headers, method });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}
