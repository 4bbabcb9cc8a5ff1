// Shared fixtures of the engine's browser tests (the real Kumo test server, generated files). It holds
// no tests itself; the `.test.ts` name keeps it out of the package build.
import { admin as adminOf, testServer } from '@kumo/ui/testing/kumo-server';
import { uniqueName } from '../testing/widget-fixtures.js';
import { UploadQueue } from './upload-queue.js';
import type { QueueEvent, UploadQueueOptions } from './upload-queue.types.js';

export { ownServer, restartServer, type TestServer, testServer } from '@kumo/ui/testing/kumo-server';
export { uniqueName } from '../testing/widget-fixtures.js';

/** The test server's signing endpoint. */
export function signUrl(): string {
  return `${testServer().apiBase}/api/sign`;
}

/**
 * Requests made by the fixtures ride through a short outage (a server a test is restarting) instead
 * of failing the test that happens to run then.
 */
async function patiently<T>(attempt: () => Promise<T>, isOutage: (error: unknown) => boolean): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 10 || !isOutage(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** `fetch`, tried again while the server is briefly down. */
export function fetchPatiently(url: string, init?: RequestInit): Promise<Response> {
  return patiently(
    () => fetch(url, init),
    (error) => error instanceof TypeError,
  );
}

/** Calls the Admin API with the secret, which stays on the test runner's side. */
export async function admin<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: Record<string, unknown>,
  server = 'main',
): Promise<{ status: number; body: T }> {
  return patiently(
    () => adminOf<T>(method, path, body, server),
    (error) => /ECONNREFUSED|fetch failed/.test(String(error)),
  );
}

/** Creates an unsigned upload preset through the Admin API and returns its name. */
export async function unsignedPreset(
  settings: Record<string, unknown> = {},
  server = 'main',
): Promise<string> {
  const name = uniqueName('engine_preset');
  const created = await admin('POST', '/upload_presets', { name, unsigned: true, ...settings }, server);
  if (created.status !== 200) throw new Error(`Could not create preset: ${JSON.stringify(created.body)}`);
  return name;
}

/** The Admin API's view of an asset (404 body when missing). */
export function resource(publicId: string, resourceType = 'image') {
  return admin<Record<string, unknown>>('GET', `/resources/${resourceType}/upload/${publicId}`);
}

/** `size` random bytes (getRandomValues fills at most 64 KiB at a time). */
export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  return bytes;
}

/** The four quadrant colours of `imageBlob`, top-left clockwise. */
export const QUADRANTS = ['#ff0000', '#00ff00', '#0000ff', '#ffff00'] as const;

/** An image of the given size in four coloured quadrants (PNG unless another type is asked for). */
export async function imageBlob(width: number, height: number, type = 'image/png'): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const halfWidth = Math.floor(width / 2);
  const halfHeight = Math.floor(height / 2);
  const boxes = [
    [0, 0, halfWidth, halfHeight],
    [halfWidth, 0, width - halfWidth, halfHeight],
    [halfWidth, halfHeight, width - halfWidth, height - halfHeight],
    [0, halfHeight, halfWidth, height - halfHeight],
  ] as const;
  boxes.forEach(([x, y, w, h], index) => {
    context.fillStyle = QUADRANTS[index]!;
    context.fillRect(x, y, w, h);
  });
  return canvas.convertToBlob({ type });
}

/** An image file of random noise, which compresses badly: a PNG of a predictable, large size. */
export async function noisyPng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  pixels.data.set(randomBytes(pixels.data.length));
  for (let index = 3; index < pixels.data.length; index += 4) pixels.data[index] = 255;
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The colour of one pixel of an image, as `#rrggbb`. */
export async function pixelColour(blob: Blob, x: number, y: number): Promise<string> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const [r, g, b] = context.getImageData(x, y, 1, 1).data;
  return `#${[r, g, b].map((value) => value!.toString(16).padStart(2, '0')).join('')}`;
}

/** The bytes the server delivers for a URL. */
export async function download(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetchPatiently(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Every event a queue emits, in order. */
export function record(queue: UploadQueue): QueueEvent[] {
  const events: QueueEvent[] = [];
  queue.subscribe((event) => events.push(event));
  return events;
}

/** Resolves with the first event of `type` (matching `accept`), rejecting after `timeoutMs`. */
export function nextEvent<T extends QueueEvent['type']>(
  queue: UploadQueue,
  type: T,
  accept: (event: Extract<QueueEvent, { type: T }>) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<Extract<QueueEvent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No '${type}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = queue.subscribe((event) => {
      if (event.type !== type) return;
      const typed = event as Extract<QueueEvent, { type: T }>;
      if (!accept(typed)) return;
      clearTimeout(timer);
      stop();
      resolve(typed);
    });
  });
}

/** Starts counting requests (Resource Timing, emptied so its 250-entry buffer cannot fill up). */
export function startCountingRequests(): void {
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(5_000);
}

/** Upload API requests made since `startCountingRequests()`. */
export function uploadRequests(): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
    /\/v1_1\/[^/]+\/[^/]+\/upload$/.test(entry.name),
  );
}

/** What the test server's signing endpoint answers for these parameters. */
export async function signWithServer(
  params: Record<string, string | number>,
): Promise<{ signature: string; api_key: string; timestamp: string }> {
  const response = await fetchPatiently(signUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ params_to_sign: params }),
  });
  return response.json();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const queues: UploadQueue[] = [];

/** A queue on the test server (`defaults` first, then `options`), destroyed by `destroyQueues`. */
export function createQueue(
  options: Partial<UploadQueueOptions> = {},
  defaults: Partial<UploadQueueOptions> = {},
): UploadQueue {
  const { apiBase, cloudName } = testServer();
  const queue = new UploadQueue({ apiBase, cloudName, ...defaults, ...options });
  queues.push(queue);
  return queue;
}

/** Destroys the queues `createQueue` made (each test file calls it after each test). */
export function destroyQueues(): void {
  for (const queue of queues.splice(0)) queue.destroy();
}
