// `report` against a small hand-built portal in the emulator, read through the real client,
// whose MER, rates and latencies are worked out by hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { periodOf, runReport, spendFromCsv, type ReportOptions } from '../../lib/cli/commands/report.ts';
import type { BusinessReport, VersionFigures } from '../../lib/services/report.ts';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { capturedStreams } from '../support/cli.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
let emu: RunningEmulator;
const dir = mkdtempSync(join(tmpdir(), 'ld-report-'));

interface Lead { created: string; source?: string; campaign?: string; full?: boolean; decided?: { after: number; version: string; tier: string }; stages?: Record<string, string>; outreachAfter?: number; taskAfter?: number }

function addContact(l: Lead): number {
  const s = emu.store;
  const props: Record<string, string> = { email: `${Math.random().toString(36).slice(2)}@example.com`, firstname: 'Test', lastname: 'Lead', createdate: l.created };
  if (l.full) Object.assign(props, { jobtitle: 'CTO', country: 'Germany', phone: '+49 30 1234567', company: 'Acme' });
  if (l.source) props['hs_analytics_source'] = l.source;
  if (l.campaign) props['hs_analytics_source_data_1'] = l.campaign;
  for (const [stage, when] of Object.entries(l.stages ?? {})) props[`hs_v2_date_entered_${stage}`] = when;
  const created = s.createObjectAsUser('contacts', props, { at: at(l.created) });
  if (!created.ok) throw new Error(created.failure.message);
  const id = Number(created.value.id);
  if (l.decided) {
    const when = at(l.created) + l.decided.after * H;
    const r = s.updateContact(id, { scoring_version: l.decided.version, routing_tier: l.decided.tier, last_decision_at: new Date(when).toISOString() }, { sourceType: 'INTEGRATION', at: when });
    if (!r.ok) throw new Error(r.failure.message);
    if (l.outreachAfter !== undefined) s.updateContact(id, { hs_first_outreach_date: new Date(when + l.outreachAfter * H).toISOString() }, { at: when + l.outreachAfter * H });
    if (l.taskAfter !== undefined) {
      const task = s.createObjectAsUser('tasks', { hs_task_subject: 'Call', hs_timestamp: new Date(when).toISOString() }, { at: when + l.taskAfter * H });
      if (!task.ok) throw new Error(task.failure.message);
      s.associations.add('contacts', id, 'tasks', Number(task.value.id), 203);
    }
  }
  return id;
}

function addDeal(stage: string, amount: number, closedate: string, contactId: number): void {
  const d = emu.store.createObjectAsUser('deals', { dealname: 'Deal', dealstage: stage, amount: String(amount), closedate, pipeline: 'default' }, { at: at(closedate) - 20 * 24 * H });
  if (!d.ok) throw new Error(d.failure.message);
  emu.store.associations.add('deals', Number(d.value.id), 'contacts', contactId, 3);
}

beforeAll(async () => {
  emu = await startEmulator({ db: ':memory:', port: 0, ownersConfig: '/nonexistent/decisions.json' });
  await runProvision(createHubSpotGateway({ accessToken: 't', basePath: emu.url }), [{ id: 'general', label: 'General' }]);
  const A = 'v-old';
  const B = 'v-new';
  const c1 = addContact({ created: '2026-10-02T10:00:00Z', source: 'PAID_SEARCH', full: true, decided: { after: 2, version: A, tier: 'high' }, outreachAfter: 4,
    stages: { lead: '2026-10-02T10:00:00Z', marketingqualifiedlead: '2026-10-03T00:00:00Z', salesqualifiedlead: '2026-10-05T00:00:00Z' } });
  addContact({ created: '2026-10-03T10:00:00Z', source: 'ORGANIC_SEARCH', decided: { after: 4, version: A, tier: 'medium' }, stages: { marketingqualifiedlead: '2026-10-10T00:00:00Z' } });
  const c3 = addContact({ created: '2026-10-04T10:00:00Z', source: 'OFFLINE', decided: { after: 6, version: A, tier: 'low' } });
  const c4 = addContact({ created: '2026-10-10T10:00:00Z', source: 'PAID_SOCIAL', campaign: 'linkedin-abm', decided: { after: 0.5, version: B, tier: 'high' }, taskAfter: 1,
    stages: { marketingqualifiedlead: '2026-10-11T00:00:00Z', salesqualifiedlead: '2026-10-12T00:00:00Z' } });
  addContact({ created: '2026-10-11T10:00:00Z', source: 'EMAIL_MARKETING', decided: { after: 1, version: B, tier: 'high' }, stages: { marketingqualifiedlead: '2026-10-11T12:00:00Z' } });
  const c6 = addContact({ created: '2026-10-12T10:00:00Z' });
  const c7 = addContact({ created: '2026-09-01T10:00:00Z', source: 'PAID_SEARCH', decided: { after: 1, version: A, tier: 'medium' } });
  addDeal('closedwon', 5000, '2026-10-20T00:00:00Z', c1);
  addDeal('closedwon', 3000, '2026-10-25T00:00:00Z', c3);
  addDeal('closedwon', 2000, '2026-10-28T00:00:00Z', c6);
  addDeal('closedlost', 9999, '2026-10-15T00:00:00Z', c4);
  addDeal('closedwon', 7777, '2026-11-05T00:00:00Z', c4);
  addDeal('closedwon', 10000, '2026-10-18T00:00:00Z', c7);
});
afterAll(async () => { await emu.close(); });

async function report(opts: Partial<ReportOptions>): Promise<{ code: number; out: string; err: string }> {
  const { stdout, stderr, out, err } = capturedStreams();
  const code = await runReport({ from: '2026-10-01', to: '2026-10-31', spend: '10000', json: true, ...opts },
    { stdout, stderr, env: { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: emu.url }, clock: () => new Date() });
  return { code, out: out(), err: err() };
}

describe('report on a hand-built portal', () => {
  let r: BusinessReport;
  const v = (name: string): VersionFigures => r.byVersion.find((x) => x.version === name)!;
  beforeAll(async () => {
    const run = await report({});
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    r = JSON.parse(run.out) as BusinessReport;
  });

  it('computes MER, revenue and attribution coverage over won deals closed in the period', () => {
    // Won in October: 5,000 (paid) + 3,000 (offline: sales) + 2,000 (no source) + 10,000 (paid, lead from September).
    expect(r.total).toMatchObject({ wonDeals: 4, wonRevenue: 20000, attributedRevenue: 15000, mer: 1.5, attributionCoverage: 0.9, spendShare: 10000 });
    expect(v('v-old')).toMatchObject({ leads: 3, wonRevenue: 18000, attributedRevenue: 15000, spendShare: 5000, mer: 3 });
    expect(v('v-new')).toMatchObject({ leads: 2, wonRevenue: 0, attributedRevenue: 0, spendShare: 3333.33, mer: 0 });
    expect(v('(not decided)')).toMatchObject({ leads: 1, wonRevenue: 2000, attributionCoverage: 0 });
  });

  it('computes lead → MQL and MQL → SQL rates', () => {
    expect(r.total).toMatchObject({ leads: 6, reachedMql: 4, leadToMql: 0.6667, mqlsInPeriod: 4, mqlToSql: 0.5 });
    expect(v('v-old')).toMatchObject({ reachedMql: 2, leadToMql: 0.6667, mqlToSql: 0.5 });
    expect(v('v-new')).toMatchObject({ reachedMql: 2, leadToMql: 1, mqlToSql: 0.5 });
  });

  it('computes routing latency, first response for high-tier leads (outreach or task) and completeness', () => {
    expect(v('v-old').routingLatency).toEqual({ count: 3, medianHours: 4, p90Hours: 6 });
    expect(v('v-new').routingLatency).toEqual({ count: 2, medianHours: 0.5, p90Hours: 1 });
    expect(v('v-old').firstResponse).toEqual({ count: 1, medianHours: 4, p90Hours: 4, highTierLeads: 1, unanswered: 0 });
    expect(v('v-new').firstResponse).toEqual({ count: 1, medianHours: 1, p90Hours: 1, highTierLeads: 2, unanswered: 1 });
    expect(v('v-old').completeness).toBe(Math.round((13 / 21) * 10000) / 10000);
  });

  it('uses a campaign mapping over the source mapping', async () => {
    const file = join(dir, 'attribution.json');
    writeFileSync(file, JSON.stringify({ campaigns: { 'linkedin-': 'abm' }, sources: { PAID_SEARCH: 'paid', OFFLINE: 'events' }, marketingChannels: ['paid', 'events'] }));
    const run = await report({ attribution: file });
    const rr = JSON.parse(run.out) as BusinessReport;
    expect(rr.total).toMatchObject({ attributedRevenue: 18000, mer: 1.8, attributionCoverage: 0.9 });
  });

  it('prints a terminal table with every figure per version', async () => {
    const run = await report({ json: false });
    expect(run.out).toContain('MER (attributed revenue ÷ spend)  1.50×');
    expect(run.out).toMatch(/Lead → MQL\s+66\.7% \(4\)/);
    expect(run.out).toContain('v-old');
  });
});

describe('report options', () => {
  it.each([
    [{ spend: undefined }, /exactly one of --spend N or --spend-file F/],
    [{ from: undefined }, /^report needs the period: --from DATE --to DATE\.$/m],
    [{ spend: '-5' }, /--spend must be a non-negative number/],
    [{ from: '2026-02-30' }, /--from "2026-02-30" is not an ISO date/],
    [{ to: '2026-09-01' }, /--to 2026-09-01 must be after --from/],
    [{ attribution: '/nonexistent/a.json' }, /--attribution \/nonexistent\/a.json: file not found/],
    [{ spend: undefined, spendFile: '/nonexistent/spend.csv' }, /Cannot read --spend-file/],
  ])('%j exits 2 with a clear message', async (opts, message) => {
    const run = await report(opts as Partial<ReportOptions>);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });

  it('sums the spend file rows inside the period and names a bad line', () => {
    const p = periodOf('2026-10-01', '2026-10-31');
    if (!p.ok) throw new Error(p.message);
    expect(spendFromCsv('date,amount\n2026-09-30,100\n2026-10-01,250.5\n2026-10-31,49.5\n2026-11-01,1000\n', p.value.from, p.value.to, 'f.csv')).toEqual({ ok: true, value: 300 });
    expect(spendFromCsv('2026-10-01,abc\n', p.value.from, p.value.to, 'f.csv')).toEqual({ ok: false, message: 'f.csv line 1: expected "YYYY-MM-DD,amount" with a non-negative amount.' });
  });
});
