// Issue 9's routing cases through `npx lead-decisions decide` (the built CLI, a child process):
// one account one rep, territory from the company country, and a PTO edit in team.json
// (`--team F`) that changes only her contacts' decision keys.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/lead-decisions.js');
const dir = mkdtempSync(join(tmpdir(), 'ld-routing-'));
const NOW = '2026-11-27T12:00:00Z';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface OutLine { id: string; outputs: Record<string, string>; reasons: { code: string; message: string }[]; decision_key: string }

function decide(input: object[], args: string[] = []): { code: number | null; out: OutLine[]; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'decide', '--now', NOW, ...args], { cwd: root, input: input.map((l) => JSON.stringify(l)).join('\n'), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutLine), stderr: r.stderr };
}

const mixed = Array.from({ length: 300 }, (_, i) => ({
  id: String(5000 + i),
  properties: { email: `p${i}@firm${i % 40}.com`, country: ['Germany', 'USA', 'Japan', 'Brazil', ''][i % 5], state: i % 3 ? 'NY' : 'CA' },
  company: { properties: { domain: `firm${i % 40}.com` } },
}));

describe('decide: routing', () => {
  it('sends 100 unowned contacts of one company to one rep', () => {
    const r = decide(Array.from({ length: 100 }, (_, i) => ({ id: String(1000 + i), properties: { email: `p${i}@acme.com` }, company: { properties: { domain: 'acme.com', country: 'Germany' } } })));
    expect(r.code).toBe(0);
    expect(new Set(r.out.map((d) => d.outputs['hubspot_owner_id'])).size).toBe(1);
  });

  it('routes a contact without a country at a German company to an EMEA rep, naming the company country', () => {
    const [d] = decide([{ id: '1', properties: { email: 'x@somefirm.com' }, company: { properties: { domain: 'somefirm.com', country: 'Germany' } } }]).out;
    expect(['104', '105', '106']).toContain(d!.outputs['hubspot_owner_id']);
    expect(d!.reasons.map((x) => x.code)).toContain('territory_company_country');
  });

  it('a PTO edit in team.json (--team) changes only her contacts\' decision keys', () => {
    const team = JSON.parse(readFileSync(join(root, 'config/team.json'), 'utf8')) as { owners: { id: string; pto: object[] }[] };
    team.owners.find((o) => o.id === '104')!.pto = [{ from: '2026-11-25', to: '2026-12-02' }];
    const teamFile = join(dir, 'team-pto.json');
    writeFileSync(teamFile, JSON.stringify(team));
    const before = decide(mixed).out;
    const after = decide(mixed, ['--team', teamFile]).out;
    const hers = before.filter((d) => d.outputs['hubspot_owner_id'] === '104').map((d) => d.id);
    expect(hers.length).toBeGreaterThan(0);
    const changed = after.filter((d, i) => d.decision_key !== before[i]!.decision_key).map((d) => d.id);
    expect(changed).toEqual(hers);
    expect(after.every((d) => d.outputs['hubspot_owner_id'] !== '104')).toBe(true);
    expect(after.map((d) => d.outputs['scoring_version'])).toEqual(before.map((d) => d.outputs['scoring_version']));
  });

  it('exits 2 naming the team file when it is invalid', () => {
    const bad = join(dir, 'team-bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'config/team.json'), 'utf8')), fallbackOwnerId: '1' }));
    const r = decide([], ['--team', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad} is not a valid Lead Decisions team file (1 problem):\n  fallbackOwnerId: unknown owner "1"`);
  });
});
