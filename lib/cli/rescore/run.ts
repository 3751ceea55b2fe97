// `lead-decisions rescore`, end to end: scope → checkpoint → probe → paced batch re-scoring →
// summary. Exit codes: 0 every contact done, 1 some contacts failed or the run stopped early
// (resumable), 2 usage, configuration or I/O error (nothing was written).
import { closeSync, openSync, writeSync } from 'node:fs';
import { createHubSpotBulkCrm } from '../../adapters/hubspot/bulk-crm.ts';
import type { Config } from '../../core/config.ts';
import type { BulkCrm } from '../../ports.ts';
import { BULK_CONTACT_PROPERTIES, emptyReport, historyPropertiesFor, runBatchRescore, type BatchRescoreReport, type ContactBatch, type ContactFailure } from '../../services/batch-rescore.ts';
import { allContacts, contactsByIds, searchedContacts } from '../../services/contact-sources.ts';
import { createMemoryLedger } from '../../services/side-effect-ledger.ts';
import { Checkpoint, type RunRecord } from '../../services/rescore-checkpoint.ts';
import { connect, probePortal } from './connect.ts';
import { DailyLimitError, Pacer, type CallStats, type RetryPolicy } from './pacer.ts';
import { createProgress } from './progress.ts';
import { describeRate, type Rate, type Scope } from './scope.ts';

export const DEFAULT_CHECKPOINT = '.lead-decisions/rescore.sqlite';
/** Without the headers (they come on every HubSpot answer), the Free/Starter limit: safe everywhere. */
export const FALLBACK_RATE: Rate = { max: 100, intervalMs: 10_000 };
const SEARCH_RATE: Rate = { max: 4, intervalMs: 1000 };

export interface RescoreRequest {
  /** A new run's scope; absent with `resume`. */
  scope?: Scope;
  resume: boolean;
  dryRun: boolean;
  history: boolean;
  rate?: Rate;
  now?: Date;
  checkpointFile: string;
  errorsFile?: string;
  config: Config;
  token: string;
  basePath: string;
  /** Backoff for 5xx and 429 (tests shorten it). */
  retry?: RetryPolicy;
}

export interface RescoreIo {
  out(line: string): void;
  err(line: string): void;
  stderr: NodeJS.WriteStream;
}

export async function runRescore(req: RescoreRequest, io: RescoreIo): Promise<number> {
  let checkpoint: Checkpoint | null = null;
  let errorsFd: number | null = null;
  let onInterrupt: (() => void) | null = null;
  try {
    if (!req.dryRun) {
      try {
        checkpoint = new Checkpoint(req.checkpointFile);
      } catch (error) {
        io.err(`Cannot open the checkpoint ${req.checkpointFile}: ${(error as Error).message}`);
        return 2;
      }
    }
    let run: RunRecord | null = null;
    if (req.resume) {
      run = checkpoint?.unfinishedRun() ?? null;
      if (!run) {
        io.out(`Nothing to resume: ${req.checkpointFile} holds no unfinished run.`);
        return 0;
      }
    }
    const scope = run?.scope ?? req.scope!;
    const history = run?.history ?? req.history;
    if (req.errorsFile) {
      try {
        errorsFd = openSync(req.errorsFile, req.resume ? 'a' : 'w');
      } catch (error) {
        io.err(`Cannot write the --errors file ${req.errorsFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        return 2;
      }
    }

    const probe = await probePortal(req.basePath, req.token);
    if (!probe.ok) {
      io.err(probe.message);
      return probe.daily ? 1 : 2;
    }
    const rate = req.rate ?? probe.limits.rate ?? FALLBACK_RATE;
    const conn = connect(req.basePath, req.token, new Pacer(rate), new Pacer(SEARCH_RATE), req.retry);
    conn.stats.calls += 1; // the probe
    const crm = createHubSpotBulkCrm(conn.ctx);
    const total = scope.kind === 'ids' ? scope.ids.length : await conn.count(scope.kind === 'search' ? scope.filters : []);

    const now = run ? new Date(run.decidedAt) : req.now ?? new Date();
    if (!run && checkpoint) run = checkpoint.startRun(scope, history, now, emptyReport());
    const report = run?.report ?? emptyReport();
    // A resumed run goes on with the interrupted one's routing state and first writes its pending updates.
    const from = { report, ...(run?.routing ? { routing: run.routing } : {}), pending: run?.pending ?? [] };
    const source = sourceFor(scope, crm, history, run?.cursor ?? null);
    io.err(`${req.dryRun ? 'Dry run: nothing will be written. ' : ''}${req.resume ? `Resuming run ${run!.id} after ${report.read} contacts${from.pending.length > 0 ? ` (${from.pending.length} decided updates to write first)` : ''}. ` : ''}`
      + `Re-scoring ${describeScope(scope)}${total !== null ? ` (${total} contacts)` : ''} at ${describeRate(rate)}${req.rate ? '' : probe.limits.rate ? ' (the portal\'s limit)' : ' (default)'}${history ? ', with activity history' : ', without activity history'}.`);

    const progress = createProgress({ total, rate, stats: conn.stats, dailyRemaining: probe.limits.dailyRemaining, stream: io.stderr });
    const onError = (f: ContactFailure): void => { if (errorsFd !== null) writeSync(errorsFd, `${JSON.stringify(f)}\n`); };
    const started = Date.now();
    // Ctrl-C: the checkpoint is already durable; put the terminal's cursor back and say how to go on.
    onInterrupt = (): void => {
      progress.stop();
      if (run) checkpoint?.setStatus(run.id, 'stopped');
      io.err(`Interrupted. Run \`lead-decisions rescore --resume${req.checkpointFile === DEFAULT_CHECKPOINT ? '' : ` --checkpoint ${req.checkpointFile}`}\` to continue.`);
      process.exit(130);
    };
    if (!req.dryRun) process.once('SIGINT', onInterrupt);
    try {
      await runBatchRescore(source, { crm, config: req.config, now, ledger: checkpoint?.ledger ?? createMemoryLedger(), history, dryRun: req.dryRun }, {
        onProgress: (r) => progress.update(r),
        onCheckpoint: (cursor, state) => checkpoint?.save(run!.id, cursor, state),
        onError,
      }, from);
    } catch (error) {
      progress.stop();
      if (run) checkpoint?.setStatus(run.id, 'stopped');
      const resume = `Run \`lead-decisions rescore --resume${req.checkpointFile === DEFAULT_CHECKPOINT ? '' : ` --checkpoint ${req.checkpointFile}`}\``;
      if (error instanceof DailyLimitError) io.err(`Stopped: ${error.message} ${resume} then; nothing done so far will be repeated.`);
      else io.err(`Stopped: ${(error as Error).message}. The checkpoint is saved: ${resume} to continue.`);
      io.out(summary(report, conn.stats, Date.now() - started, req.dryRun));
      return 1;
    }
    progress.stop();
    if (run) checkpoint?.save(run.id, 'done', { report }, 'finished');
    io.out(summary(report, conn.stats, Date.now() - started, req.dryRun));
    if (req.dryRun) for (const line of sampleLines(report)) io.out(line);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    if (onInterrupt) process.off('SIGINT', onInterrupt);
    if (errorsFd !== null) closeSync(errorsFd);
    checkpoint?.close();
  }
}

function sourceFor(scope: Scope, crm: BulkCrm, history: boolean, cursor: string | null): AsyncIterable<ContactBatch> {
  const historyProps = historyPropertiesFor(history);
  if (cursor === 'done' || cursor === 'end') return (async function* () {})();
  switch (scope.kind) {
    case 'all': return allContacts(crm, BULK_CONTACT_PROPERTIES, historyProps, cursor ?? undefined);
    case 'ids': return contactsByIds(crm, scope.ids, BULK_CONTACT_PROPERTIES, historyProps, cursor ? Number(cursor) : 0);
    case 'search': return searchedContacts(crm, scope.filters, BULK_CONTACT_PROPERTIES, historyProps, cursor ?? undefined);
  }
}

export function describeScope(scope: Scope): string {
  switch (scope.kind) {
    case 'all': return 'every contact';
    case 'ids': return `the contacts listed in ${scope.file}`;
    case 'search': return `contacts ${[scope.since ? `modified since ${scope.since}` : '', ...scope.where.map((w) => `where ${w}`)].filter(Boolean).join(' and ')}`;
  }
}

export function summary(report: BatchRescoreReport, stats: CallStats, elapsedMs: number, dryRun: boolean): string {
  const per100 = report.read > 0 ? ((stats.calls / report.read) * 100).toFixed(2) : '0';
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const verb = dryRun ? 'would change' : 'changed';
  return `${dryRun ? 'Dry run — ' : ''}read ${report.read}, ${verb} ${report.changed}, unchanged ${report.unchanged}, tasks ${report.tasks}${dryRun ? ' (would be created)' : ''}, errors ${report.errors.length}`
    + ` | ${stats.calls} API calls (${per100} per 100 contacts, ${stats.retries} retried, ${stats.throttled} throttled), ${(report.read / seconds).toFixed(1)} contacts/s`;
}

function sampleLines(report: BatchRescoreReport): string[] {
  if (report.sample.length === 0) return ['Nothing would change.'];
  return ['Sample:', ...report.sample.map((s) => `  contact ${s.contactId}: ${s.tier} (lead score ${s.leadScore})`
    + `${Object.keys(s.changes).length ? `; writes ${Object.entries(s.changes).filter(([k]) => k !== 'last_decision_reason').map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}${s.task ? '; creates a task' : ''}`)];
}
