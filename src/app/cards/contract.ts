// The card's own copy of the contract: HubSpot builds the cards folder on its own,
// so the card cannot import lib/. test/app/cards/contract-sync.test.ts keeps this
// file identical to lib/core/contract.ts (names) and lib/core/reply.ts (schemas).
import { z } from 'zod';

export const TIERS = ['high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

/** Contact properties this product owns or rewrites (copy of lib/core/contract.ts). */
export const CONTRACT_PROPERTIES = [
  'intent_score', 'fit_score', 'lead_score', 'routing_tier',
  'last_decision_reason', 'last_decision_at', 'decision_key', 'scoring_version',
  'normalized_company_key', 'has_valid_email', 'persona', 'seniority', 'country_code', 'phone',
  'enrichment_confidence', 'last_enrichment_source',
  'content_track', 'confidence_band', 'last_ai_classification_at',
  'reengagement_status', 'next_best_asset_id',
] as const;

/** What the card reads from the record with useCrmProperties (no function call). */
export const CARD_PROPERTIES = [
  'intent_score', 'fit_score', 'lead_score', 'routing_tier',
  'last_decision_reason', 'last_decision_at', 'scoring_version',
  'enrichment_confidence', 'last_enrichment_source',
  'content_track', 'confidence_band', 'decision_key',
  'reengagement_status', 'next_best_asset_id',
] as const satisfies readonly (typeof CONTRACT_PROPERTIES)[number][];
export type CardProperty = (typeof CARD_PROPERTIES)[number];

// ---- BEGIN copy of lib/core/reply.ts (keep verbatim) ----
export const TierSchema = z.enum(['high', 'medium', 'low']);
export const BandSchema = z.enum(['high', 'medium', 'low']);

export const ReasonSchema = z.object({ code: z.string(), message: z.string() });

export const FunctionErrorSchema = z.object({
  code: z.enum(['not_found', 'rate_limited', 'missing_token', 'invalid_input', 'crm_error', 'internal']),
  message: z.string(),
});

export const PropertyChangeSchema = z.object({
  property: z.string(),
  from: z.string().nullable(),
  to: z.string(),
});

export const DecisionSummarySchema = z.object({
  intentScore: z.number().min(0).max(100),
  fitScore: z.number().min(0).max(100),
  leadScore: z.number().min(0).max(100),
  tier: TierSchema,
  reason: z.string().max(500),
  scoringVersion: z.string(),
  decisionKey: z.string(),
  decidedAt: z.string(),
  enrichmentConfidence: z.number().min(0).max(100),
  enrichmentSource: z.string(),
  contentTrack: z.string(),
  confidenceBand: BandSchema,
  breakdown: z.object({
    intent: z.record(z.string(), z.number()),
    fit: z.record(z.string(), z.number()),
  }),
  reasons: z.array(ReasonSchema),
});

export const RescoreReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    contactId: z.string(),
    /** False when the decision was identical to the stored one and nothing was written. */
    changed: z.boolean(),
    changes: z.array(PropertyChangeSchema),
    /** One line for the alert, e.g. "Tier medium → high: 3 pricing-page visits this week". */
    summary: z.string(),
    decision: DecisionSummarySchema,
    taskCreated: z.boolean(),
    /** The task this re-score created (absent or null when none): what the card tells the rep. */
    task: z.object({ subject: z.string(), ownerId: z.string(), dueAt: z.string() }).nullable().optional(),
    ownerId: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), contactId: z.string().nullable(), error: FunctionErrorSchema }),
]);
export type RescoreReply = z.infer<typeof RescoreReplySchema>;

export const HistoryEntrySchema = z.object({
  at: z.string(),
  decisionKey: z.string().nullable(),
  reason: z.string().nullable(),
  tier: TierSchema.nullable(),
  leadScore: z.number().nullable(),
  scoringVersion: z.string().nullable(),
});

export const DecisionHistoryReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), contactId: z.string(), entries: z.array(HistoryEntrySchema) }),
  z.object({ ok: z.literal(false), contactId: z.string().nullable(), error: FunctionErrorSchema }),
]);
export type DecisionHistoryReply = z.infer<typeof DecisionHistoryReplySchema>;
// ---- END copy of lib/core/reply.ts ----
