import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/core/pipeline.ts';
import { DecisionSummarySchema } from '../../lib/core/reply.ts';
import { describeChange, toDecisionSummary } from '../../lib/core/summary.ts';
import type { DecisionInput } from '../../lib/core/types.ts';
import { NOW, daysAgo, testConfig } from './helpers.ts';

const config = testConfig();
const hot: DecisionInput = {
  id: '42',
  properties: {
    email: 'Jane.Doe@Acme.co.uk', jobtitle: 'VP Engineering', country: 'Deutschland', phone: '030 1234567',
    hs_analytics_num_page_views: '14', num_conversion_events: '2', hs_analytics_last_visit_timestamp: daysAgo(2),
    lifecyclestage: 'lead', message: 'Does the API support webhooks?',
  },
  company: { properties: { domain: 'acme.co.uk', industry: 'COMPUTER_SOFTWARE', numberofemployees: '800' } },
};
const cold: DecisionInput = {
  id: '7', properties: { email: 'kid@gmail.com', jobtitle: 'Student', phone: 'call me maybe', createdate: '2025-01-01T00:00:00Z' }, company: null,
};

describe('decide', () => {
  it('decides a hot lead end to end', () => {
    const d = decide(hot, config, NOW);
    expect(d.score.value.tier).toBe('high');
    expect(d.writePlan).toMatchObject({ lifecyclestage: 'marketingqualifiedlead', phone: '+49301234567', country_code: 'DE', normalized_company_key: 'acme.co.uk', routing_tier: 'high' });
    expect(['104', '105', '106']).toContain(d.writePlan.hubspot_owner_id);
    expect(d.sideEffects).toHaveLength(1);
    expect(d.audit.value.reason).toMatchInlineSnapshot(`"High tier (lead score 74 = 50% × intent 64 + 50% × fit 83). Intent from 14 page views this week (+40), 2 form submissions this week (+24); fit from Engineering persona (+25), VP (+25) and 2 more (+33). Owner: Fatou Diallo (emea pool). Lifecycle moved to Marketing qualified lead. Track: Technical evaluation."`);
  });

  it('decides a cold free-mail student with an unparseable phone', () => {
    const d = decide(cold, config, NOW);
    expect(d.score.value.tier).toBe('low');
    expect(d.writePlan.phone).toBeUndefined();
    expect(d.writePlan.normalized_company_key).toBeUndefined();
    expect(d.writePlan.lifecyclestage).toBe('subscriber');
    expect(d.sideEffects).toEqual([]);
    expect(d.reengagement.value.flagged).toBe(true);
    expect(d.reasons.map((r) => r.code)).toContain('reengage_inactive');
  });

  it.each([
    ['an identical re-run', (p: Record<string, unknown>, plan: Record<string, string>) => ({ ...p, ...plan }), false],
    ['a re-run an hour later after new page views', (p: Record<string, unknown>, plan: Record<string, string>) => ({ ...p, ...plan, hs_analytics_num_page_views: '3' }), true],
  ])('on %s rewrites the audit fields only when the decision changed', (_n, next, rewrites) => {
    const first = decide(hot, config, NOW);
    const later = new Date(NOW.getTime() + 3_600_000);
    const second = decide({ ...hot, properties: next(hot.properties, first.writePlan as Record<string, string>) }, config, later);
    expect('decision_key' in second.writePlan).toBe(rewrites);
    expect('last_decision_at' in second.writePlan).toBe(rewrites);
    expect(second.reasons.at(-1)!.code).toBe(rewrites ? 'audit_recorded' : 'audit_unchanged');
  });

  it('uses an AI classification when its track is known, and ignores it otherwise', () => {
    const ai = { contentTrack: 'business_value', objections: [], confidenceBand: 'medium' as const, nextBestAsset: 'ROI calculator', subjectLine: 'x', source: 'openai-compatible' };
    expect(decide({ ...hot, classification: ai }, config, NOW).classify.value.contentTrack).toBe('business_value');
    const bad = decide({ ...hot, classification: { ...ai, contentTrack: 'made_up' } }, config, NOW);
    expect(bad.classify.value.contentTrack).toBe('technical_evaluation');
    expect(bad.classify.reasons[0]!.code).toBe('classify_provider_rejected');
  });

  const ai = { contentTrack: 'business_value', objections: [], confidenceBand: 'medium' as const, nextBestAsset: 'pricing-guide', subjectLine: 'x', source: 'openai-compatible' };
  it.each([
    ['the rules classifier', undefined, null, 'technical-architecture-guide'],
    ['an AI answer with a catalogue id', ai, 'stamped', 'pricing-guide'],
    ['an AI answer naming a catalogue title', { ...ai, nextBestAsset: 'Customer case studies' }, 'stamped', 'customer-case-studies'],
    ['an AI answer outside the catalogue', { ...ai, nextBestAsset: 'Free iPhone' }, 'stamped', 'roi-calculator'],
    ['a classification the rules made upstream', { ...ai, source: 'rules' }, null, 'pricing-guide'],
  ])('with %s: last_ai_classification_at %s, next_best_asset_id from the catalogue', (_n, classification, stamp, asset) => {
    const d = decide({ ...hot, ...(classification ? { classification } : {}) }, config, NOW);
    expect(d.writePlan.last_ai_classification_at ?? null).toBe(stamp === null ? null : NOW.toISOString());
    expect(d.writePlan.next_best_asset_id).toBe(asset);
  });

  it('writes the re-engagement status as a contract property', () => {
    expect(decide(hot, config, NOW).writePlan.reengagement_status).toBe('active');
    expect(decide(cold, config, NOW).writePlan.reengagement_status).toBe('needs_reengagement');
  });

  it('keeps an owner and never reassigns without the config saying so', () => {
    const d = decide({ ...hot, properties: { ...hot.properties, hubspot_owner_id: '107' } }, config, NOW);
    expect(d.route.value).toMatchObject({ ownerId: '107', method: 'kept', changed: false });
    expect(d.writePlan.hubspot_owner_id).toBeUndefined();
  });

  it('survives an invalid clock', () => {
    const d = decide(hot, config, new Date('nonsense'));
    expect(d.decidedAt).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('summary', () => {
  it('maps a decision to the card reply schema', () => {
    const s = toDecisionSummary(decide(hot, config, NOW));
    expect(DecisionSummarySchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({ tier: 'high', leadScore: 74, enrichmentSource: 'hubspot-company', contentTrack: 'technical_evaluation' });
  });

  it.each([
    ['first decision', {}, 'Scored High (lead score 74): 14 page views this week (+40)'],
    ['tier change, stored parts unknown', { routing_tier: 'medium', lead_score: '50' }, 'Tier Medium → High: 14 page views this week (+40)'],
    ['tier change from new activity', { routing_tier: 'medium', lead_score: '55', intent_score: '27', fit_score: '83' }, 'Tier Medium → High: intent 27 → 64 (up with 14 page views this week (+40))'],
    ['score change as activity ages', { routing_tier: 'high', lead_score: '80', intent_score: '77', fit_score: '83' }, 'Lead score 80 → 74, still High: intent 77 → 64 (activity ageing)'],
    ['score change from company facts', { routing_tier: 'high', lead_score: '70', intent_score: '64', fit_score: '75' }, 'Lead score 70 → 74, still High: fit 75 → 83 (up with Engineering persona (+25))'],
    ['nothing changed', { routing_tier: 'high', lead_score: '74' }, 'No change: still High (lead score 74)'],
  ])('describes the change: %s', (_n, before, text) => {
    expect(describeChange(before, decide(hot, config, NOW))).toBe(text);
  });
});
