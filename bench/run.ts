// `npm run bench [-- --only NAME]`: runs every bench/*.bench.ts, prints a table and
// writes bench/results.json as { "<figure>": { "value": n, "unit": "…" } }.
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

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const selected = only ? files.filter((f) => f.replace('.bench.ts', '') === only) : files;
  if (selected.length === 0) {
    console.error(`No benchmark named "${only}". Available: ${files.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
    process.exit(2);
  }
  const results: Figures = {};
  for (const file of selected) {
    const name = file.replace('.bench.ts', '');
    console.error(`▶ ${name}`);
    const mod = (await import(join(here, file))) as { run: () => Promise<Figures> };
    Object.assign(results, await mod.run());
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
