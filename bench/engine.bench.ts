// Engine throughput: decisions per second on 100,000 generated contacts, one core.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../lib/core/config.ts';
import { decide } from '../lib/core/pipeline.ts';
import { generateInputs } from './engine-inputs.ts';
import type { Figures } from './run.ts';

const COUNT = 100_000;
const TARGET_PER_S = 100_000;

export async function run(): Promise<Figures> {
  const path = fileURLToPath(new URL('../config/decisions.json', import.meta.url));
  const parsed = parseConfig(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.message);
  const config = parsed.config;
  const now = new Date('2026-11-27T12:00:00Z');
  const inputs = generateInputs(COUNT, now.getTime());

  // Warm-up on a slice so the JIT and the normalize caches see realistic shapes first.
  for (let i = 0; i < 20_000; i++) decide(inputs[i]!, config, now);

  let high = 0;
  const start = performance.now();
  for (const input of inputs) if (decide(input, config, now).score.value.tier === 'high') high++;
  const seconds = (performance.now() - start) / 1000;
  const perSecond = Math.round(COUNT / seconds);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return {
    'engine.decisions_per_s': { value: perSecond, unit: 'decisions/s', note: `${COUNT.toLocaleString('en-US')} contacts, one core, ${high} high tier` },
    'engine.ratio_to_target': { value: Math.round((perSecond / TARGET_PER_S) * 100) / 100, unit: 'x', note: `target ${TARGET_PER_S.toLocaleString('en-US')}/s` },
    'engine.peak_rss_mb': { value: peakRssMb, unit: 'MB', note: 'includes the 100,000 generated inputs' },
  };
}
