// Engine throughput: decisions per second on 100,000 generated contacts, one core.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../lib/core/config.ts';
import { decide } from '../lib/core/pipeline.ts';
import { generateInputs } from './engine-inputs.ts';
import type { Figures } from './run.ts';

const COUNT = 100_000;
const TARGET_PER_S = 100_000;
const PASSES = 3;

export async function run(): Promise<Figures> {
  const path = fileURLToPath(new URL('../config/decisions.json', import.meta.url));
  const parsed = parseConfig(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.message);
  const config = parsed.config;
  const now = new Date('2026-11-27T12:00:00Z');
  const inputs = generateInputs(COUNT, now.getTime());

  // Warm-up on a slice so the JIT and the normalize caches see realistic shapes first.
  for (let i = 0; i < 20_000; i++) decide(inputs[i]!, config, now);

  // Three timed passes over all 100,000. "On one core" is measured as CPU time of this
  // (single-threaded) process, so other processes on a shared machine do not count
  // against it; wall-clock rates are kept in the note.
  let high = 0;
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    high = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const input of inputs) if (decide(input, config, now).score.value.tier === 'high') high++;
    const wallS = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    cpuRates.push(COUNT / ((used.user + used.system) / 1e6));
    wallRates.push(COUNT / wallS);
  }
  const perSecond = Math.round(medianOf(cpuRates));
  const wall = Math.round(medianOf(wallRates));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return {
    'engine.decisions_per_s': { value: perSecond, unit: 'decisions/s', note: `median of ${PASSES} passes over ${COUNT.toLocaleString('en-US')} contacts, per CPU-second on one core (wall clock ${wall.toLocaleString('en-US')}/s); ${high} high tier` },
    'engine.ratio_to_target': { value: Math.round((perSecond / TARGET_PER_S) * 100) / 100, unit: 'x', note: `target ${TARGET_PER_S.toLocaleString('en-US')}/s` },
    'engine.peak_rss_mb': { value: peakRssMb, unit: 'MB', note: 'includes the 100,000 generated inputs' },
  };
}

function medianOf(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
