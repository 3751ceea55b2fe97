// The shared queue for several `serve` instances: event identities, watermarks and workflow
// answers in our own tables, the contacts to re-score as pg-boss jobs. pg-boss's "stately"
// policy keeps at most one waiting and one active job per contact: the coalescing, done by
// the database. The job is inserted in the same transaction as the watermarks, so a 200
// means both are committed.
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Claim, EnqueueResult, WebhookQueue } from './queue.ts';
import { DEDUPE_RETENTION_MS } from './queue-sqlite.ts';

export const RESCORE_QUEUE = 'lead-decisions-rescore';

export interface PostgresQueueOptions {
  /** How long a claimed contact stays leased (a killed instance's contacts come back after it). Default 60 s. */
  leaseSeconds?: number;
  /** How often pg-boss looks for expired leases. Default 30 s. */
  maintenanceSeconds?: number;
}

const SCHEMA = `
CREATE SCHEMA IF NOT EXISTS lead_decisions;
CREATE TABLE IF NOT EXISTS lead_decisions.seen_events (key TEXT PRIMARY KEY, received_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS seen_events_at ON lead_decisions.seen_events (received_at);
CREATE TABLE IF NOT EXISTS lead_decisions.watermarks (contact_id TEXT NOT NULL, property TEXT NOT NULL, occurred_at BIGINT NOT NULL, PRIMARY KEY (contact_id, property));
CREATE TABLE IF NOT EXISTS lead_decisions.answers (callback_id TEXT PRIMARY KEY, answer JSONB NOT NULL, stored_at BIGINT NOT NULL);
`;

export async function openPostgresQueue(url: string, options: PostgresQueueOptions = {}): Promise<WebhookQueue> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const leaseSeconds = options.leaseSeconds ?? 60;
  const boss = new PgBoss({
    connectionString: url, max: 4, schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30, monitorStateIntervalSeconds: 60,
  });
  // pg-boss reports background errors as events; without a listener Node would crash on them.
  boss.on('error', () => {});
  try {
    // Two instances starting at once race on CREATE IF NOT EXISTS: an advisory lock orders them.
    const c = await pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(7341101)');
      await c.query(SCHEMA);
      await c.query('SELECT pg_advisory_unlock(7341101)');
    } finally { c.release(); }
    await boss.start();
    const queue = { name: RESCORE_QUEUE, policy: 'stately' as const, expireInSeconds: leaseSeconds, retryLimit: 50, retryDelay: Math.min(5, leaseSeconds), retryBackoff: true };
    if (!(await boss.getQueue(RESCORE_QUEUE))) await boss.createQueue(RESCORE_QUEUE, queue).catch(() => {});
    else await boss.updateQueue(RESCORE_QUEUE, queue);
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    await pool.end().catch(() => {});
    throw error;
  }
  let lastPrune = 0;

  return {
    kind: 'postgres',
    async enqueue(changes, receivedAt, settleMs = 0) {
      const out: EnqueueResult = { accepted: 0, duplicates: 0, stale: 0, contacts: 0 };
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const contacts = new Set<string>();
        for (const c of changes) {
          const seen = await client.query('INSERT INTO lead_decisions.seen_events (key, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [c.key, receivedAt]);
          if (seen.rowCount === 0) { out.duplicates++; continue; }
          const mark = await client.query(`INSERT INTO lead_decisions.watermarks (contact_id, property, occurred_at) VALUES ($1, $2, $3)
            ON CONFLICT (contact_id, property) DO UPDATE SET occurred_at = EXCLUDED.occurred_at WHERE watermarks.occurred_at < EXCLUDED.occurred_at`, [c.contactId, c.property, c.occurredAt]);
          if (mark.rowCount === 0) { out.stale++; continue; }
          out.accepted++;
          contacts.add(c.contactId);
        }
        if (contacts.size > 0) {
          const db = { executeSql: async (text: string, values: unknown[]) => client.query(text, values) };
          await boss.insert([...contacts].map((id) => ({ name: RESCORE_QUEUE, data: { contactId: id }, singletonKey: id, startAfter: `${settleMs / 1000} seconds` })), { db });
        }
        if (receivedAt - lastPrune > 3_600_000) {
          await client.query('DELETE FROM lead_decisions.seen_events WHERE received_at < $1', [receivedAt - DEDUPE_RETENTION_MS]);
          lastPrune = receivedAt;
        }
        await client.query('COMMIT');
        out.contacts = contacts.size;
        return out;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async claim(max) {
      const jobs = await boss.fetch<{ contactId: string }>(RESCORE_QUEUE, { batchSize: max });
      return jobs.map((j) => ({ contactId: j.data.contactId, token: j.id }));
    },
    async complete(claims: readonly Claim[]) {
      if (claims.length > 0) await boss.complete(RESCORE_QUEUE, claims.map((c) => c.token));
    },
    async release(claims: readonly Claim[]) {
      // pg-boss applies the queue's retry delay (with backoff) itself.
      if (claims.length > 0) await boss.fail(RESCORE_QUEUE, claims.map((c) => c.token));
    },
    async depth() {
      const r = await pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [RESCORE_QUEUE]);
      return (r.rows[0] as { n: number }).n;
    },
    async recallAnswer(callbackId) {
      const r = await pool.query('SELECT answer FROM lead_decisions.answers WHERE callback_id = $1', [callbackId]);
      return r.rows.length === 0 ? null : (r.rows[0] as { answer: unknown }).answer;
    },
    async storeAnswer(callbackId, answer) {
      await pool.query('INSERT INTO lead_decisions.answers (callback_id, answer, stored_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [callbackId, JSON.stringify(answer), Date.now()]);
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
