// State that routing carries across one batch run (decide, rescore, simulate): the owner load
// grows with each new assignment, so capacity caps and the balanced mode see the leads
// assigned earlier in the same run, and in balanced mode an account assigned earlier in
// the run keeps its rep. Hashed mode needs no account memory: the account key already
// sends every contact of an account to the same rep. `state()` is what a resumable run keeps
// with its checkpoint: a resumed run restores it instead of asking HubSpot again, so it routes
// exactly as the interrupted run would have gone on (lib/services/batch-rescore.ts).
import type { Config } from './config.ts';
import { accountKeyOf } from './route.ts';
import type { Decision, DecisionContext, DecisionInput } from './types.ts';

export interface RoutingRun {
  /** The input with the run's load (and, in balanced mode, account owners) merged into its context. */
  prepare(input: DecisionInput): DecisionInput;
  /** Counts the decision's new assignment. */
  record(decision: Decision): void;
  /** The start load plus the new assignments per owner so far. */
  load(): Readonly<Record<string, number>>;
  /** A copy of everything the run carries, plain JSON: give it back to createRoutingRun to go on. */
  state(): RoutingRunState;
}

export interface RoutingRunState {
  /** Owner load: the start load plus this run's new assignments. */
  load: Record<string, number>;
  /** Balanced mode: account key → the rep the account got earlier in the run. */
  accountOwners: Record<string, string>;
}

/**
 * `startLoad`: owner load read from HubSpot before the run (e.g. the gateway's countOwnerLoad per
 * pool); `accountOwners`: the account memory of a run being resumed (its `state()`).
 */
export function createRoutingRun(config: Config, startLoad: Record<string, number> = {}, accountOwners: Record<string, string> = {}): RoutingRun {
  const load: Record<string, number> = { ...startLoad };
  const accounts: Record<string, string> = { ...accountOwners };
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
    state: () => ({ load: { ...load }, accountOwners: { ...accounts } }),
  };
}
