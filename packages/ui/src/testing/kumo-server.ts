/**
 * The real Kumo server of an element test run (Chromium only; not part of the build), as the test
 * runner's server plugin (scripts/browser/kumo-server-plugin.mjs) announces and drives it. The
 * secret never enters the page: Admin API calls run on the runner's side.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Where a test server listens. */
export interface TestServer {
  readonly apiBase: string;
  readonly cloudName: string;
  readonly apiKey: string;
  /** A static site on loopback standing in for a remote website the server may fetch from. */
  readonly remoteOrigin?: string;
}

/** The shared test server (`globalThis.__KUMO_TEST_SERVER__`, sample assets included). */
export function testServer(): TestServer {
  const server = (globalThis as { __KUMO_TEST_SERVER__?: TestServer }).__KUMO_TEST_SERVER__;
  if (!server) throw new Error('No Kumo test server: run through scripts/test-browser.mjs');
  return server;
}

/** Calls the Admin API of the named server (`main` is the shared one) with the key and secret. */
export function admin<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  server = 'main',
): Promise<{ status: number; body: T }> {
  return executeServerCommand('kumo-server', { action: 'admin', method, path, body, server });
}

/**
 * A server of the test's own (started on first use), for tests that take it down: files running
 * alongside keep using the shared one.
 */
export function ownServer(name: string): Promise<TestServer> {
  return executeServerCommand('kumo-server', { action: 'start', server: name });
}

/** Stops the named server, waits `downMs`, and starts it again on the same port and data. */
export async function restartServer(downMs: number, server: string): Promise<void> {
  await executeServerCommand('kumo-server', { action: 'restart', downMs, server });
}
