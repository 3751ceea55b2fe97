// The pure report: figures that must add up whatever the records, and the edges (no spend, no leads).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, channelOf, DEFAULT_ATTRIBUTION, UNDECIDED, type ReportContact, type ReportDeal } from '../../lib/services/report.ts';

const FROM = Date.UTC(2026, 9, 1);
const TO = Date.UTC(2026, 10, 1);
const H = 3_600_000;

const contact = fc.record({
  id: fc.integer({ min: 1, max: 60 }).map(String),
  createdAt: fc.option(fc.integer({ min: FROM - 40 * 24 * H, max: TO + 10 * 24 * H }), { nil: null }),
  source: fc.option(fc.constantFrom('PAID_SEARCH', 'ORGANIC_SEARCH', 'OFFLINE', 'DIRECT_TRAFFIC', 'SOMETHING_NEW'), { nil: null }),
  campaign: fc.option(fc.constantFrom('partner-x', 'brand'), { nil: null }),
  stageEntered: fc.dictionary(fc.constantFrom('lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer'), fc.integer({ min: FROM - 10 * 24 * H, max: TO + 10 * 24 * H })),
  firstDecision: fc.option(fc.record({ at: fc.integer({ min: FROM - 40 * 24 * H, max: TO }), version: fc.constantFrom('v1', 'v2'), tier: fc.option(fc.constantFrom('high', 'medium', 'low'), { nil: null }) }), { nil: null }),
  firstResponseAt: fc.option(fc.integer({ min: FROM - 40 * 24 * H, max: TO + 24 * H }), { nil: null }),
  filledFields: fc.integer({ min: 0, max: 7 }),
  expectedFields: fc.constant(7),
}) as fc.Arbitrary<ReportContact>;
const deal = fc.record({
  id: fc.uuid(), amount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), stage: fc.constantFrom('closedwon', 'closedlost', 'contractsent'),
  closedAt: fc.option(fc.integer({ min: FROM - 5 * 24 * H, max: TO + 5 * 24 * H }), { nil: null }), contactIds: fc.array(fc.integer({ min: 1, max: 60 }).map(String), { maxLength: 3 }),
}) as fc.Arbitrary<ReportDeal>;

describe('buildReport', () => {
  it('splits leads, revenue and spend across versions without losing or inventing any', () => {
    fc.assert(fc.property(fc.uniqueArray(contact, { selector: (c) => c.id, maxLength: 40 }), fc.array(deal, { maxLength: 15 }), fc.integer({ min: 0, max: 1_000_000 }), (contacts, deals, spend) => {
      const r = buildReport(contacts, deals, { from: FROM, to: TO, spend });
      const sum = (f: (v: (typeof r.byVersion)[number]) => number) => r.byVersion.reduce((n, v) => n + f(v), 0);
      expect(sum((v) => v.leads)).toBe(r.total.leads);
      expect(sum((v) => v.wonRevenue)).toBe(r.total.wonRevenue);
      expect(sum((v) => v.attributedRevenue)).toBe(r.total.attributedRevenue);
      if (r.total.leads > 0) expect(Math.abs(sum((v) => v.spendShare) - spend)).toBeLessThan(0.01 * r.byVersion.length + 1e-9);
      for (const v of [r.total, ...r.byVersion]) {
        expect(v.attributedRevenue).toBeLessThanOrEqual(v.wonRevenue);
        for (const rate of [v.leadToMql, v.mqlToSql, v.completeness, v.attributionCoverage]) {
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        }
        expect(v.firstResponse.count + v.firstResponse.unanswered).toBe(v.firstResponse.highTierLeads);
        expect(v.reachedSql).toBeLessThanOrEqual(v.leads);
      }
    }), { numRuns: 150 });
  });

  it.each([
    ['no spend', 0, [{ id: 'd', amount: 500, stage: 'closedwon', closedAt: FROM + H, contactIds: ['1'] }], { mer: null, attributedRevenue: 500 }],
    ['no won deals', 1000, [], { mer: 0, wonRevenue: 0, attributionCoverage: null }],
    ['a deal outside the period', 1000, [{ id: 'd', amount: 500, stage: 'closedwon', closedAt: TO, contactIds: ['1'] }], { wonDeals: 0 }],
    ['a deal with no contact', 1000, [{ id: 'd', amount: 500, stage: 'closedwon', closedAt: FROM, contactIds: [] }], { wonRevenue: 500, attributedRevenue: 0, attributionCoverage: 0 }],
  ] as const)('%s', (_name, spend, deals, expected) => {
    const lead: ReportContact = { id: '1', createdAt: FROM + H, source: 'PAID_SEARCH', campaign: null, stageEntered: {}, firstDecision: null, firstResponseAt: null, filledFields: 7, expectedFields: 7 };
    const r = buildReport([lead], deals as unknown as ReportDeal[], { from: FROM, to: TO, spend });
    expect(r.total).toMatchObject(expected);
    expect(r.byVersion.map((v) => v.version)).toEqual([UNDECIDED]);
  });

  it('reports nothing but zeros for an empty portal', () => {
    const r = buildReport([], [], { from: FROM, to: TO, spend: 100 });
    expect(r.total).toMatchObject({ leads: 0, leadToMql: null, mqlToSql: null, completeness: null, mer: 0, routingLatency: { count: 0, medianHours: null, p90Hours: null } });
    expect(r.byVersion).toEqual([]);
  });
});

describe('channelOf', () => {
  it.each([
    [{ source: 'PAID_SEARCH', campaign: null }, 'paid'],
    [{ source: 'OFFLINE', campaign: 'Partner-Berlin' }, 'partners'],
    [{ source: 'OFFLINE', campaign: 'partnerless' }, 'sales'],
    [{ source: 'SOMETHING_NEW', campaign: null }, null],
    [{ source: null, campaign: null }, null],
  ])('%j → %j', (c, channel) => {
    expect(channelOf(c, { ...DEFAULT_ATTRIBUTION, campaigns: { 'partner-': 'partners' } })).toBe(channel);
  });
});
