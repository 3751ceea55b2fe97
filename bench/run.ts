// `npm run bench [-- --only NAME]`: runs every bench/*.bench.ts, prints a table and
// writes bench/results.json as { "<figure>": { "value": n, "unit": "…" } }.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure { value: number; unit: string; note?: string }
export type Figures = Record<string, Figure>;

const here = dirname(fileURLToPath(import.meta.url));

function parseOnly(argv: string[]): string | null {
  const i = argv.indexOf('--only');
  if (i >= 0) return argv[i + 1] ?? null;
  const eq = argv.find((a) => a.startsWith('--only='));
  return eq ? eq.slice('--only='.length) : null;
}

/** Runs one benchmark in this process and prints its figures as JSON (used by the parent). */
async function runOne(name: string): Promise<Figures> {
  const mod = (await import(join(here, `${name}.bench.ts`))) as { run: () => Promise<Figures> };
  return mod.run();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = parseOnly(argv);
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const names = files.map((f) => f.replace('.bench.ts', ''));
  if (argv.includes('--child') && only) {
    process.stdout.write(JSON.stringify(await runOne(only)));
    return;
  }
  const selected = only ? names.filter((n) => n === only) : names;
  if (selected.length === 0) {
    console.error(`No benchmark named "${only}". Available: ${names.join(', ')}`);
    process.exit(2);
  }
  const results: Figures = {};
  for (const name of selected) {
    console.error(`▶ ${name}`);
    // Each benchmark gets a fresh process, so one's heap and JIT state cannot skew another's figures.
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'run.ts'), '--child', '--only', name], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
    Object.assign(results, JSON.parse(out.toString()) as Figures);
  }
  const rows = Object.entries(results).map(([k, f]) => [k, formatValue(f.value), f.unit, f.note ?? '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  for (const r of rows) console.log(`${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3]}`);
  writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.error(`wrote bench/results.json (${rows.length} figures)`);
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

await main();
