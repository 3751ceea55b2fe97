// Properties of scores that age: no new activity never brings a new task or a higher intent,
// more recent activity never scores lower, and every reason's numbers add up to its score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity, ActivityEvent } from '../../lib/core/activity.ts';
import { intentOf } from '../../lib/core/intent.ts';
import { decide } from '../../lib/core/pipeline.ts';
import type { DecisionInput, PropertyHistoryMap } from '../../lib/core/types.ts';
import { messyInput } from './arbitraries.ts';
import { DAY, NOW, testConfig } from './helpers.ts';

const config = testConfig();
const now = NOW.getTime();
const runs = { numRuns: 60 };

const signal = fc.constantFrom<ActivityEvent['signal']>('page_view', 'form', 'email_click', 'email_reply', 'meeting');
const formName = fc.constantFrom('Demo request', 'Pricing', 'Contact sales', 'Newsletter signup', 'Ebook', 'Partner kit', null);
const event = fc.record({ signal, ageDays: fc.double({ min: 0, max: 400, noNaN: true }), count: fc.integer({ min: 1, max: 50 }), name: formName })
  .map(({ signal: s, ageDays, count, name }): ActivityEvent => ({ signal: s, atMs: now - ageDays * DAY, count, name: s === 'form' ? name : null }));
const activityOfEvents = (events: ActivityEvent[]): Activity => ({ events, lastMs: null, future: 0, dated: true });

/** A dated history, newest first, with entries up to 60 days old. */
const history: fc.Arbitrary<PropertyHistoryMap> = fc.record({
  views: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
  forms: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom('Demo request', 'Newsletter signup', 'Pricing', 'Webinar')), { maxLength: 4 }),
  meetings: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 2 }),
}).map(({ views, forms, meetings }) => {
  const at = (days: number) => new Date(now - days * DAY - 3_600_000).toISOString();
  const desc = <T>(xs: T[], age: (x: T) => number) => [...xs].sort((a, b) => age(a) - age(b));
  let total = views.length * 3;
  const pv = desc(views, (d) => d).map((d) => ({ value: String((total -= 3) + 3), timestamp: at(d) }));
  const sortedForms = desc(forms, ([d]) => d);
  let n = sortedForms.length;
  return {
    hs_analytics_num_page_views: pv,
    num_conversion_events: sortedForms.map(([d]) => ({ value: String(n--), timestamp: at(d) })),
    recent_conversion_event_name: sortedForms.map(([d, name]) => ({ value: name, timestamp: at(d) })),
    engagements_last_meeting_booked: desc(meetings, (d) => d).map((d) => ({ value: at(d), timestamp: at(d) })),
  };
});

const contact = fc.record({
  jobtitle: fc.constantFrom('CEO', 'VP Engineering', 'Director of Data', 'Engineer', 'Student'),
  employees: fc.constantFrom('20', '800', '6478', ''),
  owner: fc.constantFrom('101', ''),
  history,
}).map(({ jobtitle, employees, owner, history: h }): DecisionInput => ({
  id: '77',
  properties: { email: 'pat@acme.com', jobtitle, country: 'United States', hubspot_owner_id: owner },
  propertiesWithHistory: h,
  company: { properties: { domain: 'acme.com', industry: 'COMPUTER_SOFTWARE', numberofemployees: employees } },
}));

describe('scores that age (properties)', () => {
  it('re-deciding daily for 90 days with no new activity gives at most one task and never a higher intent', () => {
    fc.assert(fc.property(contact, (input) => {
      let props = { ...input.properties };
      let lastNotifiedAt: string | null = null;
      let tasks = 0;
      let previousIntent = Infinity;
      for (let day = 0; day < 90; day++) {
        const d = decide({ ...input, properties: props, context: { lastNotifiedAt } }, config, new Date(now + day * DAY));
        tasks += d.sideEffects.length;
        if (d.sideEffects.length > 0) lastNotifiedAt = d.decidedAt;
        expect(d.score.value.intent).toBeLessThanOrEqual(previousIntent);
        previousIntent = d.score.value.intent;
        props = { ...props, ...d.writePlan };
      }
      expect(tasks).toBeLessThanOrEqual(1);
    }), { numRuns: 25 });
  });

  it('intent never drops when activity is added', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 8 }), event, (events, extra) => {
      expect(intentOf(activityOfEvents([...events, extra]), config, now).intent).toBeGreaterThanOrEqual(intentOf(activityOfEvents(events), config, now).intent);
    }), runs);
  });

  it('intent never rises as the same activity ages', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 8 }), fc.double({ min: 0, max: 365, noNaN: true }), (events, days) => {
      const a = activityOfEvents(events);
      expect(intentOf(a, config, now + days * DAY).intent).toBeLessThanOrEqual(intentOf(a, config, now).intent);
    }), runs);
  });

  it('intent parts always add up to the intent score', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 12 }), (events) => {
      const r = intentOf(activityOfEvents(events), config, now);
      expect(r.parts.reduce((s, p) => s + p.points, 0)).toBe(r.intent);
    }), runs);
  });

  it('the numbers in every reason add up to its score', () => {
    const points = (text: string) => [...text.matchAll(/\(([+-]\d+)\)/g)].reduce((s, m) => s + Number(m[1]), 0);
    fc.assert(fc.property(fc.oneof(messyInput, contact), (input) => {
      const d = decide(input, config, NOW);
      const { intent, fit } = d.score.value;
      const message = (code: string) => d.reasons.find((r) => r.code === code)!.message;
      expect(points(message('score_intent'))).toBe(intent);
      expect(points(message('score_fit'))).toBe(fit);
      const [intentPart, fitPart] = d.audit.value.reason.split('; fit from ');
      expect(points(intentPart!.split('Intent from ')[1]!)).toBe(intent);
      if (!d.audit.value.reason.endsWith('…')) expect(points(fitPart!.split('. Owner')[0]!)).toBe(fit);
    }), { numRuns: 150 });
  });
});
