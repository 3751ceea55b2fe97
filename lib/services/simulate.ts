// The diff of a rule change: the current and the candidate rules decide the same contacts and
// nothing is written. Pure: the caller streams DecisionInputs in and prints what comes out.
import type { Config } from '../core/config.ts';
import { TIERS, type Tier } from '../core/contract.ts';
import { decide } from '../core/pipeline.ts';
import { ownerName } from '../core/route.ts';
import type { Decision, DecisionInput, Reason } from '../core/types.ts';

export interface SideOutcome { tier: Tier; leadScore: number; ownerId: string | null; stage: string | null; reason: string }

export interface FlippedContact { id: string; name: string; current: SideOutcome; candidate: SideOutcome }

export interface OwnerChange { ownerId: string | null; name: string; gained: number; lost: number; net: number }

export interface LifecycleMoveCount { from: string; to: string; current: number; candidate: number }

export interface ReasonChange { code: string; example: string; gained: number; lost: number }

export interface SimulationReport {
  contacts: number;
  currentVersion: string;
  candidateVersion: string;
  /** tierMatrix[current][candidate] = contacts. */
  tierMatrix: Record<Tier, Record<Tier, number>>;
  tierChanges: number;
  ownerChanges: OwnerChange[];
  ownerChanged: number;
  lifecycleMoves: LifecycleMoveCount[];
  mql: { current: number; candidate: number; delta: number };
  reasonChanges: ReasonChange[];
  /** Contacts whose tier, owner or lifecycle stage differs. */
  changed: number;
  sample: FlippedContact[];
}

export interface SimulationOptions { now: Date; sampleSize?: number; topReasons?: number }

const MQL = 'marketingqualifiedlead';
const UNOWNED = '(none)';

const emptyMatrix = (): Record<Tier, Record<Tier, number>> =>
  Object.fromEntries(TIERS.map((a) => [a, Object.fromEntries(TIERS.map((b) => [b, 0]))])) as Record<Tier, Record<Tier, number>>;

function outcomeOf(d: Decision, input: DecisionInput): SideOutcome {
  const current = typeof input.properties['lifecyclestage'] === 'string' ? input.properties['lifecyclestage'] : null;
  return {
    tier: d.score.value.tier, leadScore: d.score.value.lead, ownerId: d.route.value.ownerId,
    stage: d.lifecycle.value.to ?? (current ? current.toLowerCase() : null), reason: d.audit.value.reason,
  };
}

function nameOf(input: DecisionInput): string {
  const p = input.properties;
  const text = (k: string) => (typeof p[k] === 'string' ? (p[k] as string).trim() : '');
  return [text('firstname'), text('lastname')].filter(Boolean).join(' ') || text('email') || `Contact ${input.id}`;
}

/** Accumulates decisions one contact at a time, so a whole portal never has to sit in memory. */
export class Simulation {
  private readonly r: SimulationReport;
  private readonly owners = new Map<string, { gained: number; lost: number }>();
  private readonly moves = new Map<string, LifecycleMoveCount>();
  private readonly reasons = new Map<string, ReasonChange>();
  private readonly sampleSize: number;

  constructor(private readonly current: Config, private readonly candidate: Config, private readonly options: SimulationOptions) {
    this.sampleSize = options.sampleSize ?? 20;
    this.r = {
      contacts: 0, currentVersion: current.scoringVersion, candidateVersion: candidate.scoringVersion, tierMatrix: emptyMatrix(),
      tierChanges: 0, ownerChanges: [], ownerChanged: 0, lifecycleMoves: [], mql: { current: 0, candidate: 0, delta: 0 },
      reasonChanges: [], changed: 0, sample: [],
    };
  }

  add(input: DecisionInput): void {
    const before = decide(input, this.current, this.options.now);
    const after = decide(input, this.candidate, this.options.now);
    const a = outcomeOf(before, input);
    const b = outcomeOf(after, input);
    const r = this.r;
    r.contacts++;
    r.tierMatrix[a.tier][b.tier]++;
    if (a.tier !== b.tier) r.tierChanges++;
    if (a.ownerId !== b.ownerId) {
      r.ownerChanged++;
      this.owner(a.ownerId).lost++;
      this.owner(b.ownerId).gained++;
    }
    if (before.lifecycle.value.moved) this.move(before.lifecycle.value.from, a.stage).current++;
    if (after.lifecycle.value.moved) this.move(after.lifecycle.value.from, b.stage).candidate++;
    if (a.stage === MQL) r.mql.current++;
    if (b.stage === MQL) r.mql.candidate++;
    this.compareReasons(before.reasons, after.reasons);
    if (a.tier !== b.tier || a.ownerId !== b.ownerId || a.stage !== b.stage) {
      r.changed++;
      if (r.sample.length < this.sampleSize) r.sample.push({ id: input.id, name: nameOf(input), current: a, candidate: b });
    }
  }

  finish(): SimulationReport {
    const topReasons = this.options.topReasons ?? 10;
    const ownerChanges = [...this.owners].map(([id, c]) => ({
      ownerId: id === UNOWNED ? null : id, name: id === UNOWNED ? 'Unassigned' : ownerName(id, this.candidate.routing.owners.some((o) => o.id === id) ? this.candidate : this.current),
      gained: c.gained, lost: c.lost, net: c.gained - c.lost,
    })).sort((x, y) => Math.abs(y.net) - Math.abs(x.net) || y.gained + y.lost - (x.gained + x.lost) || x.name.localeCompare(y.name));
    const reasonChanges = [...this.reasons.values()]
      .sort((x, y) => y.gained + y.lost - (x.gained + x.lost) || x.code.localeCompare(y.code)).slice(0, topReasons);
    const lifecycleMoves = [...this.moves.values()].sort((x, y) => y.current + y.candidate - (x.current + x.candidate));
    return { ...this.r, ownerChanges, reasonChanges, lifecycleMoves, mql: { ...this.r.mql, delta: this.r.mql.candidate - this.r.mql.current } };
  }

  private owner(id: string | null): { gained: number; lost: number } {
    const key = id ?? UNOWNED;
    let c = this.owners.get(key);
    if (!c) { c = { gained: 0, lost: 0 }; this.owners.set(key, c); }
    return c;
  }

  private move(from: string | null, to: string | null): LifecycleMoveCount {
    const key = `${from ?? '(none)'}\u0000${to ?? '(none)'}`;
    let m = this.moves.get(key);
    if (!m) { m = { from: from ?? '(none)', to: to ?? '(none)', current: 0, candidate: 0 }; this.moves.set(key, m); }
    return m;
  }

  // A reason "changed" when its code appears under one rule set and not the other for the same contact.
  private compareReasons(before: readonly Reason[], after: readonly Reason[]): void {
    const a = new Map(before.map((x) => [x.code, x.message]));
    const b = new Map(after.map((x) => [x.code, x.message]));
    for (const [code, message] of b) if (!a.has(code)) this.reason(code, message).gained++;
    for (const [code, message] of a) if (!b.has(code)) this.reason(code, message).lost++;
  }

  private reason(code: string, example: string): ReasonChange {
    let c = this.reasons.get(code);
    if (!c) { c = { code, example, gained: 0, lost: 0 }; this.reasons.set(code, c); }
    return c;
  }
}

/** Convenience for small inputs and tests. */
export function simulate(inputs: Iterable<DecisionInput>, current: Config, candidate: Config, options: SimulationOptions): SimulationReport {
  const s = new Simulation(current, candidate, options);
  for (const input of inputs) s.add(input);
  return s.finish();
}
