// The shared queue for several `serve` instances: event identities, watermarks and workflow
// answers in our own tables, the contacts to re-score as pg-boss jobs. pg-boss's "stately"
// policy keeps at most one waiting and one active job per contact: the coalescing, done by
// the database. The job is inserted in the same transaction as the watermarks, so a 200
// means both are committed.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { randomUUID } from 'node:crypto';
import type { SideEffectLedger } from '../services/side-effect-ledger.ts';
import { toLedgerEntry, type LedgerRow } from '../services/sqlite-ledger.ts';
import type { ContactChange } from './events.ts';
import type { Claim, EnqueueResult, WebhookQueue } from './queue.ts';
import { DEDUPE_RETENTION_MS } from './queue-sqlite.ts';

export const RESCORE_QUEUE = 'lead-decisions-rescore';

export interface PostgresQueueOptions {
  /** How long a claimed contact stays leased (a killed instance's contacts come back after it). Default 60 s. */
  leaseSeconds?: number;
  /** How often pg-boss looks for expired leases. Default 30 s. */
  maintenanceSeconds?: number;
  /** Our schema (default `lead_decisions`, pg-boss in `pgboss`); another name puts pg-boss in `<name>_boss`. Tests use it to stay apart. */
  schema?: string;
}

const schemaSql = (ld: string) => `
CREATE SCHEMA IF NOT EXISTS ${ld};
CREATE TABLE IF NOT EXISTS ${ld}.seen_events (key TEXT PRIMARY KEY, received_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS seen_events_at ON ${ld}.seen_events (received_at);
CREATE TABLE IF NOT EXISTS ${ld}.watermarks (contact_id TEXT NOT NULL, property TEXT NOT NULL, occurred_at BIGINT NOT NULL, PRIMARY KEY (contact_id, property));
CREATE TABLE IF NOT EXISTS ${ld}.answers (callback_id TEXT PRIMARY KEY, answer JSONB NOT NULL, stored_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS ${ld}.ledger (
  contact_id TEXT NOT NULL, dedupe_key TEXT NOT NULL, owner_id TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL, recorded_at TEXT NOT NULL, task_id TEXT, seq BIGSERIAL,
  claimed_by TEXT, claimed_until BIGINT,
  PRIMARY KEY (contact_id, dedupe_key));
CREATE INDEX IF NOT EXISTS ledger_open ON ${ld}.ledger (seq) WHERE state <> 'done';
`;

export async function openPostgresQueue(url: string, options: PostgresQueueOptions = {}): Promise<WebhookQueue> {
  const ld = options.schema ?? 'lead_decisions';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(ld)) throw new Error(`schema must be a plain lower-case identifier, got "${ld}"`);
  const bossSchema = options.schema ? `${ld}_boss` : 'pgboss';
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const leaseSeconds = options.leaseSeconds ?? 60;
  const boss = new PgBoss({
    connectionString: url, max: 4, schedule: false, schema: bossSchema,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30, monitorStateIntervalSeconds: 60,
  });
  // pg-boss reports background errors as events; without a listener Node would crash on them.
  boss.on('error', () => {});
  try {
    // Two instances starting at once race on CREATE IF NOT EXISTS: an advisory lock orders them.
    const c = await pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(7341101)');
      await c.query(schemaSql(ld));
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
    ledger: createPostgresLedger(pool, leaseSeconds, ld),
    async enqueue(changes, receivedAt, settleMs = 0) {
      const out: EnqueueResult = { accepted: 0, duplicates: 0, stale: 0, contacts: 0 };
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Locks are taken in one global order (event keys sorted, then contact properties sorted,
        // then jobs by contact), so concurrent deliveries wait for each other but never deadlock.
        const keys = [...new Set(changes.map((c) => c.key))].sort();
        const inserted = await client.query(`INSERT INTO ${ld}.seen_events (key, received_at) SELECT k, $2 FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT DO NOTHING RETURNING key`, [keys, receivedAt]);
        const fresh = new Set((inserted.rows as { key: string }[]).map((r) => r.key));
        const byProperty = new Map<string, ContactChange[]>();
        for (const c of changes) {
          if (!fresh.delete(c.key)) { out.duplicates++; continue; }
          const k = `${c.contactId}\u0000${c.property}`;
          byProperty.set(k, [...(byProperty.get(k) ?? []), c]);
        }
        const contacts = new Set<string>();
        for (const k of [...byProperty.keys()].sort()) {
          const list = byProperty.get(k)!;
          const newest = Math.max(...list.map((c) => c.occurredAt));
          const prev = await client.query(`SELECT occurred_at FROM ${ld}.watermarks WHERE contact_id = $1 AND property = $2 FOR UPDATE`, [list[0]!.contactId, list[0]!.property]);
          await client.query(`INSERT INTO ${ld}.watermarks (contact_id, property, occurred_at) VALUES ($1, $2, $3)
            ON CONFLICT (contact_id, property) DO UPDATE SET occurred_at = GREATEST(watermarks.occurred_at, EXCLUDED.occurred_at)`, [list[0]!.contactId, list[0]!.property, newest]);
          // In delivery order, as the SQLite queue does: a change not newer than the last applied is stale.
          let applied = prev.rows.length === 0 ? -Infinity : Number((prev.rows[0] as { occurred_at: string }).occurred_at);
          for (const c of list) {
            if (c.occurredAt <= applied) { out.stale++; continue; }
            applied = c.occurredAt;
            out.accepted++;
            contacts.add(c.contactId);
          }
        }
        if (contacts.size > 0) {
          const db = { executeSql: async (text: string, values: unknown[]) => client.query(text, values) };
          await boss.insert([...contacts].sort().map((id) => ({ name: RESCORE_QUEUE, data: { contactId: id }, singletonKey: id, startAfter: `${settleMs / 1000} seconds` })), { db });
        }
        if (receivedAt - lastPrune > 3_600_000) {
          await client.query(`DELETE FROM ${ld}.seen_events WHERE received_at < $1`, [receivedAt - DEDUPE_RETENTION_MS]);
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
      const r = await pool.query(`SELECT count(*)::int AS n FROM ${bossSchema}.job WHERE name = $1 AND state < 'completed'`, [RESCORE_QUEUE]);
      return (r.rows[0] as { n: number }).n;
    },
    async recallAnswer(callbackId) {
      const r = await pool.query(`SELECT answer FROM ${ld}.answers WHERE callback_id = $1`, [callbackId]);
      return r.rows.length === 0 ? null : (r.rows[0] as { answer: unknown }).answer;
    },
    async storeAnswer(callbackId, answer) {
      await pool.query(`INSERT INTO ${ld}.answers (callback_id, answer, stored_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [callbackId, JSON.stringify(answer), Date.now()]);
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

/**
 * The ledger shared by every instance. An instance settles only the open entries it claimed
 * (for one lease): two instances never create the same task, and the entries of an instance
 * that died are claimed by another once its lease ran out (a `sent` one is then looked up in
 * HubSpot by its marker before it is created again).
 */
function createPostgresLedger(pool: pg.Pool, leaseSeconds: number, ld: string): SideEffectLedger {
  const me = randomUUID();
  return {
    async entriesFor(ids) {
      const r = await pool.query(`SELECT * FROM ${ld}.ledger WHERE contact_id = ANY($1)`, [[...ids]]);
      return (r.rows as LedgerRow[]).map(toLedgerEntry);
    },
    async record(entries) {
      for (const e of entries) {
        await pool.query(`INSERT INTO ${ld}.ledger (contact_id, dedupe_key, owner_id, subject, body, state, recorded_at, claimed_by, claimed_until)
          VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8) ON CONFLICT DO NOTHING`, [e.contactId, e.dedupeKey, e.ownerId, e.subject, e.body, e.recordedAt, me, Date.now() + leaseSeconds * 1000]);
      }
    },
    async mark(keys, state) {
      for (const k of keys) {
        await pool.query(`UPDATE ${ld}.ledger SET state = $1, task_id = coalesce($2, task_id) WHERE contact_id = $3 AND dedupe_key = $4`, [state, k.taskId ?? null, k.contactId, k.dedupeKey]);
      }
    },
    async unfinished() {
      const now = Date.now();
      const r = await pool.query(`UPDATE ${ld}.ledger SET claimed_by = $1, claimed_until = $2
        WHERE state <> 'done' AND (claimed_by = $1 OR claimed_by IS NULL OR claimed_until < $3) RETURNING *`, [me, now + leaseSeconds * 1000, now]);
      return (r.rows as (LedgerRow & { seq: string })[]).sort((a, b) => Number(a.seq) - Number(b.seq)).map(toLedgerEntry);
    },
    async countByOwner(since, before) {
      const r = await pool.query(`SELECT owner_id, count(*)::int AS n FROM ${ld}.ledger WHERE recorded_at >= $1 AND recorded_at < $2 GROUP BY owner_id`, [since, before]);
      return Object.fromEntries((r.rows as { owner_id: string; n: number }[]).map((x) => [x.owner_id, x.n]));
    },
  };
}
