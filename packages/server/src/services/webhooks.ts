import { signNotification } from '@kumo/core';
import type { WebhookQueue } from '../catalog/webhook-queue.js';
import { randomHex } from './asset-naming.js';
import type { Credentials } from './credentials.js';
import { postGuarded } from './remote-fetch.js';
import { badRequest } from './service-error.js';

export interface WebhookOptions {
  /** Receives every notification of every cloud, besides per-request `notification_url`s. */
  readonly globalUrl?: string;
  /** Hosts that may be private (same allow-list as remote-URL uploads). */
  readonly allow: readonly string[];
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** Delay before the first retry; it doubles on each further failure (capped at one hour). */
  readonly retryDelayMs: number;
  readonly pollMs: number;
}

/**
 * Sends Cloudinary-style notifications: JSON POSTs signed with `X-Cld-Timestamp` and
 * `X-Cld-Signature` (SHA-1 of body + timestamp + the cloud's first API secret). Deliveries are
 * queued in the catalog first, so a crash or restart loses none, and retried with backoff.
 */
export class Webhooks {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly queue: WebhookQueue,
    private readonly credentials: Credentials,
    private readonly options: WebhookOptions,
  ) {}

  /** Queues `payload` for the request's notification URL (if any) and the global one. */
  async notify(
    cloud: string,
    requestUrl: string | undefined,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const urls = [
      ...new Set([requestUrl, this.options.globalUrl].filter((url): url is string => Boolean(url))),
    ];
    if (!urls.length) return;
    const now = new Date();
    const body = JSON.stringify({ ...payload, timestamp: now.toISOString(), request_id: randomHex(16) });
    for (const url of urls) await this.queue.enqueue({ id: randomHex(16), cloud, url, body }, now);
    this.kick();
  }

  start(): void {
    this.timer ??= setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs a delivery round now, or right after the current one. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.again && this.timer) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Delivers everything due; exposed for tests and shutdown. */
  async deliverDue(): Promise<void> {
    for (;;) {
      const batch = await this.queue.claimDue(new Date(), 20, this.options.timeoutMs * 2);
      if (!batch.length) return;
      await Promise.all(
        batch.map(async (delivery) => {
          const attempts = delivery.attempts + 1;
          try {
            const key = this.credentials.primaryKey(delivery.cloud);
            const headers = await signNotification(delivery.body, key.secret);
            const status = await postGuarded(
              delivery.url,
              delivery.body,
              { 'content-type': 'application/json', ...headers },
              this.options,
            );
            if (status >= 200 && status < 300) return this.queue.delivered(delivery.id);
            throw new Error(`HTTP ${status}`);
          } catch (error) {
            const delay = Math.min(this.options.retryDelayMs * 2 ** (attempts - 1), 3_600_000);
            const retryAt = attempts < this.options.maxAttempts ? new Date(Date.now() + delay) : undefined;
            await this.queue.failed(delivery.id, attempts, (error as Error).message, retryAt);
          }
        }),
      );
    }
  }
}

/** Checks a `notification_url` parameter before anything is queued for it. */
export function validateNotificationUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the refusal
  }
  throw badRequest(`Invalid notification_url ${value}`);
}
