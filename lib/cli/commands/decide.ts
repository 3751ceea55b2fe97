// `lead-decisions decide`: offline decisions over JSONL, stdin → stdout by default.
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { decide } from '../../core/pipeline.ts';
import { createRoutingRun } from '../../core/routing-run.ts';
import type { Config } from '../../core/config.ts';
import type { Tier } from '../../core/contract.ts';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load.ts';
import { parseDecideLine } from '../decide-input.ts';
import { LineWriter, readLines } from '../jsonl.ts';

export interface DecideOptions {
  config?: string;
  team?: string;
  input?: string;
  output?: string;
  now?: string;
}

export interface DecideIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  clock: () => Date;
}

export const EXIT_OK = 0;
export const EXIT_BAD_LINES = 1;
export const EXIT_USAGE = 2;

export function registerDecide(program: Command): void {
  program
    .command('decide')
    .description('Decide contacts offline: JSONL contacts in, JSONL write plans and reasons out.')
    .option('--config <file>', 'rules config (default: config/decisions.json of this package)')
    .option('--team <file>', 'team file: owners, PTO, pools, territories (default: team.json beside the rules config, else this package\'s)')
    .option('--input <file>', 'JSONL input, one {"id","properties","propertiesWithHistory"?,"company"} per line (default: stdin)')
    .option('--output <file>', 'JSONL output (default: stdout)')
    .option('--now <iso>', 'decision time as an ISO date-time (default: the current time)')
    .addHelpText('after', '\nExit codes: 0 all lines decided, 1 some lines were bad (the rest were decided), 2 bad options or config.\nSee docs/cli-decide.md.')
    .action(async (opts: DecideOptions) => {
      process.exitCode = await runDecide(opts, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, clock: () => new Date() });
    });
}

/** Runs the command and returns its exit code; never throws for bad input. */
export async function runDecide(opts: DecideOptions, io: DecideIo): Promise<number> {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  const now = parseNow(opts.now, io.clock);
  if (!now.ok) return usage(say, now.error);
  const loaded = await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH, opts.team);
  if (!loaded.ok) return usage(say, `Config error: ${loaded.message}`);
  if (opts.input !== undefined) {
    try {
      await access(opts.input, constants.R_OK);
    } catch {
      return usage(say, `Cannot read --input ${opts.input}: no such readable file.`);
    }
  }
  const input = opts.input !== undefined ? createReadStream(opts.input) : io.stdin;
  let output: Writable = io.stdout;
  if (opts.output !== undefined) {
    const file = createWriteStream(opts.output);
    const opened = await new Promise<Error | null>((resolve) => { file.once('open', () => resolve(null)); file.once('error', resolve); });
    if (opened) return usage(say, `Cannot write --output ${opts.output}: ${opened.message}`);
    output = file;
  }
  const stats = await decideStream(input, new LineWriter(output), loaded.config, now.value, say);
  say(summaryLine(stats));
  return stats.bad > 0 ? EXIT_BAD_LINES : EXIT_OK;

  async function decideStream(from: Readable, to: LineWriter, config: Config, at: Date, log: (t: string) => void): Promise<Stats> {
    const s: Stats = { decided: 0, bad: 0, tiers: { high: 0, medium: 0, low: 0 }, writes: 0, tasks: 0 };
    // Capacity caps and the balanced mode count this run's new assignments.
    const run = createRoutingRun(config);
    for await (const { line, lineNo } of readLines(from)) {
      if (line.trim() === '') continue;
      const parsed = parseDecideLine(line);
      if (!parsed.ok) {
        s.bad++;
        log(`line ${lineNo}: ${parsed.error}`);
        continue;
      }
      const d = decide(run.prepare(parsed.input), config, at);
      run.record(d);
      s.decided++;
      s.tiers[d.score.value.tier]++;
      if (Object.keys(d.writePlan).length > 0) s.writes++;
      s.tasks += d.sideEffects.length;
      await to.write(JSON.stringify({ id: d.id, outputs: d.writePlan, reasons: d.reasons, decision_key: d.decisionKey, sideEffects: d.sideEffects }));
    }
    await to.close(opts.output !== undefined);
    return s;
  }
}

interface Stats { decided: number; bad: number; tiers: Record<Tier, number>; writes: number; tasks: number }

function summaryLine(s: Stats): string {
  return `decided ${s.decided}, bad ${s.bad} · tiers: high ${s.tiers.high}, medium ${s.tiers.medium}, low ${s.tiers.low} · ${s.writes} with changes to write · ${s.tasks} tasks`;
}

function usage(say: (t: string) => void, message: string): number {
  say(message);
  return EXIT_USAGE;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseNow(value: string | undefined, clock: () => Date): { ok: true; value: Date } | { ok: false; error: string } {
  if (value === undefined) return { ok: true, value: clock() };
  const ms = ISO.test(value.trim()) ? Date.parse(value.trim()) : NaN;
  if (!Number.isFinite(ms)) return { ok: false, error: `--now "${value}" is not an ISO date-time such as 2026-11-27T12:00:00Z.` };
  return { ok: true, value: new Date(ms) };
}
