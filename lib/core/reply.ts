// The replies of the app functions, parsed by the card. The card keeps an identical
// copy in src/app/cards/contract.ts (test/app/cards/contract-sync.test.ts checks it).
import { z } from 'zod';

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
