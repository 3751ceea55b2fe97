// Builders for the card tests: stored properties as HubSpot hands them over (strings)
// and function replies in the shape lib/core/reply.ts defines.
import type { DecisionHistoryReply, RescoreReply, Tier } from '../../../src/app/cards/contract.ts';

export function storedProperties(tier: Tier, overrides: Record<string, string | null> = {}): Record<string, string | null> {
  const scores = { high: ['81', '74', '78'], medium: ['55', '48', '52'], low: ['12', '30', '20'] }[tier];
  return {
    intent_score: scores[0] ?? null,
    fit_score: scores[1] ?? null,
    lead_score: scores[2] ?? null,
    routing_tier: tier,
    last_decision_reason: `Tier ${tier}: 3 pricing-page visits this week; VP of Engineering at a 400-person software company`,
    last_decision_at: '2026-11-20T09:30:00.000Z',
    scoring_version: '2026.11-a1b2c3d',
    enrichment_confidence: '82',
    last_enrichment_source: 'clearbit',
    content_track: 'security_compliance',
    confidence_band: 'high',
    decision_key: 'dk_0123456789abcdef',
    ...overrides,
  };
}

export const NEVER_SCORED: Record<string, string | null> = {
  intent_score: null, fit_score: null, lead_score: null, routing_tier: null,
  last_decision_reason: null, last_decision_at: null, scoring_version: null,
  enrichment_confidence: null, last_enrichment_source: null, content_track: null,
  confidence_band: null, decision_key: null,
};

export function rescoreSuccess(options: { changed: boolean; tier?: Tier; summary?: string }): Extract<RescoreReply, { ok: true }> {
  const tier = options.tier ?? 'high';
  return {
    ok: true,
    contactId: '101',
    changed: options.changed,
    changes: options.changed ? [{ property: 'routing_tier', from: 'medium', to: tier }] : [],
    summary: options.summary ?? (options.changed ? `Tier medium → ${tier}: 3 pricing-page visits this week` : `Still ${tier}: nothing new since the last decision`),
    decision: {
      intentScore: 81,
      fitScore: 74,
      leadScore: 78,
      tier,
      reason: 'Tier high: 3 pricing-page visits this week',
      scoringVersion: '2026.11-a1b2c3d',
      decisionKey: 'dk_fedcba9876543210',
      decidedAt: '2026-11-27T07:00:00.000Z',
      enrichmentConfidence: 82,
      enrichmentSource: 'clearbit',
      contentTrack: 'security_compliance',
      confidenceBand: 'high',
      breakdown: { intent: { page_views: 30, form_submits: 40, recency: 11 }, fit: { persona: 30, seniority: 24, company_size: 20 } },
      reasons: [
        { code: 'intent_pricing_visits', message: '3 pricing-page visits this week' },
        { code: 'fit_persona_engineering', message: 'Engineering leaders are a core persona' },
      ],
    },
    taskCreated: false,
    ownerId: '7001',
  };
}

export function rescoreFailure(code: 'rate_limited' | 'crm_error' | 'not_found', message: string): RescoreReply {
  return { ok: false, contactId: '101', error: { code, message } };
}

export const HISTORY: DecisionHistoryReply = {
  ok: true,
  contactId: '101',
  entries: [
    { at: '2026-11-20T09:30:00.000Z', decisionKey: 'dk_2', reason: 'Tier medium: 1 pricing-page visit', tier: 'medium', leadScore: 52, scoringVersion: '2026.11-a1b2c3d' },
    { at: '2026-10-02T14:05:00.000Z', decisionKey: 'dk_1', reason: 'Tier low: no recent activity', tier: 'low', leadScore: 20, scoringVersion: '2026.10-99aa00b' },
  ],
};
