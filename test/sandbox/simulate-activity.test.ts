// recordActivity: the sandbox's "Simulate activity" writes, straight into the emulator's store
// as HubSpot's tracking would (the behaviour properties are read-only through the API).
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EmulatorStore } from '../../local/emulator/store/emulator-store.ts';
import { PAGE_VIEWS_PER_VISIT, type ActivityKind } from '../../local/preview/backend.ts';
import { recordActivity, SANDBOX_FORM } from '../../lib/sandbox/preview-backend.ts';

const NOW = new Date('2026-11-27T08:00:00.000Z');
const BEHAVIOUR = ['hs_analytics_num_page_views', 'num_conversion_events', 'hs_analytics_last_visit_timestamp', 'recent_conversion_date'];

const opened: EmulatorStore[] = [];
afterEach(() => { for (const store of opened.splice(0)) store.close(); });

function storeWith(props: Record<string, string>) {
  const store = new EmulatorStore(':memory:');
  opened.push(store);
  // Created before any simulated activity, as in the sandbox (whose clock is the wall clock).
  const created = store.createObjectAsUser('contacts', { email: 'ada@acme.com', ...props }, { at: Date.parse('2026-01-01T00:00:00Z') });
  if (!created.ok) throw new Error(created.failure.message);
  const id = String(created.value.id);
  const behaviour = () => {
    const read = store.read('contacts', id, { properties: BEHAVIOUR, propertiesWithHistory: BEHAVIOUR });
    if (!read.ok) throw new Error(read.failure.message);
    return read.value;
  };
  return { store, id, behaviour };
}

describe('recordActivity', () => {
  it.each<[string, ActivityKind, Record<string, string>, Record<string, string | undefined>]>([
    ['a visit on a contact with no activity', 'page_views', {},
      { hs_analytics_num_page_views: String(PAGE_VIEWS_PER_VISIT), num_conversion_events: undefined, hs_analytics_last_visit_timestamp: NOW.toISOString(), recent_conversion_date: undefined }],
    ['a visit on an active contact', 'page_views', { hs_analytics_num_page_views: '12', num_conversion_events: '2', recent_conversion_date: '2026-10-01T00:00:00.000Z' },
      { hs_analytics_num_page_views: String(12 + PAGE_VIEWS_PER_VISIT), num_conversion_events: '2', hs_analytics_last_visit_timestamp: NOW.toISOString(), recent_conversion_date: '2026-10-01T00:00:00.000Z' }],
    ['a form submission, made during a visit', 'form_submission', { hs_analytics_num_page_views: '12', num_conversion_events: '2' },
      { hs_analytics_num_page_views: '12', num_conversion_events: '3', hs_analytics_last_visit_timestamp: NOW.toISOString(), recent_conversion_date: NOW.toISOString() }],
  ])('records %s', (_what, kind, before, expected) => {
    const { store, id, behaviour } = storeWith(before);
    const counts = recordActivity({ store, now: () => NOW }, id, kind);
    const after = behaviour();
    const shown = Object.fromEntries(BEHAVIOUR.map((name) => [name, after.properties[name] ?? undefined]));
    // Datetime values may come back in the emulator's own ISO form; compare instants.
    for (const name of ['hs_analytics_last_visit_timestamp', 'recent_conversion_date']) {
      if (shown[name]) shown[name] = new Date(shown[name]!).toISOString();
    }
    expect(shown).toEqual(expected);
    expect(counts).toEqual({ pageViews: Number(expected['hs_analytics_num_page_views'] ?? 0), formSubmissions: Number(expected['num_conversion_events'] ?? 0) });
  });

  it('writes as tracking, not as a person or the app, so property history tells them apart', () => {
    const { store, id, behaviour } = storeWith({ hs_analytics_num_page_views: '3' });
    recordActivity({ store, now: () => NOW }, id, 'page_views');
    expect(behaviour().propertiesWithHistory?.['hs_analytics_num_page_views']?.[0]).toMatchObject({ value: '8', sourceType: 'ANALYTICS', sourceId: 'lead-decisions-sandbox' });
  });

  it('leaves one dated history entry per step, newest first, with the conversion name for forms', () => {
    const { store, id } = storeWith({ hs_analytics_num_page_views: '2' });
    const steps: [ActivityKind, string][] = [['page_views', '2026-11-01T10:00:00.000Z'], ['form_submission', '2026-11-10T10:00:00.000Z'], ['page_views', '2026-11-20T10:00:00.000Z']];
    for (const [kind, at] of steps) recordActivity({ store, now: () => new Date(at) }, id, kind);
    const read = store.read('contacts', id, { properties: [], propertiesWithHistory: ['hs_analytics_num_page_views', 'num_conversion_events', 'recent_conversion_event_name'] });
    if (!read.ok) throw new Error(read.failure.message);
    const h = read.value.propertiesWithHistory!;
    expect(h['hs_analytics_num_page_views']!.slice(0, 2).map((e) => [e.value, e.timestamp])).toEqual([['12', '2026-11-20T10:00:00.000Z'], ['7', '2026-11-01T10:00:00.000Z']]);
    expect(h['num_conversion_events']!.map((e) => [e.value, e.timestamp, e.sourceType])).toEqual([['1', '2026-11-10T10:00:00.000Z', 'ANALYTICS']]);
    expect(h['recent_conversion_event_name']![0]).toMatchObject({ value: SANDBOX_FORM, timestamp: '2026-11-10T10:00:00.000Z' });
  });

  it('fails with a message naming a contact that does not exist', () => {
    const { store } = storeWith({});
    expect(() => recordActivity({ store, now: () => NOW }, '424242', 'page_views')).toThrowErrorMatchingInlineSnapshot(`[Error: Contact 424242 does not exist]`);
  });

  it('counts every recorded step, whatever the order of visits and forms', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom<ActivityKind>('page_views', 'form_submission'), { maxLength: 12 }), (kinds) => {
      const { store, id } = storeWith({ hs_analytics_num_page_views: '4', num_conversion_events: '1' });
      let counts = { pageViews: 4, formSubmissions: 1 };
      for (const kind of kinds) counts = recordActivity({ store, now: () => NOW }, id, kind);
      const visits = kinds.filter((k) => k === 'page_views').length;
      expect(counts).toEqual({ pageViews: 4 + visits * PAGE_VIEWS_PER_VISIT, formSubmissions: 1 + kinds.length - visits });
    }), { numRuns: 25 });
  });
});
