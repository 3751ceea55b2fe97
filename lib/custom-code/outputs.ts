// Decision → output fields, typed as HubSpot expects them (numbers as numbers, the time
// as Unix ms), and the safe default route every failure falls back to.
import type { Config } from '../core/config.ts';
import type { DecisionOutputValues } from '../core/decision-outputs.ts';
import type { Decision, Reason } from '../core/types.ts';
import { reasonText } from './event.ts';

/** What score_and_route and decide_and_write return: the workflow action's fields plus a few to branch on. */
export type DecisionOutputs = DecisionOutputValues & {
  /** `decided` for a real decision, else why the safe default was taken (input_invalid, hubspot_error…). */
  reason_code: string;
  /** The lifecycle stage the decision moves to, or '' when it stays. */
  lifecycle_stage: string;
  /** When the decision was taken (datetime output: Unix ms). */
  decided_at: number;
  /** True when this is the safe default route, not a decision. */
  is_safe_default: boolean;
};

export function decisionOutputs(decision: Decision): DecisionOutputs {
  const s = decision.score.value;
  return {
    routing_tier: s.tier,
    intent_score: s.intent,
    fit_score: s.fit,
    lead_score: s.lead,
    owner_id: decision.route.value.ownerId ?? '',
    content_track: decision.classify.value.contentTrack,
    last_decision_reason: reasonText({ code: 'decided', message: decision.audit.value.reason }),
    reason_code: 'decided',
    lifecycle_stage: decision.lifecycle.value.to ?? '',
    decided_at: msOf(decision.decidedAt),
    is_safe_default: false,
  };
}

/** The safe default route: low tier, no owner, the default track, and the reason why. */
export function safeDefaultOutputs(config: Config, reason: Reason, nowMs: number): DecisionOutputs {
  return {
    routing_tier: 'low',
    intent_score: 0,
    fit_score: 0,
    lead_score: 0,
    owner_id: '',
    content_track: config.classification.defaultTrack,
    last_decision_reason: reasonText(reason),
    reason_code: reason.code,
    lifecycle_stage: '',
    decided_at: nowMs,
    is_safe_default: true,
  };
}

function msOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
}
