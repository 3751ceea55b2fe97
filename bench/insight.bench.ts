// simulate and report over the emulator (2,000 seeded contacts with dated histories, rate limits
// off): HubSpot calls per 100 contacts and throughput, and the sandbox's seed time.
import { createHubSpotGateway } from '../lib/adapters/index.ts';
import { createPortalReader } from '../lib/adapters/hubspot/portal-reads.ts';
import { runProvision } from '../lib/cli/commands/provision.ts';
import { loadConfig } from '../lib/config/load.ts';
import { portalDecisionInputs } from '../lib/services/portal-inputs.ts';
import { buildReport } from '../lib/services/report.ts';
import { readReportRecords } from '../lib/services/report-source.ts';
import { Simulation } from '../lib/services/simulate.ts';
import { startEmulator } from '../local/emulator/index.ts';
import type { Figures } from './run.ts';

const CONTACTS = 2_000;

export async function run(): Promise<Figures> {
  const loaded = await loadConfig();
  if (!loaded.ok) throw new Error(loaded.message);
  const config = loaded.config;
  const t0 = performance.now();
  const emu = await startEmulator({ contacts: CONTACTS, seed: 42, rateLimit: { enabled: false }, scoringVersion: config.scoringVersion });
  const seedSeconds = (performance.now() - t0) / 1000;
  try {
    await runProvision(createHubSpotGateway({ accessToken: 'bench', basePath: emu.url }), config.classification.tracks);
    const reader = createPortalReader({ accessToken: 'bench', basePath: emu.url });
    const candidate = { ...config, scoring: { ...config.scoring, tiers: { ...config.scoring.tiers, high: config.scoring.tiers.high - 5 } }, scoringVersion: 'candidate' };

    emu.requestLog.clear();
    let t = performance.now();
    const simulation = new Simulation(config, candidate, { now: new Date() });
    for await (const input of portalDecisionInputs(reader)) simulation.add(input);
    const sim = simulation.finish();
    const simSeconds = (performance.now() - t) / 1000;
    const simCalls = emu.requestLog.entries().length;

    emu.requestLog.clear();
    t = performance.now();
    const records = await readReportRecords(reader);
    buildReport(records.contacts, records.deals, { from: Date.now() - 180 * 86_400_000, to: Date.now(), spend: 1 });
    const reportSeconds = (performance.now() - t) / 1000;
    const reportCalls = emu.requestLog.entries().length;

    return {
      'insight.seed_2k_s': { value: Number(seedSeconds.toFixed(2)), unit: 's', note: `the sandbox's seed: ${CONTACTS} contacts with dated histories, in memory` },
      'insight.simulate_calls_per_100': { value: Number(((simCalls / sim.contacts) * 100).toFixed(2)), unit: 'calls', note: 'contacts with activity history (50 a page) + companies; read-only' },
      'insight.simulate_contacts_per_s': { value: Math.round(sim.contacts / simSeconds), unit: 'contacts/s', note: 'both rule sets, emulator rate limits off' },
      'insight.report_calls_per_100': { value: Number(((reportCalls / records.contacts.length) * 100).toFixed(2)), unit: 'calls', note: 'contacts with decision history, companies, deal and task associations, deals, tasks' },
      'insight.report_s': { value: Number(reportSeconds.toFixed(2)), unit: 's', note: `${records.contacts.length} contacts, ${records.deals.length} deals` },
    };
  } finally {
    await emu.close();
  }
}
