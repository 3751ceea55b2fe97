// A batch run's routing state: capacity caps hold across the run, the balanced mode keeps each
// rep within one lead of their weighted share at every point, and an account keeps its rep.
import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/core/pipeline.ts';
import { createRoutingRun, type RoutingRunState } from '../../lib/core/routing-run.ts';
import type { DecisionInput } from '../../lib/core/types.ts';
import { NOW, testConfig } from './helpers.ts';

const german = (i: number, domain = `acct${i}.de`): DecisionInput => ({ id: String(i), properties: { email: `p${i}@${domain}`, country: 'Germany' }, company: { properties: { domain } } });

function runAll(config: ReturnType<typeof testConfig>, inputs: DecisionInput[], startLoad?: Record<string, number>) {
  const run = createRoutingRun(config, startLoad);
  const owners: (string | null)[] = [];
  for (const input of inputs) {
    const d = decide(run.prepare(input), config, NOW);
    run.record(d);
    owners.push(d.route.value.ownerId);
  }
  return { owners, load: run.load() };
}

describe('createRoutingRun', () => {
  it.each([
    ['caps from the team', {}, { '104': 3, '105': 3, '106': 3 }],
    ['caps with a start load read from HubSpot', { '104': 2, '105': 1 }, { '104': 3, '105': 3, '106': 3 }],
  ])('%s hold across the run; the rest goes to the fallback', (_name, start, expected) => {
    const config = testConfig((c) => { for (const o of c.routing.owners) if (['104', '105', '106'].includes(o.id)) o.capacity = 3; });
    const { owners, load } = runAll(config, Array.from({ length: 30 }, (_, i) => german(i)), start);
    expect({ '104': load['104'], '105': load['105'], '106': load['106'] }).toEqual(expected);
    const emea = owners.filter((o) => o === '104' || o === '105' || o === '106').length;
    expect(owners.filter((o) => o === '101')).toHaveLength(30 - emea);
  });

  it('balanced mode keeps every rep within one lead of the weighted share at every point', () => {
    const config = testConfig((c) => { c.routing.mode = 'balanced'; });
    const { owners } = runAll(config, Array.from({ length: 200 }, (_, i) => german(i)));
    const counts: Record<string, number> = { '104': 0, '105': 0, '106': 0 };
    const weights: Record<string, number> = { '104': 1, '105': 1, '106': 2 };
    owners.forEach((o, i) => {
      counts[o!]! += 1;
      for (const id of Object.keys(counts)) expect(Math.abs(counts[id]! - ((i + 1) * weights[id]!) / 4)).toBeLessThanOrEqual(1);
    });
  });

  it('balanced mode keeps an account on the rep it got first in the run', () => {
    const config = testConfig((c) => { c.routing.mode = 'balanced'; });
    const inputs = Array.from({ length: 40 }, (_, i) => german(i, i % 2 === 0 ? 'bigco.de' : `solo${i}.de`));
    const { owners } = runAll(config, inputs);
    expect(new Set(owners.filter((_, i) => i % 2 === 0)).size).toBe(1);
  });
});

describe('RoutingRun.state', () => {
  const config = testConfig((c) => { c.routing.mode = 'balanced'; for (const o of c.routing.owners) if (o.id === '105') o.capacity = 12; });
  const inputs = Array.from({ length: 60 }, (_, i) => german(i, i % 3 === 0 ? 'bigco.de' : `solo${i}.de`));
  const whole = runAll(config, inputs, { '104': 2 });

  /** Routes the first `split` inputs, stores the state as JSON, and routes the rest from it. */
  function resumedAt(split: number, keep: (s: RoutingRunState) => RoutingRunState = (s) => s): (string | null)[] {
    const first = createRoutingRun(config, { '104': 2 });
    for (const input of inputs.slice(0, split)) first.record(decide(first.prepare(input), config, NOW));
    const saved = keep(JSON.parse(JSON.stringify(first.state())) as RoutingRunState);
    const resumed = createRoutingRun(config, saved.load, saved.accountOwners);
    return inputs.slice(split).map((input) => {
      const d = decide(resumed.prepare(input), config, NOW);
      resumed.record(d);
      return d.route.value.ownerId;
    });
  }

  it('a run rebuilt from its stored state routes the rest exactly as the run that went on, wherever it stopped', () => {
    for (let split = 1; split < inputs.length; split++) expect(resumedAt(split), `stopped after ${split}`).toEqual(whole.owners.slice(split));
  });

  it('needs both halves of the state: without the account memory the rest routes differently somewhere', () => {
    const splits = Array.from({ length: inputs.length - 1 }, (_, i) => i + 1);
    expect(splits.some((split) => JSON.stringify(resumedAt(split, (s) => ({ ...s, accountOwners: {} }))) !== JSON.stringify(whole.owners.slice(split)))).toBe(true);
    expect(splits.some((split) => JSON.stringify(resumedAt(split, (s) => ({ ...s, load: { '104': 2 } }))) !== JSON.stringify(whole.owners.slice(split)))).toBe(true);
  });
});
