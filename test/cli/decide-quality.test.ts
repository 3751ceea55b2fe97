// The data-quality cases of issue 9, end to end through `lead-decisions decide`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/lead-decisions.js');
const NOW = '2026-11-27T12:00:00Z';
const ACTIVE = String(Date.parse(NOW) - 86_400_000);

/** A hot CTO at a 1,200-person software company: high tier, MQL and a task unless a gate steps in. */
function contact(id: string, extra: Record<string, string>): string {
  return JSON.stringify({
    id,
    properties: {
      email: 'cto@acme.com', jobtitle: 'CTO', country: 'Germany', hs_analytics_num_page_views: '40', num_conversion_events: '3',
      hs_analytics_last_visit_timestamp: ACTIVE, ...extra,
    },
    company: { properties: { domain: 'acme.com', industry: 'COMPUTER_SOFTWARE', numberofemployees: '1.200' } },
  });
}

interface OutLine { id: string; outputs: Record<string, string>; reasons: { code: string; message: string }[] }

describe('lead-decisions decide: data-quality gates', () => {
  let out: Map<string, OutLine>;
  let stderr: string;
  beforeAll(() => {
    const input = [
      contact('control', {}),
      contact('disposable', { email: 'cto@mailinator.com' }),
      contact('role', { email: 'info@acme.com' }),
      contact('unqualified', { hs_lead_status: 'UNQUALIFIED' }),
      contact('bad_timing', { hs_lead_status: 'bad_timing', lifecyclestage: 'lead' }),
      contact('named', { email: 'Jane Doe <jane@acme.com>' }),
      contact('mailto', { email: 'mailto:jane@acme.com' }),
    ].join('\n');
    const r = spawnSync(process.execPath, [bin, 'decide', '--now', NOW], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    stderr = r.stderr;
    out = new Map(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutLine).map((l) => [l.id, l]));
  });

  const codes = (id: string): string[] => out.get(id)!.reasons.map((r) => r.code);

  it('promotes the control contact to MQL with a task', () => {
    expect(out.get('control')!.outputs).toMatchObject({ routing_tier: 'high', lifecyclestage: 'marketingqualifiedlead' });
    expect(codes('control')).toContain('notify_task');
  });

  it.each([
    ['disposable', 'low', 'quality_disposable_email'],
    ['role', 'medium', 'quality_role_account'],
  ])('caps %s at %s, names the gate, no MQL and no task', (id, tier, gate) => {
    const o = out.get(id)!;
    expect(o.outputs.routing_tier).toBe(tier);
    expect(o.outputs.lifecyclestage).not.toBe('marketingqualifiedlead');
    expect(codes(id)).toEqual(expect.arrayContaining([gate, 'quality_tier_capped']));
    expect(codes(id)).not.toContain('notify_task');
  });

  it.each(['unqualified', 'bad_timing'])('holds the lifecycle stage of %s', (id) => {
    expect(out.get(id)!.outputs.lifecyclestage).toBeUndefined();
    expect(codes(id)).toContain('lifecycle_blocked_by_lead_status');
  });

  it.each(['named', 'mailto'])('parses the %s email form as valid', (id) => {
    expect(out.get(id)!.outputs).toMatchObject({ has_valid_email: 'true', normalized_company_key: 'acme.com', lifecyclestage: 'marketingqualifiedlead' });
  });

  it('counts the tasks in the summary', () => {
    expect(stderr).toMatch(/decided 7, bad 0/);
  });
});
