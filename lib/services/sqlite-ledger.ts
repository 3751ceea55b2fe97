// The side-effect ledger of the batch re-score in a SQLite file (serve's queue file, or the
// rescore checkpoint): a task is recorded before it is created, so a kill -9 between the two
// is settled on restart, never doubled.
import type Database from 'better-sqlite3';
import type { LedgerEntry, LedgerState, SideEffectLedger } from './side-effect-ledger.ts';

export const LEDGER_SCHEMA = `
CREATE TABLE IF NOT EXISTS ledger (
  contact_id TEXT NOT NULL, dedupe_key TEXT NOT NULL, owner_id TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL, recorded_at TEXT NOT NULL, task_id TEXT, seq INTEGER NOT NULL,
  PRIMARY KEY (contact_id, dedupe_key));
CREATE INDEX IF NOT EXISTS ledger_open ON ledger (state, seq) WHERE state <> 'done';
`;

export interface LedgerRow { contact_id: string; dedupe_key: string; owner_id: string; subject: string; body: string; state: LedgerState; recorded_at: string; task_id: string | null }

export function toLedgerEntry(row: LedgerRow): LedgerEntry {
  return {
    contactId: row.contact_id, dedupeKey: row.dedupe_key, ownerId: row.owner_id, subject: row.subject, body: row.body,
    state: row.state, recordedAt: row.recorded_at, ...(row.task_id ? { taskId: row.task_id } : {}),
  };
}

export function createSqliteLedger(db: Database.Database): SideEffectLedger {
  db.exec(LEDGER_SCHEMA);
  const insert = db.prepare(`INSERT OR IGNORE INTO ledger (contact_id, dedupe_key, owner_id, subject, body, state, recorded_at, seq)
    VALUES (?, ?, ?, ?, ?, 'queued', ?, (SELECT coalesce(max(seq), 0) + 1 FROM ledger))`);
  const mark = db.prepare('UPDATE ledger SET state = ?, task_id = coalesce(?, task_id) WHERE contact_id = ? AND dedupe_key = ?');
  const open = db.prepare(`SELECT * FROM ledger WHERE state <> 'done' ORDER BY seq`);
  const ofContacts = db.prepare('SELECT * FROM ledger WHERE contact_id IN (SELECT value FROM json_each(?))');
  const perOwner = db.prepare('SELECT owner_id, count(*) AS n FROM ledger WHERE recorded_at >= ? AND recorded_at < ? GROUP BY owner_id');
  const record = db.transaction((entries: readonly Omit<LedgerEntry, 'state'>[]) => {
    for (const e of entries) insert.run(e.contactId, e.dedupeKey, e.ownerId, e.subject, e.body, e.recordedAt);
  });
  const markAll = db.transaction((keys: readonly { contactId: string; dedupeKey: string; taskId?: string }[], state: LedgerState) => {
    for (const k of keys) mark.run(state, k.taskId ?? null, k.contactId, k.dedupeKey);
  });
  return {
    entriesFor: async (ids) => (ofContacts.all(JSON.stringify(ids)) as LedgerRow[]).map(toLedgerEntry),
    record: async (entries) => { record(entries); },
    mark: async (keys, state) => { markAll(keys, state); },
    unfinished: async () => (open.all() as LedgerRow[]).map(toLedgerEntry),
    countByOwner: async (since, before) =>
      Object.fromEntries((perOwner.all(since, before) as { owner_id: string; n: number }[]).map((r) => [r.owner_id, r.n])),
  };
}
