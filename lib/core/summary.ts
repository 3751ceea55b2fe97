// The card-facing view of a decision, and the one-line alert after a re-score.
import type { z } from 'zod';
import type { DecisionSummarySchema } from './reply.ts';
import type { Decision, PropertyMap } from './types.ts';
import { humanizeEnum, TIER_LABELS } from './labels.ts';
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
 * One line for the alert, naming what moved from the difference of the score
 * parts: "Tier Medium → High: intent 40 → 64 (up with 14 page views this week, +40)",
 * "Lead score 60 → 52, still Medium: intent 38 → 22 (activity ageing)",
 * or "No change: still Medium (lead score 54)".
 */
export function describeChange(before: PropertyMap, decision: Decision): string {
  const s = decision.score.value;
  const oldTier = readText(before['routing_tier']);
  const oldScore = readNumber(before['lead_score']);
  const tier = TIER_LABELS[s.tier];
  if (oldTier === null) return `Scored ${tier} (lead score ${s.lead}): ${(topPart({ ...s.parts.intent, ...s.parts.fit }) || 'no signals yet')}`;
  const moved = whatMoved(before, s);
  const oldLabel = (TIER_LABELS as Record<string, string>)[oldTier] ?? humanizeEnum(oldTier);
  if (oldTier !== s.tier) return `Tier ${oldLabel} → ${tier}: ${moved}`;
  if (oldScore !== null && Math.round(oldScore) !== s.lead) return `Lead score ${Math.round(oldScore)} → ${s.lead}, still ${tier}: ${moved}`;
  return `No change: still ${tier} (lead score ${s.lead})`;
}

function whatMoved(before: PropertyMap, s: Decision['score']['value']): string {
  const bits: string[] = [];
  const oldIntent = readNumber(before['intent_score']);
  const oldFit = readNumber(before['fit_score']);
  if (oldIntent !== null && Math.round(oldIntent) !== s.intent) bits.push(partMoved('intent', Math.round(oldIntent), s.intent, s.parts.intent, 'activity ageing'));
  if (oldFit !== null && Math.round(oldFit) !== s.fit) bits.push(partMoved('fit', Math.round(oldFit), s.fit, s.parts.fit, 'company or role facts changed'));
  return bits.length > 0 ? bits.join('; ') : (topPart({ ...s.parts.intent, ...s.parts.fit }) || 'no signals yet');
}

function partMoved(name: string, from: number, to: number, parts: Record<string, number>, fallingWhy: string): string {
  const top = topPart(parts);
  const why = to > from && top !== '' ? `up with ${top}` : to > from ? 'up' : top === '' || name === 'intent' ? fallingWhy : `now ${top}`;
  return `${name} ${from} → ${to} (${why})`;
}

/** "14 page views this week (+40)": the biggest part alone. */
function topPart(parts: Record<string, number>): string {
  let best: [string, number] | null = null;
  for (const [label, points] of Object.entries(parts)) if (best === null || Math.abs(points) > Math.abs(best[1])) best = [label, points];
  return best === null ? '' : `${best[0]} (${best[1] > 0 ? '+' : ''}${best[1]})`;
}
