// State that routing carries across one batch run (decide, rescore, simulate): the owner load
// grows with each new assignment, so capacity caps and the balanced mode see the leads
// assigned earlier in the same run, and in balanced mode an account assigned earlier in
// the run keeps its rep. Hashed mode needs no account memory: the account key already
// sends every contact of an account to the same rep.
import type { Config } from './config.ts';
import { accountKeyOf } from './route.ts';
import type { Decision, DecisionContext, DecisionInput } from './types.ts';

export interface RoutingRun {
  /** The input with the run's load (and, in balanced mode, account owners) merged into its context. */
  prepare(input: DecisionInput): DecisionInput;
  /** Counts the decision's new assignment. */
  record(decision: Decision): void;
  /** New assignments per owner so far. */
  load(): Readonly<Record<string, number>>;
}

/** `startLoad`: owner load read from HubSpot before the run (e.g. the gateway's countOwnerLoad per pool). */
export function createRoutingRun(config: Config, startLoad: Record<string, number> = {}): RoutingRun {
  const load: Record<string, number> = { ...startLoad };
  const accounts: Record<string, string> = {};
  const balanced = config.routing.mode === 'balanced';
  return {
    prepare(input) {
      const given: DecisionContext = input.context ?? {};
      const ownerLoad = { ...load };
      for (const [id, n] of Object.entries(given.ownerLoad ?? {})) ownerLoad[id] = (ownerLoad[id] ?? 0) + n;
      const context: DecisionContext = { ...given, ownerLoad };
      if (balanced) context.accountOwners = { ...accounts, ...(given.accountOwners ?? {}) };
      return { ...input, context };
    },
    record(decision) {
      const r = decision.route.value;
      if (!r.changed || r.ownerId === null) return;
      load[r.ownerId] = (load[r.ownerId] ?? 0) + 1;
      const key = accountKeyOf(decision.normalize.value.companyKey, config);
      if (balanced && key !== null && accounts[key] === undefined) accounts[key] = r.ownerId;
    },
    load: () => load,
  };
}
