/**
 * The official `cloudinary` SDK, unchanged, pointed at a Kumo test server. The SDK reads
 * CLOUDINARY_URL once, when first loaded, so it is loaded after the server starts, and a process
 * (each conformance test file runs in its own) can point it at one server only.
 */
import {
  type StartOptions,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from './test-server.js';

// biome-ignore lint/suspicious/noExplicitAny: the SDK ships loose typings; tests read fields by name.
export type SdkResult = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: the SDK's v2 namespace, typed loosely by the SDK itself.
export type Sdk = any;

/** Starts a test server (`env` as for `startTestServer`) and loads the SDK against it. */
export async function startServerWithSdk(
  env: Record<string, string> = {},
  options?: StartOptions,
): Promise<{ server: TestServer; cloudinary: Sdk }> {
  const server = await startTestServer(env, options);
  process.env.CLOUDINARY_URL = `cloudinary://${TEST_KEY}:${TEST_SECRET}@${TEST_CLOUD}?upload_prefix=${server.url}`;
  const cloudinary: Sdk = (await import('cloudinary')).v2;
  return { server, cloudinary };
}
