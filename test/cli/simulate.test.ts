// `simulate` through its command: the seeded emulator read through the real client, an export file,
// the team file, and the exit codes (0 whatever the diff, 1 bad lines, 2 broken config or options).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotGateway } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { runSimulate, type SimulateOptions } from '../../lib/cli/commands/simulate.ts';
import type { SimulationReport } from '../../lib/services/simulate.ts';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { CONFIG_PATH, rawDefaultConfig, rawDefaultRules } from '../core/helpers.ts';
import { runCli } from '../support/cli.ts';
import { capturedStreams } from '../support/cli.ts';

const NOW = '2026-11-27T12:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'ld-simulate-'));
let emu: RunningEmulator;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const lowerHigh = file('candidate.json', { ...rawDefaultRules(), scoring: { ...rawDefaultRules().scoring, tiers: { high: 50, medium: 40 } } });

beforeAll(async () => {
  emu = await startEmulator({ db: ':memory:', port: 0, contacts: 150, seed: 7 });
  await runProvision(createHubSpotGateway({ accessToken: 't', basePath: emu.url }), [{ id: 'general', label: 'General' }]);
});
afterAll(async () => { await emu.close(); });

async function simulateCli(opts: SimulateOptions, env: Record<string, string> = { HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: emu.url }) {
  const { stdout, stderr, out, err } = capturedStreams();
  const code = await runSimulate({ now: NOW, ...opts }, { stdout, stderr, env, clock: () => new Date(NOW) });
  return { code, out: out(), err: err() };
}

describe('simulate over the portal', () => {
  it('reads every contact, writes nothing, and reports zero changes for the current config', async () => {
    const before = emu.store.db.prepare('SELECT count(*) FROM history').pluck().get();
    emu.requestLog.clear();
    const run = await simulateCli({ config: CONFIG_PATH, json: true });
    expect(run.code).toBe(0);
    const r = JSON.parse(run.out) as SimulationReport;
    expect(r).toMatchObject({ contacts: 150, changed: 0, tierChanges: 0, ownerChanged: 0 });
    expect(emu.store.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(before);
    const methods = new Set(emu.requestLog.entries().map((e) => `${e.method} ${e.path.replace(/\/\d+/g, '/:id')}`));
    expect([...methods].every((m) => m.startsWith('GET') || m.includes('/batch/read'))).toBe(true);
  });

  it('asks for the activity history at HubSpot\'s 50-per-page limit', async () => {
    emu.requestLog.clear();
    await simulateCli({ config: CONFIG_PATH, json: true });
    const lists = emu.requestLog.entries().filter((e) => e.method === 'GET' && /\/crm\/v3\/objects\/contacts$/.test(e.path));
    expect(lists).toHaveLength(3);
  });

  it('prints the transition table and exits 0 when the candidate changes tiers', async () => {
    const run = await simulateCli({ config: lowerHigh });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Simulated 150 contacts: current 2026\.\d+\.\d+\+[0-9a-f]{7} → candidate/);
    expect(run.out).toMatch(/Tier transitions \(rows: current, columns: candidate\)\n\s+high\s+medium\s+low\nhigh\s+\d+/);
    expect(run.out).toContain('Sample of changed contacts');
  });
});

describe('simulate over an export', () => {
  const lines = [
    { id: '1', properties: { email: 'ceo@bigcorp.com', jobtitle: 'CEO', hs_analytics_num_page_views: '12', num_conversion_events: '1', hs_analytics_last_visit_timestamp: '2026-11-26T00:00:00Z', lifecyclestage: 'lead' }, company: { properties: { numberofemployees: '2000', industry: 'COMPUTER_SOFTWARE' } } },
    { id: '2', properties: { email: 'student@gmail.com', jobtitle: 'Student' }, company: null },
  ].map((l) => JSON.stringify(l));

  it('simulates the `decide` input format and exits 1 naming a bad line, after reporting the good ones', async () => {
    const input = file('export.jsonl', `${lines[0]}\nnot json\n${lines[1]}\n`);
    const run = await simulateCli({ config: lowerHigh, input, json: true });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^line 2: not valid JSON/m);
    expect((JSON.parse(run.out) as SimulationReport).contacts).toBe(2);
  });

  it('takes the candidate team from --team: reps that leave lose their leads', async () => {
    const raw = rawDefaultConfig();
    const keep = raw.routing.owners.slice(0, 1);
    const team = file('candidate-team.json', { // not team.json: that name beside a rules file is its team
      owners: keep, fallbackOwnerId: keep[0]!.id, defaultPool: raw.routing.defaultPool,
      pools: raw.routing.pools.map((p) => ({ ...p, members: [{ ...p.members[0]!, ownerId: keep[0]!.id }] })),
    });
    const input = file('export2.jsonl', `${lines.join('\n')}\n`);
    const run = await simulateCli({ config: CONFIG_PATH, team, input, json: true });
    expect(run.err).toBe('');
    const r = JSON.parse(run.out) as SimulationReport;
    // The team is not part of the rules: scoring_version stays, only owners move (issue 9).
    expect(r.candidateVersion).toBe(r.currentVersion);
    expect(r.ownerChanges.every((o) => o.ownerId === keep[0]!.id ? o.lost === 0 : o.gained === 0)).toBe(true);
  });
});

describe('simulate errors', () => {
  it.each([
    ['a candidate that is not JSON', () => ({ config: file('bad.json', '{ "version": ') }), /^Candidate config error: .*bad\.json is not a valid Lead Decisions config \(1 problem\):\n {2}\(file\): not valid JSON/],
    ['a candidate with a bad threshold', () => ({ config: file('bad2.json', { ...rawDefaultRules(), scoring: { ...rawDefaultRules().scoring, tiers: { high: 'x', medium: 40 } } }) }), /scoring\.tiers\.high: /],
    ['a missing candidate', () => ({ config: join(dir, 'missing.json') }), /missing\.json: file not found/],
    ['a team naming an unknown owner', () => ({ config: CONFIG_PATH, team: file('team-bad.json', { fallbackOwnerId: '999999' }) }), /team-bad\.json is not a valid Lead Decisions team file \(1 problem\):\n {2}fallbackOwnerId: unknown owner "999999"/],
    ['an unreadable input', () => ({ config: CONFIG_PATH, input: join(dir, 'nope.jsonl') }), /Cannot read --input .*nope\.jsonl/],
    ['a bad --now', () => ({ config: CONFIG_PATH, now: '2026-02-30' }), /--now "2026-02-30" is not an ISO date/],
  ])('%s: exit 2 and a precise message', async (_name, opts, message) => {
    const run = await simulateCli(opts());
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });

  it('without a token or --input: exit 2 and says what to set', async () => {
    const run = await simulateCli({ config: CONFIG_PATH }, {});
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/HUBSPOT_ACCESS_TOKEN/);
  });

  it('writes the HTML page whole, and leaves no file when it cannot', async () => {
    const input = file('one.jsonl', `${JSON.stringify({ id: '1', properties: { email: 'a@b.com' }, company: null })}\n`);
    const html = join(dir, 'sim.html');
    expect((await simulateCli({ config: lowerHigh, input, html })).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*Chart\.js v4[\s\S]*<\/html>\n$/);
    const run = await simulateCli({ config: lowerHigh, input, html: join(dir, 'no-such-dir', 'x.html') });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Cannot write .*x\.html: ENOENT/);
  });
});

describe('the real bin', () => {
  it.each([
    [['simulate'], /simulate needs --config <candidate\.json>/],
    [['report', '--spend', '1'], /report needs the period/],
  ])('%j exits 2 with a usage message', async (args, message) => {
    const run = runCli(args);
    expect(await run.exited).toBe(2);
    expect(run.output().err).toMatch(message);
  });
});
