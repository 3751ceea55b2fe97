// `npm run bench:compare -- [REF]`: the engine of the working tree against the engine at a git
// ref (default HEAD), in one process. First it checks that both give byte-identical decisions
// (the sample contacts and 12,000 bench contacts, three routing contexts, four clocks, each
// decided twice so a memo cannot change an answer); then it times them side by side over the
// bench's 100,000 contacts in alternating 5,000-contact chunks (the order flips every chunk)
// and prints the median of the per-chunk CPU-time ratios with its interquartile range.
// Whole-bench figures move by several percent from run to run on a shared machine; a ratio
// measured this way moves by about ±2 %, which is what an engine change should be judged by.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseConfig, type Config } from '../lib/core/config.ts';
import { decide } from '../lib/core/pipeline.ts';
import type { DecisionInput } from '../lib/core/types.ts';
import { generateInputs } from './engine-inputs.ts';

type Decide = (input: DecisionInput, config: Config, now: Date) => unknown;
type ParseConfig = (json: string, fileName: string) => { ok: true; config: Config } | { ok: false; message: string };

const root = fileURLToPath(new URL('..', import.meta.url));
const CHUNK = 5_000;
const COUNT = 100_000;
const ROUNDS = 5;
const DAY = 86_400_000;

async function main(): Promise<number> {
  const ref = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'HEAD';
  // Inside the repository, so the copy resolves the same node_modules (.bench-base/ is ignored by git).
  const baseDir = join(root, '.bench-base');
  rmSync(baseDir, { recursive: true, force: true });
  mkdirSync(baseDir, { recursive: true });
  try {
    const archive = execFileSync('git', ['archive', ref, 'lib', 'config'], { cwd: root, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('tar', ['-x', '-C', baseDir], { input: archive });
  } catch (err) {
    rmSync(baseDir, { recursive: true, force: true });
    const why = String((err as { stderr?: Buffer }).stderr ?? '').trim() || (err as Error).message.split('\n')[0];
    console.error(`Cannot read lib/ and config/ at "${ref}": ${why}`);
    return 2;
  }
  const base = await import(pathToFileURL(join(baseDir, 'lib/core/pipeline.ts')).href) as { decide: Decide };
  const baseConfigModule = await import(pathToFileURL(join(baseDir, 'lib/core/config.ts')).href) as { parseConfig: ParseConfig };
  const configPath = join(root, 'config/decisions.json');
  const text = readFileSync(configPath, 'utf8');
  const ours = parseConfig(text, configPath);
  const theirs = baseConfigModule.parseConfig(text, configPath);
  if (!ours.ok || !theirs.ok) {
    console.error(`config/decisions.json does not parse: ${!ours.ok ? ours.message : !theirs.ok ? theirs.message : ''}`);
    return 2;
  }
  const nowMs = Date.parse('2026-11-27T12:00:00Z');

  // 1. Byte-identical decisions.
  const samples = readFileSync(join(root, 'samples/contacts.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DecisionInput);
  const checked = [...samples, ...generateInputs(12_000, nowMs)];
  const contexts = [
    undefined,
    { lastNotifiedAt: new Date(nowMs - 3 * DAY).toISOString(), recentTasksByOwner: { '101': 99, '104': 1 } },
    { lastNotifiedAt: String(nowMs - 40 * DAY), unavailableOwnerIds: ['104'], ownerLoad: { '101': 500 } },
  ];
  let compared = 0;
  for (const [c, clock] of [nowMs, nowMs + 3 * DAY, nowMs - 200 * DAY, nowMs + 900 * DAY].entries()) {
    const now = new Date(clock);
    for (let i = 0; i < checked.length; i++) {
      const context = contexts[(i + c) % contexts.length];
      const input = context && !checked[i]!.context ? { ...checked[i]!, context } : checked[i]!;
      for (let twice = 0; twice < 2; twice++) {
        const a = JSON.stringify(base.decide(input, theirs.config, now));
        const b = JSON.stringify(decide(input, ours.config, now));
        compared++;
        if (a !== b) {
          console.error(`Decisions differ for contact ${String(input.id)} at ${now.toISOString()} (${twice === 0 ? 'first' : 'second'} decision):`);
          console.error(`  ${ref}: ${a.slice(0, 2_000)}`);
          console.error(`  working tree: ${b.slice(0, 2_000)}`);
          return 1;
        }
      }
    }
  }
  console.log(`✓ ${compared.toLocaleString('en-US')} decisions byte-identical to ${ref}`);

  // 2. Side by side.
  const inputs = generateInputs(COUNT, nowMs);
  const now = new Date(nowMs);
  for (let i = 0; i < 20_000; i++) {
    base.decide(inputs[i]!, theirs.config, now);
    decide(inputs[i]!, ours.config, now);
  }
  const ratios: number[] = [];
  const total = { base: 0, ours: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (let start = 0; start < COUNT; start += CHUNK) {
      const baseFirst = (start / CHUNK + round) % 2 === 0;
      const t = { base: 0, ours: 0 };
      for (const which of baseFirst ? (['base', 'ours'] as const) : (['ours', 'base'] as const)) {
        const run: Decide = which === 'base' ? base.decide : decide;
        const config = which === 'base' ? theirs.config : ours.config;
        const cpu = process.cpuUsage();
        for (let i = start; i < start + CHUNK; i++) run(inputs[i]!, config, now);
        const used = process.cpuUsage(cpu);
        t[which] = used.user + used.system;
        total[which] += t[which];
      }
      ratios.push(t.base / t.ours);
    }
  }
  ratios.sort((a, b) => a - b);
  const at = (q: number): string => ratios[Math.floor(q * (ratios.length - 1))]!.toFixed(3);
  const rate = (us: number): string => Math.round((ROUNDS * COUNT) / (us / 1e6)).toLocaleString('en-US');
  console.log(`${ref}: ${rate(total.base)} decisions/CPU-s   working tree: ${rate(total.ours)} decisions/CPU-s`);
  console.log(`working tree ÷ ${ref}: ${at(0.5)}× (median of ${ratios.length} chunk ratios; IQR ${at(0.25)}–${at(0.75)})`);
  rmSync(baseDir, { recursive: true, force: true });
  return 0;
}

process.exitCode = await main();
