// The embedded queue: one SQLite file (WAL), for one `serve` instance. Every enqueue is one
// transaction, so a 200 answer means the events are on disk.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ContactChange } from './events.ts';
import type { Claim, EnqueueResult, WebhookQueue } from './queue.ts';
import { createSqliteLedger } from '../services/sqlite-ledger.ts';

/** HubSpot retries for 24 hours: an event identity older than that cannot come back. */
export const DEDUPE_RETENTION_MS = 25 * 3_600_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS seen_events (key TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS seen_events_at ON seen_events (received_at);
CREATE TABLE IF NOT EXISTS watermarks (contact_id TEXT NOT NULL, property TEXT NOT NULL, occurred_at INTEGER NOT NULL, PRIMARY KEY (contact_id, property));
CREATE TABLE IF NOT EXISTS pending (
  contact_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, available_at INTEGER NOT NULL,
  lease_token TEXT, lease_until INTEGER, attempts INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS answers (callback_id TEXT PRIMARY KEY, answer TEXT NOT NULL, stored_at INTEGER NOT NULL);
`;

export function openSqliteQueue(file: string, now: () => number = Date.now): WebhookQueue {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: the 200 we answer promises the events survive a power cut, not just a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const s = {
    seen: db.prepare('INSERT OR IGNORE INTO seen_events (key, received_at) VALUES (?, ?)'),
    prune: db.prepare('DELETE FROM seen_events WHERE received_at < ?'),
    mark: db.prepare(`INSERT INTO watermarks (contact_id, property, occurred_at) VALUES (?, ?, ?)
      ON CONFLICT (contact_id, property) DO UPDATE SET occurred_at = excluded.occurred_at WHERE watermarks.occurred_at < excluded.occurred_at`),
    pend: db.prepare(`INSERT INTO pending (contact_id, seq, available_at) VALUES (?, 1, ?)
      ON CONFLICT (contact_id) DO UPDATE SET seq = pending.seq + 1`),
    ready: db.prepare('SELECT contact_id, seq FROM pending WHERE available_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY available_at, contact_id LIMIT ?'),
    lease: db.prepare('UPDATE pending SET lease_token = ?, lease_until = ? WHERE contact_id = ?'),
    done: db.prepare('DELETE FROM pending WHERE contact_id = ? AND lease_token = ? AND seq = ?'),
    unlease: db.prepare('UPDATE pending SET lease_token = NULL, lease_until = NULL WHERE contact_id = ? AND lease_token = ?'),
    retry: db.prepare('UPDATE pending SET lease_token = NULL, lease_until = NULL, available_at = ?, attempts = attempts + 1 WHERE contact_id = ? AND lease_token = ?'),
    depth: db.prepare('SELECT count(*) FROM pending').pluck(),
    recall: db.prepare('SELECT answer FROM answers WHERE callback_id = ?').pluck(),
    store: db.prepare('INSERT OR IGNORE INTO answers (callback_id, answer, stored_at) VALUES (?, ?, ?)'),
  };
  let lastPrune = 0;

  const enqueue = db.transaction((changes: readonly ContactChange[], receivedAt: number, settleMs: number): EnqueueResult => {
    const out: EnqueueResult = { accepted: 0, duplicates: 0, stale: 0, contacts: 0 };
    const contacts = new Set<string>();
    for (const c of changes) {
      if (s.seen.run(c.key, receivedAt).changes === 0) { out.duplicates++; continue; }
      if (s.mark.run(c.contactId, c.property, c.occurredAt).changes === 0) { out.stale++; continue; }
      out.accepted++;
      contacts.add(c.contactId);
    }
    for (const id of contacts) s.pend.run(id, receivedAt + settleMs);
    out.contacts = contacts.size;
    if (receivedAt - lastPrune > 3_600_000) {
      s.prune.run(receivedAt - DEDUPE_RETENTION_MS);
      lastPrune = receivedAt;
    }
    return out;
  });

  const claim = db.transaction((max: number, leaseMs: number): Claim[] => {
    const t = now();
    const rows = s.ready.all(t, t, max) as { contact_id: string; seq: number }[];
    const lease = randomUUID();
    for (const r of rows) s.lease.run(lease, t + leaseMs, r.contact_id);
    return rows.map((r) => ({ contactId: r.contact_id, token: `${lease}:${r.seq}` }));
  });

  const split = (token: string): [string, number] => {
    const i = token.lastIndexOf(':');
    return [token.slice(0, i), Number(token.slice(i + 1))];
  };

  const complete = db.transaction((claims: readonly Claim[]) => {
    for (const c of claims) {
      const [lease, seq] = split(c.token);
      // A change that arrived while we worked bumped seq: the contact stays, unleased, for another pass.
      if (s.done.run(c.contactId, lease, seq).changes === 0) s.unlease.run(c.contactId, lease);
    }
  });

  const release = db.transaction((claims: readonly Claim[], retryInMs: number) => {
    for (const c of claims) s.retry.run(now() + retryInMs, c.contactId, split(c.token)[0]);
  });

  return {
    kind: 'sqlite',
    ledger: createSqliteLedger(db),
    enqueue: async (changes, receivedAt, settleMs = 0) => enqueue(changes, receivedAt, settleMs),
    claim: async (max, leaseMs) => claim(max, leaseMs),
    complete: async (claims) => complete(claims),
    release: async (claims, retryInMs) => release(claims, retryInMs),
    depth: async () => s.depth.get() as number,
    recallAnswer: async (callbackId) => {
      const raw = s.recall.get(callbackId) as string | undefined;
      return raw === undefined ? null : (JSON.parse(raw) as unknown);
    },
    storeAnswer: async (callbackId, answer) => { s.store.run(callbackId, JSON.stringify(answer), now()); },
    close: async () => { if (db.open) db.close(); },
  };
}
