// `decide` end to end (file in → file out, the real command) side by side with a plain
// parse-and-write of the same JSONL (read lines, JSON.parse, JSON.stringify, write), in one
// process on the same 50,000 lines. The quality bar: decide within 3× the passthrough.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runDecide } from '../lib/cli/commands/decide.ts';
import { openOutput } from '../lib/cli/decide-io.ts';
import { LineWriter, readLines } from '../lib/cli/jsonl.ts';
import { generateInputs } from './engine-inputs.ts';
import type { Figures } from './run.ts';

const LINES = 50_000;
const NOW = '2026-11-27T12:00:00Z';

async function passthrough(input: string, output: string): Promise<void> {
  const opened = await openOutput(output);
  if (!opened.ok) throw new Error(opened.error);
  const writer = new LineWriter(opened.value.stream);
  for await (const { line } of readLines(createReadStream(input))) {
    if (line.trim() === '') continue;
    await writer.write(JSON.stringify(JSON.parse(line)));
  }
  await writer.close(true);
  await opened.value.commit();
}

async function decideFile(input: string, output: string, reasons: boolean): Promise<void> {
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await runDecide({ input, output, now: NOW, reasons }, { stdin: new PassThrough(), stdout: sink, stderr: sink, clock: () => new Date(NOW) });
  if (code !== 0) throw new Error(`decide exited ${code}`);
}

/** CPU seconds of this process (user + system): on a shared machine wall time mostly measures the neighbours. */
async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-decide-'));
  try {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, generateInputs(LINES, Date.parse(NOW)).map((i) => JSON.stringify(i)).join('\n') + '\n');
    const out = join(dir, 'out.jsonl');
    // Warm-up of every path (JIT, normalizer caches), then three alternating rounds.
    await passthrough(input, out);
    await decideFile(input, out, true);
    const pass: number[] = [];
    const full: number[] = [];
    const lean: number[] = [];
    let fullBytes = 0;
    let leanBytes = 0;
    for (let round = 0; round < 3; round++) {
      pass.push(await timed(() => passthrough(input, out)));
      full.push(await timed(() => decideFile(input, out, true)));
      fullBytes = statSync(out).size;
      lean.push(await timed(() => decideFile(input, out, false)));
      leanBytes = statSync(out).size;
    }
    const inBytes = statSync(input).size;
    const [p, f, l] = [median(pass), median(full), median(lean)];
    return {
      decide_e2e_lines_per_s: { value: Math.round(LINES / f), unit: 'lines/CPU-s', note: `${LINES.toLocaleString('en-US')} lines, --input/--output files, with reasons (output ${(fullBytes / inBytes).toFixed(1)}× the input)` },
      decide_passthrough_lines_per_s: { value: Math.round(LINES / p), unit: 'lines/CPU-s', note: 'the same file: read lines, JSON.parse, JSON.stringify, write' },
      decide_e2e_vs_passthrough: { value: Number((f / p).toFixed(2)), unit: '×', note: 'decide CPU time / passthrough CPU time, median of 3 (bar: ≤ 3)' },
      decide_no_reasons_vs_passthrough: { value: Number((l / p).toFixed(2)), unit: '×', note: `--no-reasons (output ${(leanBytes / inBytes).toFixed(1)}× the input)` },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
