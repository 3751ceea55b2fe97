// The rule-change diff: no change reports nothing, a threshold change matches direct decisions,
// and owner/reason/lifecycle tallies add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, type Tier } from '../../lib/core/contract.ts';
import { decide } from '../../lib/core/pipeline.ts';
import type { DecisionInput } from '../../lib/core/types.ts';
import { simulate } from '../../lib/services/simulate.ts';
import { EmulatorStore, seedStore } from '../../local/emulator/index.ts';
import { messyInput } from '../core/arbitraries.ts';
import { NOW, testConfig, type Raw } from '../core/helpers.ts';

const current = testConfig();

/** Contacts as an export would hold them: the seeded emulator's contacts with their companies. */
function seededInputs(contacts: number): DecisionInput[] {
  const store = new EmulatorStore(':memory:');
  try {
    seedStore(store, { seed: 11, contacts, now: NOW.getTime(), ownersConfig: '/nonexistent/decisions.json' });
    const rows = store.db.prepare("SELECT id FROM objects WHERE type = 'contacts' ORDER BY id").pluck().all() as number[];
    return rows.map((id) => {
      const link = store.db.prepare("SELECT to_id FROM assoc WHERE from_id = ? AND to_type = 'companies' AND type_id = 1").pluck().get(id) as number | undefined;
      const company = link === undefined ? null : store.getCompany(link);
      return { id: String(id), properties: store.getContact(id)!.properties, company: company ? { id: company.id, properties: company.properties } : null };
    });
  } finally {
    store.close();
  }
}

const inputs = seededInputs(400);

describe('simulate', () => {
  it('reports zero changes when the candidate is the current config', () => {
    fc.assert(fc.property(fc.array(messyInput, { maxLength: 15 }), (batch) => {
      const r = simulate(batch, current, testConfig(), { now: NOW });
      expect(r.changed).toBe(0);
      expect(r.tierChanges + r.ownerChanged + r.mql.delta).toBe(0);
      expect(r.reasonChanges).toEqual([]);
      expect(r.sample).toEqual([]);
      for (const a of TIERS) for (const b of TIERS) if (a !== b) expect(r.tierMatrix[a][b]).toBe(0);
    }), { numRuns: 30 });
    const whole = simulate(inputs, current, testConfig(), { now: NOW });
    expect({ changed: whole.changed, contacts: whole.contacts }).toEqual({ changed: 0, contacts: 400 });
  });

  it.each([
    ['a lower high-tier threshold', (c: Raw) => { c.scoring.tiers.high = 50; }],
    ['a higher medium-tier threshold', (c: Raw) => { c.scoring.tiers.medium = 55; }],
  ])('with %s, the transition matrix equals direct decisions over the same contacts', (_name, patch) => {
    const candidate = testConfig(patch);
    const expected = Object.fromEntries(TIERS.map((a) => [a, Object.fromEntries(TIERS.map((b) => [b, 0]))])) as Record<Tier, Record<Tier, number>>;
    for (const input of inputs) expected[decide(input, current, NOW).score.value.tier][decide(input, candidate, NOW).score.value.tier]++;
    const r = simulate(inputs, current, candidate, { now: NOW });
    expect(r.tierMatrix).toEqual(expected);
    expect(r.tierChanges).toBeGreaterThan(0);
    expect(r.tierChanges).toBe(TIERS.flatMap((a) => TIERS.filter((b) => b !== a).map((b) => expected[a][b])).reduce((x, y) => x + y, 0));
  });

  it('counts MQLs and lifecycle moves from the same decisions, and samples flipped contacts with both reasons', () => {
    const candidate = testConfig((c) => { c.scoring.tiers.high = 45; });
    const r = simulate(inputs, current, candidate, { now: NOW, sampleSize: 5 });
    const finalStage = (d: ReturnType<typeof decide>, i: DecisionInput) => d.lifecycle.value.to ?? (String(i.properties['lifecyclestage'] ?? '').toLowerCase() || null);
    const mql = (cfg: typeof current) => inputs.filter((i) => finalStage(decide(i, cfg, NOW), i) === 'marketingqualifiedlead').length;
    expect(r.mql).toEqual({ current: mql(current), candidate: mql(candidate), delta: mql(candidate) - mql(current) });
    expect(r.lifecycleMoves.reduce((n, m) => n + m.current, 0)).toBe(inputs.filter((i) => decide(i, current, NOW).lifecycle.value.moved).length);
    expect(r.sample).toHaveLength(5);
    for (const s of r.sample) {
      expect(s.current.reason).not.toBe(s.candidate.reason);
      expect(s.current.tier !== s.candidate.tier || s.current.stage !== s.candidate.stage || s.current.ownerId !== s.candidate.ownerId).toBe(true);
    }
    const gained = r.reasonChanges.find((x) => x.code === 'tier_high');
    expect(gained?.gained).toBe(r.tierMatrix.medium.high + r.tierMatrix.low.high);
  });

  it('tallies owner changes per rep when the candidate routes elsewhere; gains and losses balance', () => {
    const candidate = testConfig((c) => { c.routing.fallbackOwnerId = c.routing.owners.at(-1)!.id; c.routing.pools = c.routing.pools.map((p) => ({ ...p, members: p.members.slice(0, 1) })); });
    const r = simulate(inputs, current, candidate, { now: NOW });
    expect(r.ownerChanged).toBeGreaterThan(0);
    expect(r.ownerChanges.reduce((n, o) => n + o.gained, 0)).toBe(r.ownerChanged);
    expect(r.ownerChanges.reduce((n, o) => n + o.lost, 0)).toBe(r.ownerChanged);
    expect(r.ownerChanges.reduce((n, o) => n + o.net, 0)).toBe(0);
    expect(r.ownerChanges.every((o) => o.name.length > 0 && o.net === o.gained - o.lost)).toBe(true);
  });
});
