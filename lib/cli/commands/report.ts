// `lead-decisions report`: MER and the funnel for a period, split by rule version, read from the portal.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { createPortalReader } from '../../adapters/hubspot/portal-reads.ts';
import { buildReport, DEFAULT_ATTRIBUTION, type AttributionMapping, type BusinessReport } from '../../services/report.ts';
import { readReportRecords } from '../../services/report-source.ts';
import { renderChartPage } from '../../insight/chart-page.ts';
import { EXIT_OK, EXIT_USAGE, parseIsoTime, portalFromEnv, writeFileWhole, type CommandIo } from '../command-io.ts';
import { reportBlocks, reportText } from '../../insight/report-output.ts';

export interface ReportOptions { from?: string; to?: string; spend?: string; spendFile?: string; attribution?: string; json?: boolean; html?: string }

const DAY = 86_400_000;

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('MER, lead → MQL → SQL rates, first response, routing latency, completeness and attribution coverage for a period, by rule version.')
    .option('--from <date>', 'first day of the period (ISO date or date-time; required)')
    .option('--to <date>', 'last day of the period (a date includes that whole day; required)')
    .option('--spend <amount>', 'marketing spend for the period')
    .option('--spend-file <file>', 'CSV of `date,amount` rows; the rows inside the period are summed')
    .option('--attribution <file>', 'JSON mapping of original source / campaign to channels (see docs/report.md)')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'also write a self-contained HTML page with a funnel chart')
    .addHelpText('after', '\nReads the portal from HUBSPOT_ACCESS_TOKEN / HUBSPOT_BASE_URL.\nExit codes: 0 reported, 2 bad options, files or I/O. See docs/report.md.')
    .action(async (opts: ReportOptions) => {
      process.exitCode = await runReport(opts, { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() });
    });
}

const AttributionSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.record(z.string(), z.string().min(1)).default(DEFAULT_ATTRIBUTION.sources),
  campaigns: z.record(z.string().min(1), z.string().min(1)).default({}),
  marketingChannels: z.array(z.string().min(1)).default([...DEFAULT_ATTRIBUTION.marketingChannels]),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function periodOf(fromRaw: string, toRaw: string): Parsed<{ from: number; to: number }> {
  const from = parseIsoTime(fromRaw, '--from');
  if (!from.ok) return { ok: false, message: from.message };
  const to = parseIsoTime(toRaw, '--to');
  if (!to.ok) return { ok: false, message: to.message };
  // A bare date names a whole day: the period runs to the end of it.
  const end = toRaw.trim().length === 10 ? to.ms + DAY : to.ms;
  if (end <= from.ms) return { ok: false, message: `--to ${toRaw} must be after --from ${fromRaw}.` };
  return { ok: true, value: { from: from.ms, to: end } };
}

/** Sums the `date,amount` rows inside [from, to); a header line and blank lines are skipped. */
export function spendFromCsv(text: string, from: number, to: number, file: string): Parsed<number> {
  let total = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || (i === 0 && !/^\d/.test(line))) continue;
    const [date, amount] = line.split(',').map((s) => s.trim());
    const when = parseIsoTime(date ?? '', 'date');
    const value = Number(amount);
    if (!when.ok || amount === undefined || amount === '' || !Number.isFinite(value) || value < 0) {
      return { ok: false, message: `${file} line ${i + 1}: expected "YYYY-MM-DD,amount" with a non-negative amount.` };
    }
    if (when.ms >= from && when.ms < to) total += value;
  }
  return { ok: true, value: Math.round(total * 100) / 100 };
}

async function spendOf(opts: ReportOptions, period: { from: number; to: number }): Promise<Parsed<number>> {
  if ((opts.spend === undefined) === (opts.spendFile === undefined)) return { ok: false, message: 'Give the period\'s marketing spend with exactly one of --spend N or --spend-file F.' };
  if (opts.spend !== undefined) {
    const n = Number(opts.spend);
    return opts.spend.trim() !== '' && Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, message: `--spend must be a non-negative number, got "${opts.spend}".` };
  }
  try {
    return spendFromCsv(await readFile(opts.spendFile!, 'utf8'), period.from, period.to, opts.spendFile!);
  } catch (err) {
    return { ok: false, message: `Cannot read --spend-file ${opts.spendFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

async function attributionOf(path: string | undefined): Promise<Parsed<AttributionMapping>> {
  if (path === undefined) return { ok: true, value: DEFAULT_ATTRIBUTION };
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, message: `--attribution ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not readable JSON (${(err as Error).message})`}` };
  }
  const parsed = AttributionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `--attribution ${path}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
  return { ok: true, value: parsed.data };
}

export async function runReport(opts: ReportOptions, io: CommandIo): Promise<number> {
  const say = (t: string) => io.stderr.write(`${t}\n`);
  // Checked here rather than by commander, so a missing option exits 2 like every usage error.
  if (opts.from === undefined || opts.to === undefined) { say('report needs the period: --from DATE --to DATE.'); return EXIT_USAGE; }
  const period = periodOf(opts.from, opts.to);
  if (!period.ok) { say(period.message); return EXIT_USAGE; }
  const spend = await spendOf(opts, period.value);
  if (!spend.ok) { say(spend.message); return EXIT_USAGE; }
  const mapping = await attributionOf(opts.attribution);
  if (!mapping.ok) { say(mapping.message); return EXIT_USAGE; }
  const portal = portalFromEnv(io.env);
  if (!portal.ok) { say(portal.message); return EXIT_USAGE; }
  let report: BusinessReport;
  try {
    const reader = createPortalReader({ accessToken: portal.accessToken, basePath: portal.basePath, retries: 3 });
    const records = await readReportRecords(reader);
    report = buildReport(records.contacts, records.deals, { ...period.value, spend: spend.value }, mapping.value);
  } catch (err) {
    say(`Report stopped: ${(err as Error).message}`);
    return EXIT_USAGE;
  }
  io.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  if (opts.html !== undefined) {
    const page = renderChartPage('Lead Decisions — MER and funnel', `${report.from.slice(0, 10)} → ${report.to.slice(0, 10)} · spend ${report.spend}`, reportBlocks(report));
    const written = await writeFileWhole(opts.html, page);
    if (!written.ok) { say(written.message); return EXIT_USAGE; }
    say(`Wrote ${opts.html}`);
  }
  return EXIT_OK;
}
