// decide: normalize → enrich → classify → score → lifecycle → route → notify → audit.
// Pure and total: any input gives a Decision; nothing here throws on bad data.
import { decisionKeyOf, decisionReason, type KeyParts } from './audit.ts';
import { classifyByRules } from './classify.ts';
import type { Config } from './config.ts';
import { enrich } from './enrich.ts';
import { decideLifecycle } from './lifecycle.ts';
import { normalizeContact, normalizeCountry } from './normalize/index.ts';
import { planNotify, taskEffect } from './notify.ts';
import { activityForDecision } from './activity.ts';
import { qualityGates } from './quality.ts';
import { reengagement } from './reengagement.ts';
import { ownerName, route } from './route.ts';
import { score } from './score.ts';
import type { Classification, Decision, DecisionContext, DecisionInput, NormalizedContact, NotifyResult, PropertyMap, Reason, Stage } from './types.ts';
import { readCount, readOwnerId, readText, storedString } from './values.ts';
import { bool, changes, type WritePlan } from './write-plan.ts';
import { appendReasons } from './reasons.ts';
import { safeDecision } from './safe-decision.ts';
import { SentenceMemo, spaced } from './sentences.ts';
import { trackLabel } from './labels.ts';

const TEXT_PROPERTIES = ['message', 'hs_content_membership_notes', 'recent_conversion_event_name'] as const;
const MAX_COUNT = 1_000_000;

export function decide(input: DecisionInput, config: Config, now: Date): Decision {
  try {
    return decideUnsafe(input, config, now);
  } catch (err) {
    // Defence in depth: the stages are total by construction, but a decision must always come back.
    return safeDecision(input, config, now, err);
  }
}

function decideUnsafe(input: DecisionInput, config: Config, now: Date): Decision {
  const nowMs = Number.isFinite(now.getTime()) ? now.getTime() : 0;
  const nowIso = isoOf(nowMs);
  const id = idOf(input);
  const props = mapOf(input.properties);
  const companyProps = input.company ? mapOf(input.company.properties) : null;
  const context = contextOf(input.context);

  const normalized = normalizeContact(props, companyProps);
  const n = normalized.value;
  const enriched = enrich(props, companyProps, input.enrichment, n.companyKey, config);
  const currentStage = readText(props['lifecyclestage'])?.toLowerCase() ?? null;
  const pageViews = Math.min(MAX_COUNT, readCount(props['hs_analytics_num_page_views']));
  const activity = activityForDecision(props, input.propertiesWithHistory, nowMs);
  const classified = classification(input.classification, {
    persona: n.persona, industry: enriched.value.industry, lifecycle: currentStage, text: freeText(props), pageViews,
  }, config);
  const scored = score({
    activity, persona: n.persona, seniority: n.seniority, industry: enriched.value.industry, employees: enriched.value.employees,
    freeMail: n.isFreeMail,
  }, config, nowMs);
  // Data-quality gates cap the tier after scoring, so the score still says what the signals were worth.
  const gated = qualityGates(n, scored.value.tier, config);
  const s = gated.value.tier === scored.value.tier ? scored.value : { ...scored.value, tier: gated.value.tier };
  const lifecycle = decideLifecycle(currentStage, s.tier, config, readText(props['hs_lead_status']));
  const finalStage = lifecycle.value.to ?? currentStage;
  const currentOwner = readOwnerId(props['hubspot_owner_id']);
  // Any sales activity means a rep has worked the lead: it stays with an away owner (team.unavailableOwners).
  let routed = route({
    contactId: id, currentOwnerId: currentOwner, companyKey: n.companyKey,
    companyOwnerId: companyProps ? readOwnerId(companyProps['hubspot_owner_id']) : null,
    countryCode: n.countryCode, stateCode: n.stateCode,
    companyCountryCode: n.countryCode === null && companyProps ? normalizeCountry(companyProps['country']).value : null,
    phoneE164: n.phoneE164, emailDomain: n.emailDomain,
    worked: readText(props['notes_last_contacted']) !== null || readText(props['hs_last_sales_activity_timestamp']) !== null, nowMs,
  }, config, context);
  const planned = planNotify({
    contactId: id, tier: s.tier, storedTier: readText(props['routing_tier']), activity,
    ownerId: routed.value.ownerId, currentOwnerId: currentOwner, pool: routed.value.pool,
  }, config, context, nowMs);
  if (planned.reassignedTo !== null) {
    // The routed rep is over their task throttle: this unowned lead goes with its task to the next rep.
    routed = { value: { ...routed.value, ownerId: planned.reassignedTo, changed: planned.reassignedTo !== currentOwner }, reasons: routed.reasons };
  }
  const ownerId = routed.value.ownerId;
  const reengage = reengagement(props, finalStage, config, nowMs, activity.lastMs);

  const keyParts: KeyParts = {
    scoringVersion: config.scoringVersion, normalized: n, enrichment: enriched.value, classification: classified.value,
    scores: s, finalStage, finalOwnerId: ownerId, reengage: reengage.value.flagged,
  };
  const decisionKey = decisionKeyOf(keyParts);
  const name = ownerId === null ? null : ownerName(ownerId, config);
  const reason = decisionReason({
    tier: s.tier, scores: s, weights: config.scoring.weights, ranked: scored.ranked, ownerName: name, routeWhy: routeWhy(routed.value.method, routed.value.pool),
    lifecycleTo: lifecycle.value.to, track: classified.value.contentTrack,
  });
  const effect = taskEffect(id, planned, s.lead, reason, classified.value);
  const notified: Stage<NotifyResult> = { value: planned.value, reasons: planned.reasons };

  const unchanged = storedString(props['decision_key']) === decisionKey;
  const classificationChanged = storedString(props['content_track']) !== classified.value.contentTrack
    || storedString(props['confidence_band']) !== classified.value.confidenceBand;
  const audit: Stage<{ reason: string }> = {
    value: { reason },
    reasons: [unchanged
      ? { code: 'audit_unchanged', message: 'Same decision as the stored one, so the audit fields are left as they are.' }
      : { code: 'audit_recorded', message: RECORDED_SENTENCES.get(config, config.scoringVersion) }],
  };
  const writePlan = writePlanOf(props, {
    scores: s, normalized: n, enrichment: enriched.value, classified, classificationChanged, lifecycleTo: lifecycle.value.to,
    newOwner: routed.value.changed ? ownerId : null, reengagement: reengage.value.status, unchanged, reason, nowIso, decisionKey,
    scoringVersion: config.scoringVersion,
  });

  const reasons: Reason[] = [];
  appendReasons(reasons, normalized.reasons);
  appendReasons(reasons, enriched.reasons);
  appendReasons(reasons, classified.reasons);
  appendReasons(reasons, scored.reasons);
  appendReasons(reasons, gated.reasons);
  appendReasons(reasons, lifecycle.reasons);
  appendReasons(reasons, routed.reasons);
  appendReasons(reasons, notified.reasons);
  appendReasons(reasons, reengage.reasons);
  appendReasons(reasons, audit.reasons);
  return {
    id, scoringVersion: config.scoringVersion, decisionKey, decidedAt: nowIso,
    normalize: normalized, enrich: enriched, classify: classified, score: { value: s, reasons: scored.reasons }, lifecycle, route: routed,
    notify: notified, reengagement: reengage, audit,
    writePlan, sideEffects: effect ? [effect] : [], reasons,
  };
}

/** What the write plan compares with the contact's stored values. */
interface PlanFacts {
  scores: Decision['score']['value'];
  normalized: NormalizedContact;
  enrichment: Decision['enrich']['value'];
  classified: Stage<Classification>;
  classificationChanged: boolean;
  lifecycleTo: string | null;
  newOwner: string | null;
  reengagement: Decision['reengagement']['value']['status'];
  unchanged: boolean;
  reason: string;
  nowIso: string;
  decisionKey: string;
  scoringVersion: string;
}

/**
 * The write plan: keys planned in one fixed order, each with its own literal name, so the
 * plan stays a plain object with fast properties (a pre-filled dictionary that dropped the
 * unchanged keys cost a third of a decision's garbage). Its own function, not part of
 * decideUnsafe: there, the compiler's inlining budget ran out before the comparisons, and
 * each became a call (measured, docs/engine.md).
 */
function writePlanOf(props: PropertyMap, f: PlanFacts): WritePlan {
  const writePlan: WritePlan = {};
  const s = f.scores;
  const n = f.normalized;
  const intentText = String(s.intent);
  if (changes(props['intent_score'], intentText)) writePlan.intent_score = intentText;
  const fitText = String(s.fit);
  if (changes(props['fit_score'], fitText)) writePlan.fit_score = fitText;
  const leadText = String(s.lead);
  if (changes(props['lead_score'], leadText)) writePlan.lead_score = leadText;
  if (changes(props['routing_tier'], s.tier)) writePlan.routing_tier = s.tier;
  const companyKey = n.companyKey ?? '';
  if (changes(props['normalized_company_key'], companyKey)) writePlan.normalized_company_key = companyKey;
  const validEmail = bool(n.hasValidEmail);
  if (changes(props['has_valid_email'], validEmail)) writePlan.has_valid_email = validEmail;
  if (changes(props['persona'], n.persona)) writePlan.persona = n.persona;
  if (changes(props['seniority'], n.seniority)) writePlan.seniority = n.seniority;
  const countryCode = n.countryCode ?? '';
  if (changes(props['country_code'], countryCode)) writePlan.country_code = countryCode;
  if (changes(props['phone'], n.phoneE164)) writePlan.phone = n.phoneE164;
  const confidenceText = String(f.enrichment.confidence);
  if (changes(props['enrichment_confidence'], confidenceText)) writePlan.enrichment_confidence = confidenceText;
  if (changes(props['last_enrichment_source'], f.enrichment.source)) writePlan.last_enrichment_source = f.enrichment.source;
  const c = f.classified.value;
  if (changes(props['content_track'], c.contentTrack)) writePlan.content_track = c.contentTrack;
  if (changes(props['confidence_band'], c.confidenceBand)) writePlan.confidence_band = c.confidenceBand;
  // Only an AI answer is an "AI classification": the rules classifier never stamps it.
  const aiAnswered = c.source !== 'rules' && f.classified.reasons[0]?.code === 'classify_provider';
  const aiStamp = aiAnswered && (f.classificationChanged || readText(props['last_ai_classification_at']) === null) ? f.nowIso : null;
  if (changes(props['last_ai_classification_at'], aiStamp)) writePlan.last_ai_classification_at = aiStamp;
  const assetId = c.nextBestAssetId ?? null;
  if (changes(props['next_best_asset_id'], assetId)) writePlan.next_best_asset_id = assetId;
  if (changes(props['lifecyclestage'], f.lifecycleTo)) writePlan.lifecyclestage = f.lifecycleTo;
  const newOwner = f.newOwner;
  if (changes(props['hubspot_owner_id'], newOwner)) writePlan.hubspot_owner_id = newOwner;
  if (changes(props['reengagement_status'], f.reengagement)) writePlan.reengagement_status = f.reengagement;
  // The audit fields are only rewritten for a new decision.
  if (!f.unchanged) {
    if (changes(props['last_decision_reason'], f.reason)) writePlan.last_decision_reason = f.reason;
    if (changes(props['last_decision_at'], f.nowIso)) writePlan.last_decision_at = f.nowIso;
    if (changes(props['decision_key'], f.decisionKey)) writePlan.decision_key = f.decisionKey;
    if (changes(props['scoring_version'], f.scoringVersion)) writePlan.scoring_version = f.scoringVersion;
  }
  return writePlan;
}

function classification(given: Classification | null | undefined, fields: Parameters<typeof classifyByRules>[0], config: Config): Stage<Classification> {
  if (given && typeof given === 'object') {
    const known = config.classification.tracks.some((t) => t.id === given.contentTrack);
    const bandOk = given.confidenceBand === 'high' || given.confidenceBand === 'medium' || given.confidenceBand === 'low';
    if (known && bandOk) {
      const reasons: Reason[] = [{ code: 'classify_provider', message: `Track ${trackLabel(given.contentTrack, config.classification.tracks)} from ${String(given.source)} (confidence ${given.confidenceBand}).` }];
      if (given.fallback) reasons.push(given.fallback);
      return { value: withCatalogueAsset(given, config, reasons), reasons };
    }
    const rules = classifyByRules(fields, config);
    return { value: rules.value, reasons: [{ code: 'classify_provider_rejected', message: 'The AI classification named an unknown track or band, so the rules classifier decided.' }, ...rules.reasons] };
  }
  return classifyByRules(fields, config);
}

/**
 * The asset must come from the track's catalogue: an id (or title) the AI named
 * that is not in it is replaced by the track's default, and the reason says so.
 */
function withCatalogueAsset(given: Classification, config: Config, reasons: Reason[]): Classification {
  const assets = config.classification.tracks.find((t) => t.id === given.contentTrack)?.assets ?? [];
  const wanted = given.nextBestAssetId ?? given.nextBestAsset;
  const found = assets.find((a) => a.id === wanted || a.title === given.nextBestAsset);
  if (found !== undefined) {
    return found.id === given.nextBestAssetId && found.title === given.nextBestAsset ? given : { ...given, nextBestAsset: found.title, nextBestAssetId: found.id };
  }
  const fallback = assets[0];
  if (fallback === undefined) return given;
  reasons.push({ code: 'classify_asset_not_in_catalogue', message: `The suggested asset is not in the ${trackLabel(given.contentTrack, config.classification.tracks)} catalogue, so its default "${fallback.title}" is suggested.` });
  return { ...given, nextBestAsset: fallback.title, nextBestAssetId: fallback.id };
}

const RECORDED_SENTENCES = new SentenceMemo((_config: Config, version: string) => `Decision recorded with rules ${version}.`);

function routeWhy(method: string, pool: string | undefined): string {
  if (method === 'kept') return 'already the owner';
  if (method === 'account_match') return 'owns the account';
  if (method === 'fallback') return 'fallback owner';
  return `${spaced(pool ?? 'default')} pool`;
}

function freeText(props: PropertyMap): string {
  let text = '';
  for (const p of TEXT_PROPERTIES) {
    const t = readText(props[p]);
    if (t !== null) text += (text === '' ? '' : ' ') + t.slice(0, 2000);
  }
  return text;
}

// Bulk runs decide thousands of contacts with one `now`: format it once.
let lastIso: { ms: number; iso: string } = { ms: 0, iso: '1970-01-01T00:00:00.000Z' };

function isoOf(ms: number): string {
  if (lastIso.ms !== ms) lastIso = { ms, iso: new Date(ms).toISOString() };
  return lastIso.iso;
}

export function idOf(input: DecisionInput): string {
  const id = (input as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return id.slice(0, 200);
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return '';
}

function mapOf(value: unknown): PropertyMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PropertyMap) : {};
}

function contextOf(value: unknown): DecisionContext | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as DecisionContext) : undefined;
}

export type { NormalizedContact };
