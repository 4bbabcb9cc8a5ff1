import type { Kysely } from 'kysely';
import type { CatalogSchema, WebhookDeliveryRow } from './schema.js';

/**
 * Notifications waiting to be delivered, kept in the catalog database so that a restart loses
 * none. A delivery is claimed by pushing its next attempt into the future before it is sent, so
 * two processes sharing the database do not send it at the same time.
 */
export class WebhookQueue {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async enqueue(
    delivery: { id: string; cloud: string; url: string; body: string },
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('webhook_deliveries')
      .values({
        ...delivery,
        attempts: 0,
        status: 'pending',
        next_attempt_at: now.toISOString(),
        last_error: null,
        created_at: now.toISOString(),
      })
      .execute();
  }

  /** Claims up to `limit` due deliveries, leasing them for `leaseMs`. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDeliveryRow[]> {
    const due = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    const claimed: WebhookDeliveryRow[] = [];
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    for (const row of due) {
      const result = await this.db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: lease })
        .where('id', '=', row.id)
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push(row);
    }
    return claimed;
  }

  async delivered(id: string): Promise<void> {
    await this.db.deleteFrom('webhook_deliveries').where('id', '=', id).execute();
  }

  async failed(id: string, attempts: number, error: string, retryAt: Date | undefined): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        attempts,
        last_error: error.slice(0, 1000),
        status: retryAt ? 'pending' : 'failed',
        next_attempt_at: (retryAt ?? new Date()).toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  async pending(): Promise<WebhookDeliveryRow[]> {
    return this.db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at').execute();
  }
}
