// `lead-decisions simulate`: what a rule change would do to every contact, before shipping it.
// Reads the portal (or an export), decides each contact with both rule sets, writes nothing.
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import type { Command } from 'commander';
import { createPortalReader } from '../../adapters/hubspot/portal-reads.ts';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import type { DecisionInput } from '../../core/types.ts';
import { portalDecisionInputs } from '../../services/portal-inputs.ts';
import { Simulation, type SimulationReport } from '../../services/simulate.ts';
import { renderChartPage } from '../../insight/chart-page.ts';
import { EXIT_BAD_RECORDS, EXIT_OK, EXIT_USAGE, loadRulesWithTeam, parseIsoTime, portalFromEnv, writeFileWhole, type CommandIo } from '../command-io.ts';
import { parseDecideLine } from '../decide-input.ts';
import { readLines } from '../jsonl.ts';
import { simulationBlocks, simulationText } from '../../insight/simulate-output.ts';

export interface SimulateOptions { config?: string; current?: string; team?: string; input?: string; json?: boolean; html?: string; now?: string; sample?: string }

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Run the current and a candidate rules config over every contact (or an export) and show what would change. Writes nothing.')
    .option('--config <file>', 'the candidate rules config (required)')
    .option('--team <file>', 'the candidate team (owners, pools, territories, fallback); replaces the candidate config\'s routing team')
    .option('--current <file>', 'the rules in use (default: config/decisions.json of this package)')
    .option('--input <file>', 'a JSONL export in the `decide` input format instead of the portal')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'also write a self-contained HTML page with charts')
    .option('--now <iso>', 'decision time (default: now)')
    .option('--sample <n>', 'changed contacts to show', '20')
    .addHelpText('after', '\nReads the portal from HUBSPOT_ACCESS_TOKEN / HUBSPOT_BASE_URL unless --input is given.\nExit codes: 0 simulated (whatever the diff), 1 some input lines were bad, 2 bad options, config or I/O. See docs/simulate.md.')
    .action(async (opts: SimulateOptions) => {
      process.exitCode = await runSimulate(opts, { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: () => new Date() });
    });
}

export async function runSimulate(opts: SimulateOptions, io: CommandIo): Promise<number> {
  const say = (t: string) => io.stderr.write(`${t}\n`);
  if (!opts.config) { say('simulate needs --config <candidate.json>.'); return EXIT_USAGE; }
  const now = opts.now === undefined ? { ok: true as const, ms: io.clock().getTime() } : parseIsoTime(opts.now, '--now');
  if (!now.ok) { say(now.message); return EXIT_USAGE; }
  const sample = Number(opts.sample ?? '20');
  if (!Number.isInteger(sample) || sample < 0 || sample > 1000) { say(`--sample must be a whole number from 0 to 1000, got "${opts.sample}".`); return EXIT_USAGE; }
  const current = await loadRulesWithTeam(opts.current ?? DEFAULT_CONFIG_PATH);
  if (!current.ok) { say(`Current config error: ${current.message}`); return EXIT_USAGE; }
  const candidate = await loadRulesWithTeam(opts.config, opts.team);
  if (!candidate.ok) { say(`Candidate config error: ${candidate.message}`); return EXIT_USAGE; }

  const simulation = new Simulation(current.config, candidate.config, { now: new Date(now.ms), sampleSize: sample });
  let bad = 0;
  try {
    if (opts.input !== undefined) {
      try { await access(opts.input, constants.R_OK); } catch { say(`Cannot read --input ${opts.input}: no such readable file.`); return EXIT_USAGE; }
      for await (const { line, lineNo } of readLines(createReadStream(opts.input))) {
        if (line.trim() === '') continue;
        const parsed = parseDecideLine(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line);
        if (!parsed.ok) { bad++; say(`line ${lineNo}: ${parsed.error}`); continue; }
        simulation.add(parsed.input);
      }
    } else {
      const portal = portalFromEnv(io.env);
      if (!portal.ok) { say(portal.message); return EXIT_USAGE; }
      const reader = createPortalReader({ accessToken: portal.accessToken, basePath: portal.basePath, retries: 3 });
      const inputs: AsyncIterable<DecisionInput> = portalDecisionInputs(reader);
      let n = 0;
      for await (const input of inputs) {
        simulation.add(input);
        if (++n % 1000 === 0 && (io.stderr as { isTTY?: boolean }).isTTY) io.stderr.write(`\r  ${n} contacts…`);
      }
    }
  } catch (err) {
    say(`Simulation stopped: ${(err as Error).message}`);
    return EXIT_USAGE;
  }
  const report = simulation.finish();
  const written = await emit(report, opts, io);
  if (!written) return EXIT_USAGE;
  if (bad > 0) say(`${bad} input line(s) were bad and left out.`);
  return bad > 0 ? EXIT_BAD_RECORDS : EXIT_OK;
}

async function emit(report: SimulationReport, opts: SimulateOptions, io: CommandIo): Promise<boolean> {
  io.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : simulationText(report));
  if (opts.html === undefined) return true;
  const page = renderChartPage('Lead Decisions — rule change simulation',
    `${report.currentVersion} → ${report.candidateVersion} · ${report.contacts} contacts`, simulationBlocks(report));
  const r = await writeFileWhole(opts.html, page);
  if (!r.ok) io.stderr.write(`${r.message}\n`);
  else io.stderr.write(`Wrote ${opts.html}\n`);
  return r.ok;
}
