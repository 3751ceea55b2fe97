// One contact, re-scored: read (2 round trips), decide (pure), check the owner's task
// throttle only when a task is due (1), then write the task and the properties together (1).
// Write order and why: docs/functions.md ("Re-score: calls and write order").
import { ACTIVITY_HISTORY_PROPERTIES } from '../core/activity-properties.ts';
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import type { Config } from '../core/config.ts';
import { decide } from '../core/pipeline.ts';
import { poolOwnerIds } from '../core/route.ts';
import { normalizeContact } from '../core/normalize/index.ts';
import { describeChange, toDecisionSummary } from '../core/summary.ts';
import type { RescoreReply } from '../core/reply.ts';
import type { Classification, Decision, DecisionInput, EnrichmentFacts } from '../core/types.ts';
import type { AiClassifier, Clock, ContactSnapshot, EnrichmentProvider, LeadSpec, RescoreGateway } from '../ports.ts';
import type { DecisionContext } from '../core/types.ts';
import { buildClassificationRequest } from '../adapters/ai/guardrails.ts';
import { COMPANY_PROPERTY_OF, FACT_NAMES } from '../adapters/enrichment/facts.ts';
import { factsFromCompanyRecord, HUBSPOT_COMPANY_SOURCE } from '../adapters/enrichment/hubspot-company.ts';
import { NotFoundError } from '../errors.ts';

export interface RescoreDeps {
  crm: RescoreGateway;
  enrichment: EnrichmentProvider;
  ai: AiClassifier;
  config: Config;
  clock: Clock;
}

const COMPANY_PROPERTIES = [...new Set([...COMPANY_INPUT_PROPERTIES, ...FACT_NAMES.map((f) => COMPANY_PROPERTY_OF[f])])];

export type RescoreSuccess = Extract<RescoreReply, { ok: true }>;

/** Re-scores one contact. Throws NotFoundError for a missing contact, CrmError on I/O failure. */
export async function rescoreContact(contactId: string, deps: RescoreDeps): Promise<RescoreSuccess> {
  const now = deps.clock.now();
  // HubSpot availability does not depend on the contact: read beside the snapshot (no extra round trip).
  const [snapshot, routingContext] = await Promise.all([
    deps.crm.readSnapshot(contactId, CONTACT_INPUT_PROPERTIES, COMPANY_PROPERTIES, ACTIVITY_HISTORY_PROPERTIES),
    readAvailability(deps),
  ]);
  if (!snapshot) throw new NotFoundError(`read contact ${contactId}`, `contact ${contactId} does not exist`, { status: 404 });
  const before = snapshot.contact.properties;

  const [enrichment, classification] = await Promise.all([enrichmentFor(snapshot, deps), classificationFor(snapshot, deps)]);
  const input: DecisionInput = {
    id: contactId,
    properties: before,
    ...(snapshot.contactHistory ? { propertiesWithHistory: snapshot.contactHistory } : {}),
    company: snapshot.company ? { id: snapshot.company.id, properties: snapshot.company.properties } : null,
    enrichment,
    classification,
    context: { lastNotifiedAt: lastNotified(snapshot), ...routingContext },
  };
  let decision = decide(input, deps.config, now);
  const effect = decision.sideEffects[0];
  const taskDue = effect !== undefined && !snapshot.notifications.some((n) => n.dedupeKey === effect.dedupeKey);
  const loadPool = poolNeedingLoad(decision, deps.config);
  if (taskDue || loadPool !== null) {
    // One round trip: the pool's owner load (one search) when a new assignment meets a capacity cap or
    // the balanced mode, and the recent task counts of every rep the lead may end with when a task is due.
    const candidates = !taskDue ? [] : loadPool === null ? [effect.ownerId] : [...new Set([effect.ownerId, ...poolOwnerIds(loadPool, deps.config)])];
    const taskSince = new Date(now.getTime() - deps.config.notify.throttleWindowHours * 3_600_000).toISOString();
    const loadSince = new Date(now.getTime() - deps.config.routing.capacityPeriodHours * 3_600_000).toISOString();
    const [ownerLoad, ...recent] = await Promise.all([
      loadPool === null ? Promise.resolve(undefined) : deps.crm.countOwnerLoad(poolOwnerIds(loadPool, deps.config), loadSince),
      ...candidates.map((id) => deps.crm.countOwnerTasksSince(id, taskSince)),
    ]);
    const context: DecisionContext = { ...input.context, recentTasksByOwner: Object.fromEntries(candidates.map((id, i) => [id, recent[i]!])) };
    if (ownerLoad) context.ownerLoad = ownerLoad;
    decision = decide({ ...input, context }, deps.config, now);
  }
  const taskCreated = await write(contactId, decision, snapshot, deps.crm, leadFor(contactId, decision, before, deps.config));
  return reply(contactId, before, decision, taskCreated);
}

/** The task and the property update go out together; each is safe to repeat (see docs/functions.md). */
async function write(contactId: string, decision: Decision, snapshot: ContactSnapshot, crm: RescoreGateway, lead: LeadSpec | null): Promise<boolean> {
  const effect = decision.sideEffects[0];
  const needTask = effect !== undefined && !snapshot.notifications.some((n) => n.dedupeKey === effect.dedupeKey);
  const plan = decision.writePlan as Record<string, string>;
  const [task, update, leadWrite] = await Promise.allSettled([
    needTask ? crm.createTask({ contactId, ownerId: effect.ownerId, subject: effect.subject, body: effect.body, dedupeKey: effect.dedupeKey }) : Promise.resolve(null),
    Object.keys(plan).length > 0 ? crm.updateContact(contactId, plan) : Promise.resolve(),
    // Idempotent (finds the contact's Lead first), so a retried re-score never makes a second one.
    lead ? crm.ensureLead(lead) : Promise.resolve(null),
  ]);
  if (update.status === 'rejected') throw update.reason;
  if (task.status === 'rejected') throw task.reason;
  if (leadWrite.status === 'rejected') throw leadWrite.reason;
  return task.value !== null;
}

function reply(contactId: string, before: Record<string, string | null>, decision: Decision, taskCreated: boolean): RescoreSuccess {
  const changes = Object.entries(decision.writePlan as Record<string, string>).map(([property, to]) => ({ property, from: before[property] ?? null, to }));
  return {
    ok: true,
    contactId,
    changed: changes.length > 0 || taskCreated,
    changes,
    summary: taskCreated ? `${describeChange(before, decision)}; follow-up task created for the owner` : describeChange(before, decision),
    decision: toDecisionSummary(decision),
    taskCreated,
    ownerId: decision.route.value.ownerId,
  };
}

function lastNotified(snapshot: ContactSnapshot): string | null {
  let last: string | null = null;
  for (const n of snapshot.notifications) if (last === null || n.createdAt > last) last = n.createdAt;
  return last;
}

/** hubspot-company facts come from the company already read (no extra call); other providers are asked. */
async function enrichmentFor(snapshot: ContactSnapshot, deps: RescoreDeps): Promise<EnrichmentFacts | null> {
  const companyKey = normalizeContact(snapshot.contact.properties, snapshot.company?.properties ?? null).value.companyKey;
  if (!companyKey) return null;
  if (deps.enrichment.id === HUBSPOT_COMPANY_SOURCE) {
    return snapshot.company ? factsFromCompanyRecord(companyKey, snapshot.company.properties, snapshot.companyHistory) : null;
  }
  return deps.enrichment.lookup(companyKey, { company: snapshot.company?.properties ?? null });
}

/** The rules classifier runs inside the engine; another classifier is asked through the guardrails. */
async function classificationFor(snapshot: ContactSnapshot, deps: RescoreDeps): Promise<Classification | null> {
  if (deps.ai.id === 'rules') return null;
  const tracks = deps.config.classification.tracks.map((t) => t.id);
  return deps.ai.classify(buildClassificationRequest(snapshot.contact.properties, snapshot.company?.properties ?? null, tracks));
}

/** Out-of-office owners from HubSpot's users object when the team says so; a portal whose users object cannot be read routes on the team file alone. */
async function readAvailability(deps: RescoreDeps): Promise<Pick<DecisionContext, 'unavailableOwnerIds'>> {
  if (deps.config.routing.availabilitySource !== 'hubspot') return {};
  const availability = await deps.crm.readOwnerAvailability().catch(() => null);
  return availability && availability.unavailableOwnerIds.length > 0 ? { unavailableOwnerIds: availability.unavailableOwnerIds } : {};
}

/** The pool whose load matters: a new assignment from a pool with a capacity cap, or any pool in balanced mode. */
function poolNeedingLoad(decision: Decision, config: Config): string | null {
  const r = decision.route.value;
  if (!r.changed || r.pool === undefined || (r.method !== 'territory' && r.method !== 'fallback')) return null;
  if (config.routing.mode === 'balanced') return r.pool;
  const capped = new Set(config.routing.owners.filter((o) => o.capacity !== null).map((o) => o.id));
  return poolOwnerIds(r.pool, config).some((id) => capped.has(id)) ? r.pool : null;
}

/** The Lead to create or update: only with `leads.enabled`, for the configured tiers, when the contact has an owner. */
export function leadFor(contactId: string, decision: Decision, properties: Record<string, string | null>, config: Config): LeadSpec | null {
  const leads = config.leads;
  const ownerId = decision.route.value.ownerId;
  if (!leads.enabled || ownerId === null || !leads.tiers.includes(decision.score.value.tier)) return null;
  const person = [properties['firstname'], properties['lastname']].filter((x) => x && x.trim()).join(' ').trim();
  const name = person || properties['email'] || `Contact ${contactId}`;
  return { contactId, ownerId, name: name.slice(0, 200), pipeline: leads.pipeline, stage: leads.stage };
}
