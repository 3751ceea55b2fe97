// The card-facing view of a decision, and the one-line alert after a re-score.
import type { z } from 'zod';
import type { DecisionSummarySchema } from './reply.ts';
import { describeParts } from './score.ts';
import type { Decision, PropertyMap } from './types.ts';
import { readNumber, readText } from './values.ts';

export type DecisionSummary = z.infer<typeof DecisionSummarySchema>;

export function toDecisionSummary(decision: Decision): DecisionSummary {
  const s = decision.score.value;
  return {
    intentScore: s.intent,
    fitScore: s.fit,
    leadScore: s.lead,
    tier: s.tier,
    reason: decision.audit.value.reason,
    scoringVersion: decision.scoringVersion,
    decisionKey: decision.decisionKey,
    decidedAt: decision.decidedAt,
    enrichmentConfidence: decision.enrich.value.confidence,
    enrichmentSource: decision.enrich.value.source,
    contentTrack: decision.classify.value.contentTrack,
    confidenceBand: decision.classify.value.confidenceBand,
    breakdown: { intent: { ...s.parts.intent }, fit: { ...s.parts.fit } },
    reasons: decision.reasons.map((r) => ({ code: r.code, message: r.message })),
  };
}

/**
 * One line for the alert: "Tier medium → high: 12 page views (+35)",
 * "Lead score 48 → 54, still medium: …" or "No change: still medium (lead score 54)".
 */
export function describeChange(before: PropertyMap, decision: Decision): string {
  const s = decision.score.value;
  const oldTier = readText(before['routing_tier']);
  const oldScore = readNumber(before['lead_score']);
  const driver = describeParts({ ...s.parts.intent, ...s.parts.fit }, 'no signals yet', 1);
  if (oldTier !== null && oldTier !== s.tier) return `Tier ${oldTier} → ${s.tier}: ${driver}`;
  if (oldTier === null) return `Scored ${s.tier} (lead score ${s.lead}): ${driver}`;
  if (oldScore !== null && Math.round(oldScore) !== s.lead) return `Lead score ${Math.round(oldScore)} → ${s.lead}, still ${s.tier}: ${driver}`;
  return `No change: still ${s.tier} (lead score ${s.lead})`;
}
