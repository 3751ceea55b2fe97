// The dated side of the seed and of the store: activity histories that add up to today's counters,
// stage-entry dates kept on every lifecycle write, two rule versions, deal-stage histories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';
import { EmulatorStore, seedStore } from '../../local/emulator/index.ts';
import { CUTOVER_DAYS } from '../../local/emulator/seed/history.ts';

const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const VERSIONS = { previous: '2026.8.1+aaaaaaa', current: '2026.11.1+bbbbbbb' };
let s: EmulatorStore;
type Props = Record<string, string>;
let contacts: { id: number; p: Props }[];

beforeAll(() => {
  s = new EmulatorStore(':memory:');
  seedStore(s, { seed: 3, contacts: 1500, now: NOW, ownersConfig: '/nonexistent/decisions.json', scoringVersions: VERSIONS });
  contacts = (s.db.prepare("SELECT id, props FROM objects WHERE type = 'contacts' ORDER BY id").all() as { id: number; props: string }[])
    .map((r) => ({ id: r.id, p: JSON.parse(r.props) as Props }));
});
afterAll(() => s.close());

const history = (id: number, name: string) =>
  s.db.prepare('SELECT value, ts, source_type FROM history WHERE id = ? AND name = ? ORDER BY ts, seq').all(id, name) as { value: string; ts: number; source_type: string }[];

describe('seeded activity history', () => {
  it('gives every engaged contact a dated ANALYTICS history of page views and forms that ends at today\'s counters', () => {
    const engaged = contacts.filter((c) => Number(c.p.hs_analytics_num_page_views) > 0);
    expect(engaged.length).toBeGreaterThan(500);
    for (const { id, p } of engaged) {
      const views = history(id, 'hs_analytics_num_page_views');
      expect(views.at(-1)!.value).toBe(p.hs_analytics_num_page_views);
      expect(views.at(-1)!.ts).toBe(Date.parse(p.hs_analytics_last_visit_timestamp!));
      expect(views.every((h, i) => h.source_type === 'ANALYTICS' && (i === 0 || Number(h.value) > Number(views[i - 1]!.value)))).toBe(true);
      expect(views[0]!.ts).toBeGreaterThanOrEqual(Date.parse(p.createdate!));
    }
    const converted = contacts.filter((c) => Number(c.p.num_conversion_events) > 1);
    for (const { id, p } of converted) {
      const forms = history(id, 'num_conversion_events');
      const names = history(id, 'recent_conversion_event_name');
      expect(forms.at(-1)!.value).toBe(p.num_conversion_events);
      expect(names.map((n) => n.ts)).toEqual(forms.map((f) => f.ts));
      expect(names.at(-1)!.value).toBe(p.recent_conversion_event_name);
    }
  });

  it('spans several months, so activity decays for real', () => {
    const stamps = s.db.prepare("SELECT ts FROM history WHERE name = 'hs_analytics_num_page_views'").pluck().all() as number[];
    const monthsBack = new Set(stamps.map((t) => Math.floor((NOW - t) / (30 * DAY))).filter((m) => m >= 0 && m < 12));
    expect(monthsBack.size).toBeGreaterThanOrEqual(6);
  });

  it('seeds history for every activity property the engine scores, email and meetings included', () => {
    const names = new Set(s.db.prepare('SELECT DISTINCT name FROM history').pluck().all() as string[]);
    for (const name of ACTIVITY_HISTORY_PROPERTIES) expect(names).toContain(name);
  });

  it('reads back through propertiesWithHistory newest first', () => {
    const { id } = contacts.find((c) => Number(c.p.hs_analytics_num_page_views) > 20)!;
    const view = s.read('contacts', String(id), { properties: [], propertiesWithHistory: ['hs_analytics_num_page_views'] });
    if (!view.ok) throw new Error(view.failure.message);
    const entries = view.value.propertiesWithHistory!['hs_analytics_num_page_views']!;
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.map((e) => e.timestamp)).toEqual([...entries.map((e) => e.timestamp)].sort().reverse());
  });
});

describe('seeded funnel data', () => {
  it('dates every stage a contact passed through, in funnel order', () => {
    const order = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
    const customers = contacts.filter((c) => c.p.lifecyclestage === 'customer');
    expect(customers.length).toBeGreaterThan(20);
    for (const { p } of customers) {
      const dates = order.map((st) => p[`hs_v2_date_entered_${st}`]).filter((d): d is string => d !== undefined).map(Date.parse);
      expect(dates.length).toBeGreaterThanOrEqual(5);
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      expect(dates.at(-1)!).toBeLessThanOrEqual(NOW);
    }
  });

  it('has first decisions by two rule versions split at the cut-over, with campaigns on paid sources', () => {
    const decided = contacts.filter((c) => c.p.scoring_version);
    const before = decided.filter((c) => Date.parse(c.p.createdate!) < NOW - CUTOVER_DAYS * DAY);
    expect(new Set(before.map((c) => c.p.scoring_version))).toEqual(new Set([VERSIONS.previous]));
    expect(new Set(decided.filter((c) => !before.includes(c)).map((c) => c.p.scoring_version))).toEqual(new Set([VERSIONS.current]));
    expect(before.length).toBeGreaterThan(100);
    expect(decided.length - before.length).toBeGreaterThan(100);
    const { id, p } = decided[0]!;
    expect(history(id, 'scoring_version')).toEqual([{ value: p.scoring_version, ts: Date.parse(p.last_decision_at!), source_type: 'INTEGRATION' }]);
    expect(contacts.filter((c) => c.p.hs_analytics_source === 'PAID_SEARCH').every((c) => c.p.hs_analytics_source_data_1)).toBe(true);
    expect(contacts.some((c) => c.p.hs_analytics_source === undefined)).toBe(true);
  });

  it('gives deals a stage history from creation to close', () => {
    const deals = s.db.prepare("SELECT id, props FROM objects WHERE type = 'deals'").all() as { id: number; props: string }[];
    for (const d of deals) {
      const p = JSON.parse(d.props) as Props;
      const stages = history(d.id, 'dealstage');
      expect(stages.at(-1)!.value).toBe(p.dealstage);
      expect(stages[0]!.ts).toBe(Date.parse(p.createdate!));
      if (p.dealstage === 'closedwon') {
        expect(stages.length).toBe(6);
        expect(p.hs_is_closed_won).toBe('true');
        expect(Date.parse(p.createdate!)).toBeLessThan(Date.parse(p.closedate!));
      }
    }
  });
});

describe('lifecycle stage-entry dates on writes', () => {
  it('stamps the date a contact enters a stage, keeps the first entry, and respects an explicit date', () => {
    let clock = NOW;
    const store = new EmulatorStore(':memory:', () => clock);
    try {
      const created = store.create('contacts', { email: 'a@b.com', lifecyclestage: 'lead' });
      if (!created.ok) throw new Error(created.failure.message);
      const id = created.value.id;
      clock += DAY;
      store.update('contacts', id, { lifecyclestage: 'marketingqualifiedlead' });
      clock += DAY;
      store.update('contacts', id, { lifecyclestage: 'lead' });
      store.update('contacts', id, { lifecyclestage: 'marketingqualifiedlead' });
      const p = store.getContact(id)!.properties;
      expect(p['hs_v2_date_entered_lead']).toBe(new Date(NOW).toISOString());
      expect(p['hs_v2_date_entered_marketingqualifiedlead']).toBe(new Date(NOW + DAY).toISOString());
      const explicit = store.createObjectAsUser('contacts', { email: 'c@d.com', lifecyclestage: 'customer', hs_v2_date_entered_customer: '2026-01-01T00:00:00.000Z' });
      if (!explicit.ok) throw new Error(explicit.failure.message);
      expect(explicit.value.properties['hs_v2_date_entered_customer']).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      store.close();
    }
  });

  it('refuses the stage-entry dates through the API, as read-only properties', () => {
    const store = new EmulatorStore(':memory:');
    try {
      const r = store.create('contacts', { email: 'x@y.com', hs_v2_date_entered_lead: '2026-01-01T00:00:00Z' });
      expect(r.ok).toBe(false);
    } finally {
      store.close();
    }
  });
});
