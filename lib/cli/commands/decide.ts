// `lead-decisions decide`: offline decisions over JSONL, stdin → stdout by default.
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { decide } from '../../core/pipeline.ts';
import { createRoutingRun } from '../../core/routing-run.ts';
import type { Config } from '../../core/config.ts';
import type { Tier } from '../../core/contract.ts';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load.ts';
import { escapeControl } from '../../redact.ts';
import { parseDecideLine } from '../decide-input.ts';
import { serializeOutputLine } from '../decide-output.ts';
import { ioCause, openOutput, progressReporter, sameFileCheck, type OutputFile } from '../decide-io.ts';
import { EXIT_OK, EXIT_SOME_BAD, EXIT_USAGE } from '../exit.ts';
import { LineWriter, readLines } from '../jsonl.ts';
import { parseNow } from '../now.ts';

export interface DecideOptions {
  config?: string;
  team?: string;
  input?: string;
  output?: string;
  now?: string;
  /** false (`--no-reasons`) leaves `reasons` out of every output line. Default true. */
  reasons?: boolean;
}

export interface DecideIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  clock: () => Date;
}

export { EXIT_OK, EXIT_USAGE };
export const EXIT_BAD_LINES = EXIT_SOME_BAD;

export function registerDecide(program: Command): void {
  program
    .command('decide')
    .description('Decide contacts offline: JSONL contacts in, JSONL write plans and reasons out.')
    .option('--config <file>', 'rules config (default: config/decisions.json of this package)')
    .option('--team <file>', 'team file: owners, PTO, pools, territories (default: team.json beside the rules config, else this package\'s)')
    .option('--input <file>', 'JSONL input, one {"id","properties","propertiesWithHistory"?,"company"} per line (default: stdin)')
    .option('--output <file>', 'JSONL output, written via a temporary file renamed at the end (default: stdout)')
    .option('--now <iso>', 'decision time: an ISO date-time with Z or an offset, or a date (midnight UTC) (default: the current time)')
    .option('--no-reasons', 'leave the reasons out of each output line (smaller, faster output)')
    .addHelpText('after', '\nExit codes: 0 all lines decided, 1 some lines were bad (the rest were decided), 2 bad options or config, or an I/O error.\nSee docs/cli-decide.md.')
    .action(async (opts: DecideOptions) => {
      process.exitCode = await runDecide(opts, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, clock: () => new Date() });
    });
}

/** Runs the command and returns its exit code; never throws for bad input or failed I/O. */
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
    if (opts.output !== undefined) {
      const same = await sameFileCheck(opts.input, opts.output);
      if (!same.ok) return usage(say, same.error);
    }
  }
  let file: OutputFile | null = null;
  if (opts.output !== undefined) {
    const opened = await openOutput(opts.output);
    if (!opened.ok) return usage(say, opened.error);
    file = opened.value;
  }
  const input = opts.input !== undefined ? createReadStream(opts.input, { highWaterMark: 1024 * 1024 }) : io.stdin;
  const writer = new LineWriter(file ? file.stream : io.stdout);
  const progress = progressReporter(io.stderr);
  let stats: Stats;
  try {
    stats = await decideStream(input, writer, loaded.config, now.value, opts.reasons !== false, say, progress.tick);
    await writer.close(file !== null);
    await file?.commit();
  } catch (error) {
    progress.done();
    await file?.discard().catch(() => {});
    input.destroy();
    const where = writer.error ? `Cannot write ${opts.output !== undefined ? `--output ${opts.output}` : 'the output'}` : `Cannot read ${opts.input !== undefined ? `--input ${opts.input}` : 'the input'}`;
    return usage(say, `${where}: ${ioCause(error)}. ${file && !file.inPlace ? 'The output file was left as it was.' : 'The output is incomplete.'}`);
  }
  progress.done();
  say(summaryLine(stats));
  return stats.bad > 0 ? EXIT_SOME_BAD : EXIT_OK;
}

/**
 * The loop: parse, decide, serialize, write. `reasons: false` skips the reasons, which are most
 * of the output's bytes (≈ 7× the input) and of the serialization time.
 */
async function decideStream(from: Readable, to: LineWriter, config: Config, at: Date, withReasons: boolean, log: (t: string) => void, tick: (n: number) => void): Promise<Stats> {
  const s: Stats = { decided: 0, bad: 0, warned: 0, tiers: { high: 0, medium: 0, low: 0 }, writes: 0, tasks: 0 };
  // Capacity caps and the balanced mode count this run's new assignments.
  const run = createRoutingRun(config);
  for await (const { line, lineNo } of readLines(from)) {
    if (line.trim() === '') continue;
    const parsed = parseDecideLine(line);
    if (!parsed.ok) {
      s.bad++;
      log(`line ${lineNo}: ${escapeControl(parsed.error)}`);
      continue;
    }
    if (parsed.warnings.length > 0) {
      s.warned++;
      log(`line ${lineNo}: wrong type: ${escapeControl(parsed.warnings.join('; '))} (decided with it read as missing or as text)`);
    }
    const d = decide(run.prepare(parsed.input), config, at);
    run.record(d);
    s.decided++;
    s.tiers[d.score.value.tier]++;
    let writes = false;
    for (const _ in d.writePlan) { writes = true; break; }
    if (writes) s.writes++;
    s.tasks += d.sideEffects.length;
    await to.write(serializeOutputLine({ id: d.id, outputs: d.writePlan, reasons: withReasons ? d.reasons : null, decisionKey: d.decisionKey, sideEffects: d.sideEffects }));
    tick(lineNo);
  }
  return s;
}

interface Stats { decided: number; bad: number; warned: number; tiers: Record<Tier, number>; writes: number; tasks: number }

function summaryLine(s: Stats): string {
  return `decided ${s.decided}, bad ${s.bad}${s.warned ? `, ${s.warned} with wrong types` : ''} · tiers: high ${s.tiers.high}, medium ${s.tiers.medium}, low ${s.tiers.low} · ${s.writes} with changes to write · ${s.tasks} tasks`;
}

function usage(say: (t: string) => void, message: string): number {
  say(message);
  return EXIT_USAGE;
}
