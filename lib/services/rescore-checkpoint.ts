// The rescore checkpoint on disk (SQLite, WAL): each run's scope, decision time, cursor, counts,
// routing state (owner load and account memory) and the updates it decided but may not have
// written yet, and the side-effect ledger shared by every run of the file (so a cron run never
// re-creates a task an earlier run created). Every write is its own transaction: after a
// `kill -9` the file holds the last checkpoint, taken before any of its updates was sent, and
// every task recorded before it was created.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RoutingRunState } from '../core/routing-run.ts';
import type { BatchRescoreReport, ContactUpdate, RunState } from './batch-rescore.ts';
import type { SideEffectLedger } from './side-effect-ledger.ts';
import { createSqliteLedger } from './sqlite-ledger.ts';
import type { SearchFilter } from '../ports.ts';

/** What a run re-scores (parsed from the rescore flags in lib/cli/rescore/scope.ts). */
export type Scope =
  | { kind: 'all' }
  | { kind: 'ids'; ids: string[]; file: string }
  | { kind: 'search'; filters: SearchFilter[]; since?: string; where: string[] };

export type RunStatus = 'running' | 'stopped' | 'finished' | 'superseded';

export interface RunRecord {
  id: number;
  scope: Scope;
  history: boolean;
  /** The decision time of the run: a resumed run decides as of the same instant. */
  decidedAt: string;
  startedAt: string;
  cursor: string | null;
  report: BatchRescoreReport;
  /** Routing's state at the cursor; null before the first checkpoint (or in a file from before it was kept). */
  routing: RoutingRunState | null;
  /** Updates decided up to the cursor and not known to be written: the resumed run sends them first. */
  pending: ContactUpdate[];
  status: RunStatus;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, history INTEGER NOT NULL,
  decided_at TEXT NOT NULL, started_at TEXT NOT NULL, cursor TEXT, report TEXT NOT NULL, status TEXT NOT NULL,
  routing TEXT, pending TEXT);
`;
/** Columns added since the first release of the file: an older checkpoint gets them on open. */
const ADDED_COLUMNS = ['routing', 'pending'] as const;

interface RunRow { id: number; scope: string; history: number; decided_at: string; started_at: string; cursor: string | null; report: string; status: RunStatus; routing: string | null; pending: string | null }

export class Checkpoint {
  private readonly db: Database.Database;
  readonly ledger: SideEffectLedger;

  /** Opens (or creates) the file; throws an Error naming the file when it cannot. */
  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const columns = new Set((this.db.prepare('PRAGMA table_info(runs)').all() as { name: string }[]).map((c) => c.name));
    for (const name of ADDED_COLUMNS) if (!columns.has(name)) this.db.exec(`ALTER TABLE runs ADD COLUMN ${name} TEXT`);
    this.ledger = createSqliteLedger(this.db);
  }

  close(): void { this.db.close(); }

  /** Starts a run; an unfinished earlier run is marked superseded (its ledger entries stay). */
  startRun(scope: Scope, history: boolean, decidedAt: Date, report: BatchRescoreReport): RunRecord {
    const startedAt = new Date().toISOString();
    return this.db.transaction(() => {
      this.db.prepare(`UPDATE runs SET status = 'superseded' WHERE status IN ('running', 'stopped')`).run();
      const info = this.db.prepare('INSERT INTO runs (scope, history, decided_at, started_at, cursor, report, status) VALUES (?, ?, ?, ?, NULL, ?, ?)')
        .run(JSON.stringify(scope), history ? 1 : 0, decidedAt.toISOString(), startedAt, JSON.stringify(storedReport(report)), 'running');
      return { id: Number(info.lastInsertRowid), scope, history, decidedAt: decidedAt.toISOString(), startedAt, cursor: null, report, routing: null, pending: [], status: 'running' as const };
    })();
  }

  /** The latest run that did not finish, or null. */
  unfinishedRun(): RunRecord | null {
    const row = this.db.prepare(`SELECT * FROM runs WHERE status IN ('running', 'stopped') ORDER BY id DESC LIMIT 1`).get() as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** When the last finished run started: `--since last` re-scores what changed since. */
  lastFinishedStart(): string | null {
    return (this.db.prepare(`SELECT started_at FROM runs WHERE status = 'finished' ORDER BY id DESC LIMIT 1`).pluck().get() as string | undefined) ?? null;
  }

  /** One transaction: the cursor, the counts, routing's state and the pending updates move together. */
  save(runId: number, cursor: string | null, state: RunState, status: RunStatus = 'running'): void {
    this.db.prepare('UPDATE runs SET cursor = ?, report = ?, routing = ?, pending = ?, status = ? WHERE id = ?').run(
      cursor, JSON.stringify(storedReport(state.report)), state.routing ? JSON.stringify(state.routing) : null,
      state.pending && state.pending.length > 0 ? JSON.stringify(state.pending) : null, status, runId);
  }

  setStatus(runId: number, status: RunStatus): void {
    this.db.prepare('UPDATE runs SET status = ? WHERE id = ?').run(status, runId);
  }
}

/** The error list goes to --errors FILE as it happens; the checkpoint keeps only how many. */
function storedReport(report: BatchRescoreReport): Omit<BatchRescoreReport, 'errors'> & { errorCount: number } {
  const { errors, ...rest } = report;
  return { ...rest, errorCount: errors.length };
}

function toRun(row: RunRow): RunRecord {
  const stored = JSON.parse(row.report) as Omit<BatchRescoreReport, 'errors'> & { errorCount: number };
  const { errorCount, ...rest } = stored;
  // Earlier failures are counted, not listed (they are in the first run's --errors file).
  const report: BatchRescoreReport = { ...rest, errors: Array.from({ length: errorCount }, () => ({ contactId: '', code: 'earlier_run', message: 'failed before the resume' })) };
  return {
    id: row.id, scope: JSON.parse(row.scope) as Scope, history: row.history === 1, decidedAt: row.decided_at, startedAt: row.started_at, cursor: row.cursor, report,
    routing: row.routing ? JSON.parse(row.routing) as RoutingRunState : null, pending: row.pending ? JSON.parse(row.pending) as ContactUpdate[] : [], status: row.status,
  };
}
