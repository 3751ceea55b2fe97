// One contact, re-scored: read (2 round trips), decide (pure), check the owner's task
// throttle only when a task is due (1), then write the task and the properties together (1).
// Write order and why: docs/functions.md ("Re-score: calls and write order").
import { COMPANY_INPUT_PROPERTIES, CONTACT_INPUT_PROPERTIES } from '../core/contract.ts';
import type { Config } from '../core/config.ts';
import { decide } from '../core/pipeline.ts';
import { normalizeContact } from '../core/normalize/index.ts';
import { describeChange, toDecisionSummary } from '../core/summary.ts';
import type { RescoreReply } from '../core/reply.ts';
import type { Classification, Decision, DecisionInput, EnrichmentFacts } from '../core/types.ts';
import type { AiClassifier, Clock, ContactSnapshot, EnrichmentProvider, RescoreGateway } from '../ports.ts';
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
  const snapshot = await deps.crm.readSnapshot(contactId, CONTACT_INPUT_PROPERTIES, COMPANY_PROPERTIES);
  if (!snapshot) throw new NotFoundError(`read contact ${contactId}`, `contact ${contactId} does not exist`, { status: 404 });
  const before = snapshot.contact.properties;
  const now = deps.clock.now();

  const [enrichment, classification] = await Promise.all([enrichmentFor(snapshot, deps), classificationFor(snapshot, deps)]);
  const input: DecisionInput = {
    id: contactId,
    properties: before,
    company: snapshot.company ? { id: snapshot.company.id, properties: snapshot.company.properties } : null,
    enrichment,
    classification,
    context: { lastNotifiedAt: lastNotified(snapshot) },
  };
  let decision = decide(input, deps.config, now);
  const effect = decision.sideEffects[0];
  if (effect && !snapshot.notifications.some((n) => n.dedupeKey === effect.dedupeKey)) {
    // The per-rep throttle needs the owner's recent task count: only looked up when a task is due.
    const since = new Date(now.getTime() - deps.config.notify.throttleWindowHours * 3_600_000).toISOString();
    const recent = await deps.crm.countOwnerTasksSince(effect.ownerId, since);
    decision = decide({ ...input, context: { ...input.context, recentTasksByOwner: { [effect.ownerId]: recent } } }, deps.config, now);
  }
  const taskCreated = await write(contactId, decision, snapshot, deps.crm);
  return reply(contactId, before, decision, taskCreated);
}

/** The task and the property update go out together; each is safe to repeat (see docs/functions.md). */
async function write(contactId: string, decision: Decision, snapshot: ContactSnapshot, crm: RescoreGateway): Promise<boolean> {
  const effect = decision.sideEffects[0];
  const needTask = effect !== undefined && !snapshot.notifications.some((n) => n.dedupeKey === effect.dedupeKey);
  const plan = decision.writePlan as Record<string, string>;
  const [task, update] = await Promise.allSettled([
    needTask ? crm.createTask({ contactId, ownerId: effect.ownerId, subject: effect.subject, body: effect.body, dedupeKey: effect.dedupeKey }) : Promise.resolve(null),
    Object.keys(plan).length > 0 ? crm.updateContact(contactId, plan) : Promise.resolve(),
  ]);
  if (update.status === 'rejected') throw update.reason;
  if (task.status === 'rejected') throw task.reason;
  return task.value !== null;
}

function reply(contactId: string, before: Record<string, string | null>, decision: Decision, taskCreated: boolean): RescoreSuccess {
  const changes = Object.entries(decision.writePlan as Record<string, string>).map(([property, to]) => ({ property, from: before[property] ?? null, to }));
  const effect = decision.sideEffects[0];
  return {
    ok: true,
    contactId,
    changed: changes.length > 0 || taskCreated,
    changes,
    summary: taskCreated ? `${describeChange(before, decision)}; follow-up task created for the owner` : describeChange(before, decision),
    decision: toDecisionSummary(decision),
    taskCreated,
    task: taskCreated && effect ? { subject: effect.subject, ownerId: effect.ownerId, dueAt: decision.decidedAt } : null,
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
