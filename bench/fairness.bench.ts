// Small-batch fairness: the worst per-rep deviation from the weighted share over 20-lead days
// (pool weights 1/1/2, so 5/5/10 expected), for the hashed default and the balanced mode.
// 1,000 days of distinct accounts; the balanced mode starts each day from that day's counts.
import { parseConfig, withTeam } from '../lib/core/config.ts';
import { route } from '../lib/core/route.ts';
import { TeamSchema } from '../lib/core/team-schema.ts';
import defaultConfigJson from '../config/decisions.json' with { type: 'json' };
import defaultTeamJson from '../config/team.json' with { type: 'json' };
import type { Figures } from './run.ts';

const DAYS = 1_000;
const PER_DAY = 20;
const POOL = { id: 'emea', members: [{ ownerId: '104', weight: 1 }, { ownerId: '105', weight: 1 }, { ownerId: '106', weight: 2 }] };

function deviations(mode: 'hashed' | 'balanced'): { days: number[]; anyPoint: number } {
  const parsed = parseConfig(defaultConfigJson, 'config/decisions.json');
  if (!parsed.ok) throw new Error(parsed.message);
  const team = TeamSchema.parse({ ...defaultTeamJson, mode, pools: defaultTeamJson.pools.map((p) => (p.id === 'emea' ? POOL : p)) });
  const config = withTeam(parsed.config, team);
  const total = POOL.members.reduce((s, m) => s + m.weight, 0);
  const worst: number[] = [];
  let anyPoint = 0;
  for (let day = 0; day < DAYS; day++) {
    const load: Record<string, number> = {};
    for (let i = 0; i < PER_DAY; i++) {
      const r = route({ contactId: `d${day}-c${i}`, currentOwnerId: null, companyKey: `acct-${day}-${i}.com`, companyOwnerId: null, countryCode: 'DE', stateCode: null }, config, { ownerLoad: load });
      const o = r.value.ownerId!;
      load[o] = (load[o] ?? 0) + 1;
      for (const m of POOL.members) anyPoint = Math.max(anyPoint, Math.abs((load[m.ownerId] ?? 0) - ((i + 1) * m.weight) / total));
    }
    worst.push(Math.max(...POOL.members.map((m) => Math.abs((load[m.ownerId] ?? 0) - (PER_DAY * m.weight) / total))));
  }
  return { days: worst.sort((a, b) => a - b), anyPoint };
}

const round = (x: number): number => Math.round(x * 100) / 100;

export async function run(): Promise<Figures> {
  const hashed = deviations('hashed');
  const balanced = deviations('balanced');
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  const note = `${DAYS} days × ${PER_DAY} leads, weights 1/1/2`;
  return {
    fairness_worst_deviation_hashed: { value: hashed.days.at(-1)!, unit: 'leads', note: `${note}; median day ${median(hashed.days)}; worst mid-day ${round(hashed.anyPoint)}` },
    fairness_worst_deviation_balanced: { value: balanced.days.at(-1)!, unit: 'leads', note: `${note}; median day ${median(balanced.days)}; worst mid-day ${round(balanced.anyPoint)}` },
  };
}
