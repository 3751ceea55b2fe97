import { describe, expect, it } from 'vitest';
import { score, tierOf, type ScoreInputs } from '../../lib/core/score.ts';
import { DAY, NOW, testConfig } from './helpers.ts';

const config = testConfig();
const base: ScoreInputs = { pageViews: 0, formSubmissions: 0, lastActivityMs: null, persona: 'other', seniority: 'unknown', industry: null, employees: null };
const run = (over: Partial<ScoreInputs>) => score({ ...base, ...over }, config, NOW.getTime()).value;

describe('score', () => {
  it.each([
    // pageViews, forms, days since activity → intent
    [0, 0, null, 0],
    [1, 0, null, 3],
    [5, 0, null, 15],
    [100, 0, null, 35], // capped at 35
    [0, 1, null, 15],
    [0, 9, null, 35], // capped at 35
    [0, 0, 0, 30], // active now: full recency points
    [0, 0, 14, 15], // one half-life
    [0, 0, 28, 8], // two half-lives: 7.5 → 8
    [12, 2, 1, 35 + 30 + 29],
  ])('intent: %i views, %i forms, active %s days ago → %i', (pageViews, formSubmissions, days, expected) => {
    expect(run({ pageViews, formSubmissions, lastActivityMs: days === null ? null : NOW.getTime() - days * DAY }).intent).toBe(expected);
  });

  it.each([
    ['other', 'unknown', null, null, 4 + 5],
    ['executive', 'c_level', 'COMPUTER_SOFTWARE', 5000, 30 + 30 + 15 + 25],
    ['engineering', 'director', 'Computer Software', 250, 25 + 20 + 15 + 18],
    ['student', 'entry', 'Higher Education', 12, 0], // -20 + 0 + 2 + 5 clamps at 0
    ['finance', 'vp', 'Shipbuilding', 20000, 12 + 25 + 8 + 22], // manufacturing sector
  ] as const)('fit: %s / %s / %s / %s employees → %i', (persona, seniority, industry, employees, expected) => {
    expect(run({ persona, seniority, industry, employees }).fit).toBe(expected);
  });

  it.each([
    [65, 'high'], [64, 'medium'], [40, 'medium'], [39, 'low'], [0, 'low'], [100, 'high'],
  ] as const)('tier of lead score %i is %s', (lead, tier) => {
    expect(tierOf(lead, config)).toBe(tier);
  });

  it('keeps the named parts, which add up to the scores', () => {
    const s = run({ pageViews: 12, formSubmissions: 2, lastActivityMs: NOW.getTime() - 3 * DAY, persona: 'engineering', seniority: 'director', industry: 'INTERNET', employees: 1200 });
    expect(s.parts).toMatchInlineSnapshot(`
      {
        "fit": {
          "1,200 employees": 25,
          "Internet industry": 12,
          "director seniority": 20,
          "engineering persona": 25,
        },
        "intent": {
          "12 page views": 35,
          "2 form submissions": 30,
          "last active 3 days ago": 26,
        },
      }
    `);
    expect(s.intent).toBe(91);
    expect(s.fit).toBe(82);
    expect(s.lead).toBe(Math.round(0.5 * 91 + 0.5 * 82));
    expect(s.tier).toBe('high');
  });

  it('explains itself in sentences', () => {
    const r = score({ ...base, pageViews: 4, persona: 'marketing', seniority: 'manager', employees: 80 }, config, NOW.getTime());
    expect(r.reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "score_intent",
          "message": "Intent 12: 4 page views (+12).",
        },
        {
          "code": "score_fit",
          "message": "Fit 36: manager seniority (+12), marketing persona (+10), 80 employees (+10).",
        },
        {
          "code": "tier_low",
          "message": "Lead score 24 is below 40, so the tier is low.",
        },
      ]
    `);
  });

  it.each([
    [999, '999 employees'], [1005, '1,005 employees'], [20000, '20,000 employees'], [1234567, '1,234,567 employees'],
  ])('labels %i employees as "%s"', (employees, label) => {
    expect(Object.keys(run({ employees }).parts.fit)).toContain(label);
  });

  it('treats activity in the future (clock skew) as now', () => {
    expect(run({ lastActivityMs: NOW.getTime() + 5 * DAY }).intent).toBe(30);
  });

  it('honours a configured half-life', () => {
    const slow = testConfig((c) => { c.scoring.intent.recency.halfLifeDays = 28; });
    expect(score({ ...base, lastActivityMs: NOW.getTime() - 28 * DAY }, slow, NOW.getTime()).value.intent).toBe(15);
  });
});
