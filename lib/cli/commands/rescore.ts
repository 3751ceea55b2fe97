// `lead-decisions rescore`: re-scores a portal's contacts at the API ceiling (docs/rescore.md).
import type { Command } from 'commander';
import { DEFAULT_HUBSPOT_BASE_URL, readToken } from '../../adapters/index.ts';
import { loadConfig } from '../../config/load.ts';
import { Checkpoint } from '../rescore/checkpoint.ts';
import { DEFAULT_CHECKPOINT, runRescore } from '../rescore/run.ts';
import { parseRate, parseScope, type Rate, type Scope } from '../rescore/scope.ts';

interface RescoreFlags {
  all?: boolean; since?: string; ids?: string; where?: string[]; dryRun?: boolean; rate?: string; resume?: boolean;
  checkpoint?: string; errors?: string; history: boolean; now?: string; config?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description('Re-score contacts in the portal at its API limit: only changed contacts are written (100 per call), tasks are never duplicated, and a run can be resumed. Uses HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL.')
    .option('--all', 'every contact (list endpoint, no 10,000 cap)')
    .option('--since <iso>', 'contacts modified since this ISO date-time; "last" = since the last finished run began')
    .option('--ids <file>', 'contacts whose ids are in this file, one per line')
    .option('--where <property=value>', 'contacts whose property equals the value (repeatable; combines with --since)', collect)
    .option('--dry-run', 'decide and count, write nothing; prints the counts and a sample')
    .option('--rate <n/interval>', 'requests per interval, e.g. 190/10s (default: the portal\'s X-HubSpot-RateLimit-Max / -Interval-Milliseconds)')
    .option('--resume', 'continue the last unfinished run of the checkpoint (after a crash, a kill or the daily limit)')
    .option('--checkpoint <file>', 'SQLite checkpoint and task ledger', DEFAULT_CHECKPOINT)
    .option('--errors <file>', 'write each failed contact and why as JSON lines')
    .option('--no-history', 'skip the activity history reads (half the contact reads; the engine then scores lifetime counts conservatively)')
    .option('--now <iso>', 'decision time (default: now; a resumed run keeps its own)')
    .option('--config <file>', 'rules config (default: config/decisions.json)')
    .action(async (flags: RescoreFlags) => {
      process.exitCode = await rescoreAction(flags);
    });
}

async function rescoreAction(flags: RescoreFlags): Promise<number> {
  const usage = (message: string): number => { process.stderr.write(`${message}\n`); return 2; };
  const hasScope = flags.all || flags.since !== undefined || flags.ids !== undefined || (flags.where ?? []).length > 0;
  if (flags.resume && hasScope) return usage('--resume continues the saved run with its own scope: leave out --all/--since/--ids/--where.');
  if (flags.resume && flags.dryRun) return usage('--dry-run cannot resume a run: it writes nothing, so there is nothing to continue.');
  let rate: Rate | undefined;
  if (flags.rate !== undefined) {
    const parsed = parseRate(flags.rate);
    if (!parsed.ok) return usage(parsed.message);
    rate = parsed.value;
  }
  let now: Date | undefined;
  if (flags.now !== undefined) {
    now = new Date(flags.now);
    if (!/^\d{4}-\d{2}-\d{2}/.test(flags.now) || Number.isNaN(now.getTime())) return usage(`--now "${flags.now}" is not an ISO date-time such as 2026-11-27T12:00:00Z.`);
  }
  let since = flags.since;
  if (since === 'last') {
    const cp = new Checkpoint(flags.checkpoint ?? DEFAULT_CHECKPOINT);
    since = cp.lastFinishedStart() ?? undefined;
    cp.close();
    if (!since) return usage(`--since last: ${flags.checkpoint ?? DEFAULT_CHECKPOINT} holds no finished run yet; give a date (--since 2026-11-27) or run --all once.`);
  }
  let scope: Scope | undefined;
  if (!flags.resume) {
    const parsed = await parseScope({ all: flags.all, since, ids: flags.ids, where: flags.where });
    if (!parsed.ok) return usage(parsed.message);
    scope = parsed.value;
  }
  const config = await loadConfig(flags.config);
  if (!config.ok) return usage(config.message);
  let token: string;
  try {
    token = readToken(process.env);
  } catch (error) {
    return usage((error as Error).message);
  }
  return runRescore({
    scope, resume: flags.resume ?? false, dryRun: flags.dryRun ?? false, history: flags.history, rate, now,
    checkpointFile: flags.checkpoint ?? DEFAULT_CHECKPOINT, errorsFile: flags.errors, config: config.config, token,
    basePath: (process.env['HUBSPOT_BASE_URL']?.trim() || DEFAULT_HUBSPOT_BASE_URL).replace(/\/+$/, ''),
  }, { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), stderr: process.stderr });
}
