// decision_history: past decisions rebuilt from HubSpot's property history, end to end on the
// emulator and, for the rebuilding itself, table-driven over plain history data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleHistory } from '../../lib/functions/decision_history.ts';
import { handleRescore } from '../../lib/functions/rescore_contact.ts';
import { DecisionHistoryReplySchema, type RescoreReply } from '../../lib/core/reply.ts';
import { historyEntries } from '../../lib/services/history.ts';
import type { PropertyHistoryEntry } from '../../lib/ports.ts';
import { createContact, HIGH_INTENT_CONTACT, setAnalytics, SOFTWARE_COMPANY, startFunctionEmulator, type FunctionEmulator } from './helpers.ts';

type Decided = Extract<RescoreReply, { ok: true }>;

describe('decision_history on the emulator', () => {
  let fx: FunctionEmulator;
  beforeAll(async () => { fx = await startFunctionEmulator(); });
  afterAll(async () => fx?.emu.close());

  const decide = async (contactId: string): Promise<Decided> => {
    const reply = await handleRescore({ parameters: { contactId } }, fx.env);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply;
  };

  it('two decisions with new activity in between: two entries, newest first, each with its own tier, score and reason', async () => {
    const contactId = await createContact(fx, { ...HIGH_INTENT_CONTACT('history'), hs_analytics_num_page_views: '0', num_conversion_events: '0' }, SOFTWARE_COMPANY);
    const first = await decide(contactId);
    setAnalytics(fx, contactId, { hs_analytics_num_page_views: '12', num_conversion_events: '3' });
    const second = await decide(contactId);
    expect(second.decision.leadScore).toBeGreaterThan(first.decision.leadScore);
    await decide(contactId); // identical: writes nothing, so adds no entry

    const reply = DecisionHistoryReplySchema.parse(await handleHistory({ parameters: { contactId } }, fx.env));
    const asEntry = (d: Decided) => ({
      at: d.decision.decidedAt, decisionKey: d.decision.decisionKey, reason: d.decision.reason,
      tier: d.decision.tier, leadScore: d.decision.leadScore, scoringVersion: d.decision.scoringVersion,
    });
    expect(reply).toEqual({ ok: true, contactId, entries: [asEntry(second), asEntry(first)] });
  });

  it('a contact never decided has no entries', async () => {
    const contactId = await createContact(fx, { email: 'never@decided.io' });
    expect(await handleHistory({ parameters: { contactId } }, fx.env)).toEqual({ ok: true, contactId, entries: [] });
  });

  it.each([
    { name: 'a contact that does not exist', context: { parameters: { contactId: '987654321' } }, env: () => fx.env, error: { code: 'not_found', message: 'This contact no longer exists in HubSpot.' } },
    { name: 'a bad contactId', context: { parameters: { contactId: 'abc' } }, env: () => fx.env, error: { code: 'invalid_input', message: 'contactId must be a HubSpot record id (digits)' } },
    { name: 'no token', context: { parameters: { contactId: '1' } }, env: () => ({ HUBSPOT_BASE_URL: fx.emu.url }), error: { code: 'missing_token', message: 'No HubSpot access token: set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN inside HubSpot).' } },
  ])('$name → $error.code', async ({ context, env, error }) => {
    const reply = await handleHistory(context, env());
    expect(reply).toMatchObject({ ok: false, error });
  });
});

const h = (value: string, timestamp: string): PropertyHistoryEntry => ({ value, timestamp, sourceType: 'INTEGRATION' });
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';

interface HistoryCase { name: string; history: Record<string, PropertyHistoryEntry[]>; limit: number; entries: ReturnType<typeof historyEntries> }

describe('historyEntries', () => {
  it.each<HistoryCase>([
    { name: 'no history', history: {}, limit: 20, entries: [] },
    {
      name: 'one decision',
      history: { decision_key: [h('dk1-a', T1)], last_decision_at: [h(T1, T1)], last_decision_reason: [h('High tier.', T1)], routing_tier: [h('high', T1)], lead_score: [h('70', T1)], scoring_version: [h('v1', T1)] },
      limit: 20,
      entries: [{ at: T1, decisionKey: 'dk1-a', reason: 'High tier.', tier: 'high', leadScore: 70, scoringVersion: 'v1' }],
    },
    {
      name: 'two decisions given oldest first: newest first, an unchanged tier carried from the earlier write',
      history: { decision_key: [h('dk1-a', T1), h('dk1-b', T2)], routing_tier: [h('high', T1)], lead_score: [h('70', T1), h('80', T2)], last_decision_reason: [h('First.', T1), h('Second.', T2)] },
      limit: 20,
      entries: [
        { at: T2, decisionKey: 'dk1-b', reason: 'Second.', tier: 'high', leadScore: 80, scoringVersion: null },
        { at: T1, decisionKey: 'dk1-a', reason: 'First.', tier: 'high', leadScore: 70, scoringVersion: null },
      ],
    },
    {
      name: 'a value written after a decision (a person changed the tier) does not rewrite that decision',
      history: { decision_key: [h('dk1-a', T1)], routing_tier: [h('medium', T1), h('high', T3)] },
      limit: 20,
      entries: [{ at: T1, decisionKey: 'dk1-a', reason: null, tier: 'medium', leadScore: null, scoringVersion: null }],
    },
    {
      name: 'garbage values become null: unknown tier, non-numeric or cleared score, empty key',
      history: { decision_key: [h('', T2), h('dk1-a', T1)], routing_tier: [h('urgent', T1), h('', T2)], lead_score: [h('lots', T1), h('', T2)] },
      limit: 20,
      entries: [
        { at: T2, decisionKey: null, reason: null, tier: null, leadScore: null, scoringVersion: null },
        { at: T1, decisionKey: 'dk1-a', reason: null, tier: null, leadScore: null, scoringVersion: null },
      ],
    },
    {
      name: 'the limit keeps the newest',
      history: { decision_key: [h('dk1-a', T1), h('dk1-b', T2), h('dk1-c', T3)] },
      limit: 2,
      entries: [
        { at: T3, decisionKey: 'dk1-c', reason: null, tier: null, leadScore: null, scoringVersion: null },
        { at: T2, decisionKey: 'dk1-b', reason: null, tier: null, leadScore: null, scoringVersion: null },
      ],
    },
    {
      name: 'the decision time comes from last_decision_at when present, else from the history entry',
      history: { decision_key: [h('dk1-a', T2)], last_decision_at: [h('2026-11-02T09:59:59.500Z', T2)] },
      limit: 20,
      entries: [{ at: '2026-11-02T09:59:59.500Z', decisionKey: 'dk1-a', reason: null, tier: null, leadScore: null, scoringVersion: null }],
    },
  ])('$name', ({ history, limit, entries }) => {
    expect(historyEntries(history, limit)).toEqual(entries);
  });
});
