// An in-memory PreviewBackend: a few contacts, a rescore that really changes the
// stored properties, and replies checked against lib/core/reply.ts's schemas.
import type { ContactListPage, PreviewBackend, PreviewContact } from '../../local/preview/index.ts';
import { PAGE_VIEWS_PER_VISIT, UnknownFunctionError, type ActivityKind } from '../../local/preview/backend.ts';
import { DecisionHistoryReplySchema, RescoreReplySchema, type RescoreReply } from '../../lib/core/reply.ts';

type Props = Record<string, string | null>;

interface FakeContact { id: string; name: string; email: string | null; props: Props }

const decided = (tier: string, lead: number, intent: number, fit: number, reason: string): Props => ({
  routing_tier: tier, lead_score: String(lead), intent_score: String(intent), fit_score: String(fit),
  last_decision_reason: reason, last_decision_at: '2026-11-20T09:30:00.000Z', scoring_version: '2026.11-a1b2c3d',
  enrichment_confidence: '82', last_enrichment_source: 'clearbit', content_track: 'security_compliance',
  confidence_band: 'high', decision_key: `dk_${tier}_${lead}`,
});

export const HIGH_AFTER_RESCORE: Props = {
  ...decided('high', 78, 81, 74, 'Tier high: 3 pricing-page visits this week; VP of Engineering at a 400-person software company'),
  last_decision_at: '2026-11-27T07:00:00.000Z',
};

export function createFakeBackend() {
  const contacts: FakeContact[] = [
    { id: '101', name: 'Ada Lovelace', email: 'ada@acme.com', props: decided('medium', 52, 55, 48, 'Tier medium: 1 pricing-page visit; VP of Engineering at a 400-person software company') },
    { id: '102', name: 'Grace Hopper', email: 'grace@navy.example', props: decided('high', 88, 90, 85, 'Tier high: demo request yesterday; CTO') },
    { id: '103', name: 'Alan Turing', email: 'alan@gmail.com', props: {} },
    { id: '104', name: 'Katherine Johnson', email: null, props: decided('low', 18, 10, 30, 'Tier low: no visits in 90 days') },
  ];
  const calls: { name: string; parameters: Record<string, unknown>; contactId: string }[] = [];
  const activity: { contactId: string; kind: ActivityKind }[] = [];
  const byId = (id: string) => {
    const contact = contacts.find((c) => c.id === id);
    if (!contact) throw new Error(`Contact ${id} does not exist`);
    return contact;
  };

  function rescore(contact: FakeContact): RescoreReply {
    const before = contact.props.routing_tier ?? null;
    const changed = contact.id === '101' && before !== 'high';
    if (changed) contact.props = { ...HIGH_AFTER_RESCORE };
    const p = contact.props;
    const tier = (p.routing_tier ?? 'low') as 'high' | 'medium' | 'low';
    return RescoreReplySchema.parse({
      ok: true, contactId: contact.id, changed,
      changes: changed ? [{ property: 'routing_tier', from: before, to: tier }] : [],
      summary: changed ? `Tier ${before} → ${tier}: 3 pricing-page visits this week` : `Still ${tier}: nothing new since the last decision`,
      decision: {
        intentScore: Number(p.intent_score ?? 0), fitScore: Number(p.fit_score ?? 0), leadScore: Number(p.lead_score ?? 0), tier,
        reason: p.last_decision_reason ?? '', scoringVersion: '2026.11-a1b2c3d', decisionKey: p.decision_key ?? 'dk', decidedAt: '2026-11-27T07:00:00.000Z',
        enrichmentConfidence: 82, enrichmentSource: 'clearbit', contentTrack: 'security_compliance', confidenceBand: 'high',
        breakdown: { intent: { page_views: 30, form_submits: 40, recency: 11 }, fit: { persona: 30, seniority: 24, company_size: 20 } },
        reasons: [{ code: 'intent_pricing_visits', message: '3 pricing-page visits this week' }],
      },
      taskCreated: changed, ownerId: '7001',
    });
  }

  const backend: PreviewBackend = {
    async listContacts({ q: query, tier, limit, after }): Promise<ContactListPage> {
      const q = query.trim().toLowerCase();
      const matching = contacts
        .filter((c) => !q || c.name.toLowerCase().includes(q) || (c.email ?? '').includes(q))
        .filter((c) => !tier || (tier === 'unscored' ? !c.props.routing_tier : c.props.routing_tier === tier))
        .map((c): PreviewContact => ({ id: c.id, name: c.name, email: c.email, tier: c.props.routing_tier ?? null, leadScore: c.props.lead_score ? Number(c.props.lead_score) : null }));
      const from = Number(after ?? 0);
      const next = from + limit < matching.length ? String(from + limit) : undefined;
      return { contacts: matching.slice(from, from + limit), total: matching.length, ...(next ? { after: next } : {}) };
    },
    async getContactProperties(id, names) {
      const contact = byId(id);
      return Object.fromEntries(names.map((name) => [name, contact.props[name] ?? null]));
    },
    async runFunction(name, parameters, contactId) {
      calls.push({ name, parameters, contactId });
      const contact = byId(contactId);
      if (contact.id === '104') throw new Error('HubSpot answered 500 while reading the company');
      if (name === 'rescore_contact') return rescore(contact);
      if (name === 'decision_history') {
        return DecisionHistoryReplySchema.parse({
          ok: true, contactId,
          entries: [{ at: '2026-11-20T09:30:00.000Z', decisionKey: 'dk_1', reason: 'Tier medium: 1 pricing-page visit', tier: 'medium', leadScore: 52, scoringVersion: '2026.11-a1b2c3d' }],
        });
      }
      throw new UnknownFunctionError(`No app function named ${name}`);
    },
    async simulateActivity(contactId, kind) {
      activity.push({ contactId, kind });
      const p = byId(contactId).props;
      const add = (name: string, by: number) => { p[name] = String(Number(p[name] ?? 0) + by); return Number(p[name]); };
      const pageViews = add('hs_analytics_num_page_views', kind === 'page_views' ? PAGE_VIEWS_PER_VISIT : 0);
      const formSubmissions = add('num_conversion_events', kind === 'form_submission' ? 1 : 0);
      return { pageViews, formSubmissions };
    },
  };
  return { backend, contacts, calls, activity };
}
