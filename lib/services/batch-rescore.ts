/**
 * Batch re-scoring: the one way this product scores many contacts through the CRM API, shared by
 * `lead-decisions rescore`, the sandbox's first pass and the webhook service.
 *
 * Give it batches of contacts (read with `contactsByIds`, `allContacts` or `searchedContacts`
 * from ./contact-sources.ts — windows of up to 500 — or your own) and it:
 *  1. reads their companies with the history of the enrichment facts, ≤ 50 per call, each company
 *     once per run (a cache: contacts share companies);
 *  2. decides each contact with the pure engine, its activity history included
 *     (`propertiesWithHistory`), `lastNotifiedAt` from the side-effect ledger;
 *  3. writes only contacts whose values change, batch updates of 100 (buffered across batches);
 *  4. records each due task in the ledger (state `queued`) BEFORE creating it, creates tasks in
 *     batches of 100 (`sent`, then `done`), and for a `sent` task whose outcome is unknown asks
 *     HubSpot for its dedupe marker before creating it again — so retries and crashes never
 *     duplicate a task.
 * Calls per 100 contacts: 2 contact reads with history (1 without; HubSpot caps history reads at
 * 50 objects) + about 0.5 company reads (shared companies) + ≤ 1 update + 1 task batch per 100
 * tasks: ≈ 3.6 on a first pass with history, ≈ 2.6 without (bench/rescore.bench.ts).
 * `deps.ownerLoad` feeds routing's capacity caps when a gateway can read the owners' load.
 *
 * Usage (webhooks): `await rescoreContactIds(ids, { crm, config, now: new Date(), ledger })`.
 * Usage (long runs): `await runBatchRescore(source, deps, { onCheckpoint }, resumeFrom)`. After each
 * batch is decided and its tasks are in the ledger, and BEFORE any of its updates is sent,
 * `onCheckpoint(cursor, state)` gets the run's whole state: the counts, routing's owner load and
 * account memory, and the updates decided but not yet known to be written. A run resumed from that
 * state (the 4th argument, with the source started after `cursor`) is the same run going on: it
 * writes those updates first and routes with the same load, never with what it re-reads from
 * HubSpot. So a kill between update parts sent out of order (they go concurrently) cannot change
 * a decision: nothing already decided is decided again.
 */
import { ACTIVITY_HISTORY_PROPERTIES } from '../core/activity-properties.ts';
import type { Config } from '../core/config.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import { createRoutingRun, type RoutingRun, type RoutingRunState } from '../core/routing-run.ts';
import { decide } from '../core/pipeline.ts';
import type { Decision, DecisionInput } from '../core/types.ts';
import type { BulkContact, BulkCrm, CompanyWithHistory } from '../ports.ts';
import { companyFacts, companyPropertiesWithFacts, FACT_PROPERTIES } from '../sandbox/company-facts.ts';
import { contactsByIds, readAhead, type ContactBatch } from './contact-sources.ts';
import { ledgerKey, stopsRun, type SideEffectLedger } from './side-effect-ledger.ts';
import { settleTasks } from './task-settler.ts';

export type { ContactBatch } from './contact-sources.ts';

export const BULK_CONTACT_PROPERTIES: readonly string[] = CONTACT_INPUT_PROPERTIES;
export const BULK_COMPANY_PROPERTIES: readonly string[] = companyPropertiesWithFacts(COMPANY_INPUT_PROPERTIES);
export const UPDATE_BATCH = 100;
const COMPANY_READ = 50;
const COMPANY_CACHE_MAX = 50_000;
const SAMPLE_SIZE = 10;
const READ_AHEAD = 2;

export interface BatchRescoreDeps {
  crm: BulkCrm;
  config: Config;
  /** The decision time. A resumed run passes the first run's, so it decides exactly the same. */
  now: Date;
  ledger: SideEffectLedger;
  /** Read the activity history the engine scores (default true); false costs half the contact reads. */
  history?: boolean;
  /** Decide and count, write nothing (no update, no task, nothing in the ledger). */
  dryRun?: boolean;
  /** Contacts assigned per owner in this period, when the gateway can read it (routing capacity). */
  ownerLoad?: () => Promise<Record<string, number>>;
}

export interface ContactFailure { contactId: string; code: string; message: string }

export interface SampleDecision { contactId: string; tier: string; leadScore: number; changes: Record<string, string>; task: boolean }

export interface BatchRescoreReport {
  read: number;
  changed: number;
  unchanged: number;
  tasks: number;
  errors: ContactFailure[];
  tiers: Record<string, number>;
  /** The first few decisions that change something (what --dry-run prints). */
  sample: SampleDecision[];
  /** Tasks decided per owner in this run: the throttle's count, kept with a checkpoint so a resumed run decides the same. */
  tasksByOwner: Record<string, number>;
}

export interface ContactUpdate { id: string; properties: Record<string, string> }

/** What a run carries from batch to batch: a checkpoint keeps it, a resumed run starts from it. */
export interface RunState {
  report: BatchRescoreReport;
  /** Routing's owner load (HubSpot's at the start plus this run's assignments) and account memory; absent: read the load. */
  routing?: RoutingRunState;
  /** Updates decided but not yet known to be written: a resumed run writes them first. */
  pending?: ContactUpdate[];
}

export interface BatchRescoreHooks {
  onProgress?(report: BatchRescoreReport): void;
  /**
   * Every decision of the batches up to `cursor` is durable once this returns: tasks in the ledger,
   * updates written or in `state.pending`. Called before any of them is sent; a resumed run starts
   * after `cursor` from `state`.
   */
  onCheckpoint?(cursor: string, state: Required<RunState>): void | Promise<void>;
  /** Each failure as it happens (the CLI's --errors file). */
  onError?(failure: ContactFailure): void;
}

export function emptyReport(): BatchRescoreReport {
  return { read: 0, changed: 0, unchanged: 0, tasks: 0, errors: [], tiers: { high: 0, medium: 0, low: 0 }, sample: [], tasksByOwner: {} };
}

/** The history properties a run reads: the activity properties, or none. */
export function historyPropertiesFor(history: boolean | undefined): readonly string[] {
  return history === false ? [] : ACTIVITY_HISTORY_PROPERTIES;
}

/** Re-scores the contacts of every batch; `from` is the saved state of an interrupted run to go on with. */
export async function runBatchRescore(source: AsyncIterable<ContactBatch>, deps: BatchRescoreDeps, hooks: BatchRescoreHooks = {}, from: RunState = { report: emptyReport() }): Promise<BatchRescoreReport> {
  const report = from.report;
  const companies = new Map<string, CompanyWithHistory | null>();
  const updates: ContactUpdate[] = [];
  const tasksByOwner = report.tasksByOwner;
  // Owner load is read once (one search over the owners whose load matters); the routing run then
  // counts this run's own assignments, so capacity caps and the balanced mode see them too. A
  // resumed run restores the interrupted run's counts: HubSpot's load by then holds whichever of
  // its update parts landed, which is not the load the run decided with.
  const routingRun = from.routing
    ? createRoutingRun(deps.config, from.routing.load, from.routing.accountOwners)
    : createRoutingRun(deps.config, await startingLoad(deps));
  // The per-rep throttle counts the window's tasks: earlier runs' from the ledger, this run's as it goes.
  const windowStart = new Date(deps.now.getTime() - deps.config.notify.throttleWindowHours * 3_600_000).toISOString();
  const earlierTasks = deps.dryRun ? {} : await deps.ledger.countByOwner(windowStart, deps.now.toISOString());
  const fail = (failure: ContactFailure): void => { report.errors.push(failure); hooks.onError?.(failure); };
  const attempts = new Map<string, number>();
  const settle = () => (deps.dryRun ? Promise.resolve() : settleTasks(deps.crm, deps.ledger, attempts, fail, (n) => { report.tasks += n; }));

  const checkpoint = async (cursor: string): Promise<void> => {
    await hooks.onCheckpoint?.(cursor, { report, routing: routingRun.state(), pending: [...updates] });
  };

  // Whatever an interrupted run left unsettled goes first: the updates it decided and may not have
  // written (a part that had landed is sent again with the same values, which changes nothing),
  // then its tasks.
  if (!deps.dryRun && from.pending && from.pending.length > 0) await flushUpdates(deps.crm, [...from.pending], report, fail);
  await settle();
  let awaiting: string | undefined;
  // Reading the next batch overlaps deciding and writing this one: the run is paced, not latency-bound.
  for await (const batch of readAhead(source, READ_AHEAD)) {
    for (const id of batch.missing) fail({ contactId: id, code: 'not_found', message: `contact ${id} does not exist (or was deleted)` });
    await loadCompanies(deps.crm, companies, batch.contacts);
    const lastNotified = deps.dryRun ? new Map<string, string>() : await lastNotifiedOf(deps.ledger, batch.contacts, deps.now.toISOString());
    const queued: Parameters<SideEffectLedger['record']>[0][number][] = [];
    for (const item of batch.contacts) {
      const decision = decideOne(item, companies, lastNotified, deps, { recentTasksByOwner: sumCounts(earlierTasks, tasksByOwner), routingRun });
      report.read += 1;
      const tier = decision.score.value.tier;
      report.tiers[tier] = (report.tiers[tier] ?? 0) + 1;
      const plan = decision.writePlan as Record<string, string>;
      const effect = decision.sideEffects[0];
      if (Object.keys(plan).length > 0) updates.push({ id: item.contact.id, properties: plan }); else report.unchanged += 1;
      if (effect) {
        tasksByOwner[effect.ownerId] = (tasksByOwner[effect.ownerId] ?? 0) + 1;
        queued.push({ contactId: item.contact.id, ownerId: effect.ownerId, subject: effect.subject, body: effect.body, dedupeKey: effect.dedupeKey, recordedAt: deps.now.toISOString() });
      }
      if ((Object.keys(plan).length > 0 || effect) && report.sample.length < SAMPLE_SIZE) {
        report.sample.push({ contactId: item.contact.id, tier, leadScore: decision.score.value.lead, changes: plan, task: effect !== undefined });
      }
    }
    awaiting = batch.cursor ?? awaiting;
    if (deps.dryRun) {
      report.changed += updates.length;
      report.tasks += queued.length;
      updates.length = 0;
    } else {
      // Recorded before anything is created: a crash from here on cannot lose or repeat the task.
      await deps.ledger.record(queued);
      // Decisions are durable before any write: a resume never decides these contacts again.
      if (awaiting !== undefined) { await checkpoint(awaiting); awaiting = undefined; }
      if (updates.length >= UPDATE_BATCH) await flushUpdates(deps.crm, updates, report, fail);
      if ((await deps.ledger.unfinished()).filter((e) => !attempts.has(ledgerKey(e))).length >= UPDATE_BATCH) await settle();
    }
    hooks.onProgress?.(report);
  }
  if (!deps.dryRun) {
    await flushUpdates(deps.crm, updates, report, fail);
    await settle();
    if (awaiting !== undefined) await checkpoint(awaiting);
  }
  hooks.onProgress?.(report);
  return report;
}

/** The webhook path: re-scores these contacts (read in batches of 50 with history). */
export function rescoreContactIds(ids: readonly string[], deps: BatchRescoreDeps, hooks: BatchRescoreHooks = {}): Promise<BatchRescoreReport> {
  return runBatchRescore(contactsByIds(deps.crm, ids, BULK_CONTACT_PROPERTIES, historyPropertiesFor(deps.history)), deps, hooks);
}

function decideOne(item: BulkContact, companies: Map<string, CompanyWithHistory | null>, lastNotified: Map<string, string>, deps: BatchRescoreDeps, context: { recentTasksByOwner: Record<string, number>; routingRun: RoutingRun }): Decision {
  const found = item.companyId ? companies.get(item.companyId) ?? null : null;
  const company = found?.company ?? null;
  const input: DecisionInput = {
    id: item.contact.id,
    properties: item.contact.properties,
    ...(Object.keys(item.history).length > 0 ? { propertiesWithHistory: item.history } : {}),
    company: company ? { id: company.id, properties: company.properties } : null,
    enrichment: companyFacts({ contact: item.contact, company }, found?.history),
    context: {
      lastNotifiedAt: lastNotified.get(item.contact.id) ?? null,
      recentTasksByOwner: context.recentTasksByOwner,
    },
  };
  const decision = decide(context.routingRun.prepare(input), deps.config, deps.now);
  context.routingRun.record(decision);
  return decision;
}

/**
 * The owners' load at the start of the run: `deps.ownerLoad` when given, else one search through
 * the gateway over the owners whose load matters (capped owners; every pool member in balanced
 * mode); nothing when no rule needs it.
 */
async function startingLoad(deps: BatchRescoreDeps): Promise<Record<string, number>> {
  if (deps.ownerLoad) return deps.ownerLoad();
  const routing = deps.config.routing;
  const ids = routing.mode === 'balanced'
    ? [...new Set(routing.pools.flatMap((p) => p.members.map((m) => m.ownerId)))]
    : routing.owners.filter((o) => o.capacity !== null).map((o) => o.id);
  if (ids.length === 0 || !deps.crm.countOwnerLoad) return {};
  const since = new Date(deps.now.getTime() - routing.capacityPeriodHours * 3_600_000).toISOString();
  return deps.crm.countOwnerLoad(ids, since);
}

function sumCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function loadCompanies(crm: BulkCrm, cache: Map<string, CompanyWithHistory | null>, contacts: readonly BulkContact[]): Promise<void> {
  const wanted = [...new Set(contacts.flatMap((c) => (c.companyId && !cache.has(c.companyId) ? [c.companyId] : [])))];
  if (cache.size + wanted.length > COMPANY_CACHE_MAX) cache.clear();
  for (let i = 0; i < wanted.length; i += COMPANY_READ) {
    const ids = wanted.slice(i, i + COMPANY_READ);
    const found = await crm.readCompanies(ids, BULK_COMPANY_PROPERTIES, FACT_PROPERTIES);
    for (const id of ids) cache.set(id, null); // deleted companies: decide without them
    for (const c of found) cache.set(c.company.id, c);
  }
}

/**
 * Each contact's last notification from earlier runs. This run's own entries are left out: a batch
 * replayed after a crash must decide as it did the first time (its tasks are deduped by the ledger).
 */
async function lastNotifiedOf(ledger: SideEffectLedger, contacts: readonly BulkContact[], runAt: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await ledger.entriesFor(contacts.map((c) => c.contact.id))) {
    if (e.recordedAt >= runAt) continue;
    const last = out.get(e.contactId);
    if (last === undefined || e.recordedAt > last) out.set(e.contactId, e.recordedAt);
  }
  return out;
}

async function flushUpdates(crm: BulkCrm, updates: ContactUpdate[], report: BatchRescoreReport, fail: (f: ContactFailure) => void): Promise<void> {
  const parts: ContactUpdate[][] = [];
  while (updates.length > 0) parts.push(updates.splice(0, UPDATE_BATCH));
  // Sent together (the pacer spaces them): a run waits on HubSpot's latency once per flush, not per
  // call. They may land in any order, or some not at all: the checkpoint taken before holds them.
  await Promise.all(parts.map(async (part) => {
    try {
      const result = await crm.batchUpdateContacts(part);
      report.changed += result.ok.length;
      for (const f of result.failed) fail({ contactId: f.id, code: 'update_rejected', message: f.message });
    } catch (error) {
      if (stopsRun(error)) throw error;
      // The pacer already retried: these contacts stay as they were and are named in the errors.
      const message = error instanceof Error ? error.message : String(error);
      for (const u of part) fail({ contactId: u.id, code: 'update_failed', message });
    }
  }));
}
