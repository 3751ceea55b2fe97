// The sandbox's latest simulation and report pages, written after start-up into the folder the
// preview serves under /reports/: a rule-change simulation (the sandbox's rules against a candidate:
// --candidate, else the same rules with the high-tier threshold 5 points lower) and the MER and
// funnel report for the last 180 days with a demo spend. Read-only over the emulator.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createPortalReader, type PortalReadOptions } from '../adapters/hubspot/portal-reads.ts';
import { renderChartPage } from '../insight/chart-page.ts';
import { writeFileWhole } from '../insight/write-file.ts';
import { reportBlocks } from '../insight/report-output.ts';
import { simulationBlocks } from '../insight/simulate-output.ts';
import { parseConfig, type Config } from '../core/config.ts';
import { portalDecisionInputs } from '../services/portal-inputs.ts';
import { buildReport } from '../services/report.ts';
import { readReportRecords } from '../services/report-source.ts';
import { Simulation } from '../services/simulate.ts';

const DAY = 86_400_000;
export const SANDBOX_REPORT_DAYS = 180;
/** What the sandbox's report divides by: a made-up spend for the demo portal, said so on the page. */
export const SANDBOX_DEMO_SPEND = 150_000;

/** The default candidate: the same rules with a high-tier threshold 5 points lower. */
export function demoCandidate(config: Config): Config {
  // The rules only: the team rides along unchanged (it is not part of the rules or their version).
  const { scoringVersion: _ignored, routing, leads, ...data } = config;
  const tiers = { ...data.scoring.tiers, high: Math.max(data.scoring.tiers.medium + 1, data.scoring.tiers.high - 5) };
  const parsed = parseConfig({ ...data, version: `${data.version}-candidate`, scoring: { ...data.scoring, tiers } }, 'sandbox candidate');
  return parsed.ok ? { ...parsed.config, routing, leads } : config;
}

export interface InsightPagesOptions { portal: PortalReadOptions; config: Config; candidate?: Config; dir: string; now: Date }

export async function writeInsightPages(o: InsightPagesOptions): Promise<string[]> {
  await mkdir(o.dir, { recursive: true });
  const reader = createPortalReader(o.portal);
  const candidate = o.candidate ?? demoCandidate(o.config);
  const simulation = new Simulation(o.config, candidate, { now: o.now });
  for await (const input of portalDecisionInputs(reader)) simulation.add(input);
  const sim = simulation.finish();
  const label = o.candidate ? 'candidate from --candidate' : `demo candidate: high tier from ${candidate.scoring.tiers.high} instead of ${o.config.scoring.tiers.high}`;
  const written: string[] = [];
  const save = async (name: string, html: string) => {
    const r = await writeFileWhole(join(o.dir, name), html);
    if (!r.ok) throw new Error(r.message);
    written.push(name);
  };
  await save('simulation.html', renderChartPage('Lead Decisions — rule change simulation (sandbox)', `${sim.currentVersion} → ${sim.candidateVersion} (${label}) · ${sim.contacts} contacts`, simulationBlocks(sim)));
  const records = await readReportRecords(reader);
  const to = Math.floor(o.now.getTime() / DAY) * DAY + DAY;
  const report = buildReport(records.contacts, records.deals, { from: to - SANDBOX_REPORT_DAYS * DAY, to, spend: SANDBOX_DEMO_SPEND });
  await save('report.html', renderChartPage('Lead Decisions — MER and funnel (sandbox)', `${report.from.slice(0, 10)} → ${report.to.slice(0, 10)} · demo spend ${SANDBOX_DEMO_SPEND}`, reportBlocks(report)));
  return written;
}
