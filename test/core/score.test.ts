import { describe, expect, it } from 'vitest';
import type { Activity, ActivityEvent } from '../../lib/core/activity.ts';
import { score, tierOf, type ScoreInputs } from '../../lib/core/score.ts';
import { DAY, NOW, testConfig } from './helpers.ts';

const config = testConfig();
const now = NOW.getTime();
const ev = (signal: ActivityEvent['signal'], daysAgo: number, count = 1, name: string | null = null): ActivityEvent => ({ signal, atMs: now - daysAgo * DAY, count, name });
const activity = (...events: ActivityEvent[]): Activity => ({ events, lastMs: events.length ? Math.max(...events.map((e) => e.atMs)) : null, future: 0, dated: true });
const base: ScoreInputs = { activity: activity(), persona: 'other', seniority: 'unknown', industry: null, employees: null };
const run = (over: Partial<ScoreInputs>) => score({ ...base, ...over }, config, now).value;
const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);

describe('score: intent from dated activity', () => {
  // 100 × (1 − e^(−raw/60)), raw = Σ count × points × 0.5^(age / half-life)
  it.each([
    ['nothing', 0, []],
    ['1 page view today', 5, [ev('page_view', 0)]], // raw 3
    ['12 page views today', 45, [ev('page_view', 0, 12)]], // raw 36
    ['12 page views one half-life ago (14 d)', 26, [ev('page_view', 14, 12)]], // raw 18
    ['12 page views two half-lives ago', 14, [ev('page_view', 28, 12)]], // raw 9
    ['12 page views a year ago', 0, [ev('page_view', 365, 12)]],
    ['a demo request today', 44, [ev('form', 0, 1, 'Demo request')]], // raw 35
    ['a pricing form today', 39, [ev('form', 0, 1, 'Pricing page form')]], // raw 30
    ['a newsletter signup today', 3, [ev('form', 0, 1, 'Newsletter signup')]], // raw 2
    ['an unnamed form today', 18, [ev('form', 0)]], // raw 12
    ['an unknown form name today', 18, [ev('form', 0, 1, 'Partner kit')]], // default form points
    ['a meeting booked today', 39, [ev('meeting', 0)]], // raw 30
    ['an email reply 21 days ago', 12, [ev('email_reply', 21)]], // raw 7.5
    ['500 views and 30 forms this week', 100, [ev('page_view', 2, 500), ev('form', 2, 30)]],
  ] as const)('%s → intent %i', (_name, expected, events) => {
    expect(run({ activity: activity(...events) }).intent).toBe(expected);
  });

  it.each([
    ['500 views/30 forms beat 12 views/3 forms', [ev('page_view', 2, 500), ev('form', 2, 30)], [ev('page_view', 2, 12), ev('form', 2, 3)]],
    ['a demo request beats a newsletter signup', [ev('form', 1, 1, 'Request a demo')], [ev('form', 1, 1, 'Newsletter signup')]],
    ['a contact-sales form beats an e-book download', [ev('form', 1, 1, 'Contact sales')], [ev('form', 1, 1, 'Ebook: API guide')]],
    ['a view today beats the same view last month', [ev('page_view', 0, 5)], [ev('page_view', 30, 5)]],
  ] as const)('%s', (_name, more, less) => {
    expect(run({ activity: activity(...more) }).intent).toBeGreaterThan(run({ activity: activity(...less) }).intent);
  });

  it('shares the intent among the activity groups so the parts add up', () => {
    const s = run({ activity: activity(ev('page_view', 0, 3), ev('page_view', 2, 9), ev('form', 3, 1, 'Demo request'), ev('page_view', 150, 40)) });
    expect(s.parts.intent).toMatchInlineSnapshot(`
      {
        "3 page views today": 9,
        "9 page views this week": 25,
        "demo request this week": 33,
      }
    `);
    expect(sum(s.parts.intent)).toBe(s.intent);
  });

  it('explains dated activity in sentences', () => {
    const r = score({ ...base, activity: activity(ev('form', 40, 2, 'Pricing request'), ev('page_view', 3, 4)), persona: 'marketing', seniority: 'manager', employees: 80 }, config, now);
    expect(r.reasons.map((x) => x.message)).toMatchInlineSnapshot(`
      [
        "Intent 43: 2 pricing requests 1 month ago (+30), 4 page views this week (+13).",
        "Fit 36: Manager (+12), Marketing persona (+10), 80 employees (+10), unknown industry (+4).",
        "Lead score 40 is between 40 and 64, so the tier is medium.",
      ]
    `);
  });

  it('says how old the activity is when it earns nothing', () => {
    const r = score({ ...base, activity: activity(ev('page_view', 5 * 30 + 3, 15)) }, config, now);
    expect(r.reasons[0]!.message).toMatchInlineSnapshot(`"Intent 0: last active 5 months ago, too long ago to earn points."`);
  });

  it('reports dates in the future as ignored', () => {
    const r = score({ ...base, activity: { events: [], lastMs: null, future: 2, dated: true } }, config, now);
    expect(r.reasons[0]!.message).toMatchInlineSnapshot(`"Intent 0: no dated activity (2 dates in the future ignored)."`);
  });

  it('honours a configured half-life', () => {
    const slow = testConfig((c) => { c.scoring.intent.signals.page_view.halfLifeDays = 28; });
    const views = activity(ev('page_view', 28, 12));
    expect(score({ ...base, activity: views }, slow, now).value.intent).toBe(run({ activity: activity(ev('page_view', 14, 12)) }).intent);
  });

  it('honours a configured conversion weight', () => {
    const heavy = testConfig((c) => { c.scoring.intent.conversions.find((r) => r.id === 'newsletter')!.points = 35; });
    const form = activity(ev('form', 0, 1, 'Newsletter signup'));
    expect(score({ ...base, activity: form }, heavy, now).value.intent).toBe(run({ activity: activity(ev('form', 0, 1, 'Demo request')) }).intent);
  });
});

describe('score: fit', () => {
  it.each([
    ['other', 'unknown', null, null, 4 + 5],
    ['executive', 'c_level', 'COMPUTER_SOFTWARE', 5000, 30 + 30 + 15 + 25],
    ['engineering', 'director', 'Computer Software', 250, 25 + 20 + 15 + 18],
    ['student', 'entry', 'Higher Education', 12, 0], // -20 + 0 + 2 + 5 floors at 0
    ['finance', 'vp', 'Shipbuilding', 20000, 12 + 25 + 8 + 22], // manufacturing sector
  ] as const)('fit: %s / %s / %s / %s employees → %i', (persona, seniority, industry, employees, expected) => {
    const s = run({ persona, seniority, industry, employees });
    expect(s.fit).toBe(expected);
    expect(sum(s.parts.fit)).toBe(s.fit);
  });

  it('lists every driver with labels, so the reason adds up', () => {
    const r = score({ ...base, persona: 'executive', seniority: 'c_level', industry: 'FINANCIAL_SERVICES', employees: 6478 }, config, now);
    expect(r.reasons[1]!.message).toMatchInlineSnapshot(`"Fit 97: Executive persona (+30), C-level (+30), 6,478 employees (+25), Financial services industry (+12)."`);
  });

  it('shows a floor as its own part', () => {
    const r = score({ ...base, persona: 'student', seniority: 'entry', industry: 'HIGHER_EDUCATION', employees: 12 }, config, now);
    expect(r.reasons[1]!.message).toMatchInlineSnapshot(`"Fit 0: Student persona (-20), floored at 0 (+13), 12 employees (+5), Higher education industry (+2)."`);
  });

  it.each([
    [999, '999 employees'], [1005, '1,005 employees'], [20000, '20,000 employees'], [1234567, '1,234,567 employees'],
  ])('labels %i employees as "%s"', (employees, label) => {
    expect(Object.keys(run({ employees }).parts.fit)).toContain(label);
  });
});

describe('score: tier', () => {
  it.each([
    [65, 'high'], [64, 'medium'], [40, 'medium'], [39, 'low'], [0, 'low'], [100, 'high'],
  ] as const)('tier of lead score %i is %s', (lead, tier) => {
    expect(tierOf(lead, config)).toBe(tier);
  });
});
