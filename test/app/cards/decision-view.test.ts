import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_PROPERTIES, TIERS } from '../../../src/app/cards/contract.ts';
import { formatDecidedAt, formatScore, humanize, readCardState, readDecision } from '../../../src/app/cards/decision-view.ts';
import { NEVER_SCORED, storedProperties } from './fixtures.ts';

describe('readCardState', () => {
  it.each([
    ['loading wins over anything else', { properties: storedProperties('high'), isLoading: true, error: null }, 'loading'],
    ['an error', { properties: {}, isLoading: false, error: new Error('boom') }, 'error'],
    ['no tier and no lead score', { properties: NEVER_SCORED, isLoading: false, error: null }, 'never_scored'],
    ['empty strings count as missing', { properties: { routing_tier: '', lead_score: ' ' }, isLoading: false, error: null }, 'never_scored'],
    ['a tier without a score', { properties: { routing_tier: 'low' }, isLoading: false, error: null }, 'scored'],
    ['a score without a tier', { properties: { lead_score: '40' }, isLoading: false, error: null }, 'scored'],
  ])('%s', (_name, result, kind) => {
    expect(readCardState(result).kind).toBe(kind);
  });

  it('keeps the error message for the rep, with a fallback for an empty one', () => {
    expect(readCardState({ properties: {}, isLoading: false, error: new Error('Missing scope') })).toEqual({ kind: 'error', message: 'Missing scope' });
    expect(readCardState({ properties: {}, isLoading: false, error: new Error('') })).toEqual({ kind: 'error', message: 'HubSpot did not return the contact properties.' });
  });

  it('never throws and never invents a tier, whatever strings HubSpot hands over', () => {
    const values = fc.option(fc.oneof(fc.string(), fc.constantFrom(...TIERS, '42', '-1', 'NaN', '1e3')), { nil: null });
    const properties = fc.record(Object.fromEntries(CARD_PROPERTIES.map((name) => [name, values])) as Record<string, fc.Arbitrary<string | null>>);
    fc.assert(fc.property(properties, (props) => {
      const decision = readDecision(props);
      expect(decision.tier === null || TIERS.includes(decision.tier)).toBe(true);
      for (const score of [decision.intentScore, decision.fitScore, decision.leadScore]) {
        expect(score === null || Number.isFinite(score)).toBe(true);
      }
    }));
  });

  it('shows the stored reason verbatim', () => {
    const reason = '  Tier high: 3 pricing-page visits — VP Eng @ acme.com  ';
    expect(readDecision({ last_decision_reason: reason }).reason).toBe(reason);
  });
});

describe('formatting', () => {
  it.each([
    ['2026-11-20T09:30:00.000Z', '20 Nov 2026, 09:30:00 UTC'],
    ['2026-11-20T09:30:07.000Z', '20 Nov 2026, 09:30:07 UTC'],
    ['1763631000000', '20 Nov 2025, 09:30:00 UTC'],
    [null, 'never'],
    ['not a date', 'not a date'],
  ])('formatDecidedAt(%s) = %s', (value, expected) => {
    expect(formatDecidedAt(value)).toBe(expected);
  });

  it.each([[null, '—'], [0, '0'], [77.5, '78'], [100, '100']])('formatScore(%s) = %s', (value, expected) => {
    expect(formatScore(value)).toBe(expected);
  });

  it.each([['page_views', 'Page views'], ['companySize', 'Company size'], ['recency', 'Recency']])('humanize(%s) = %s', (key, expected) => {
    expect(humanize(key)).toBe(expected);
  });
});
