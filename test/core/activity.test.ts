import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityOf, historyTime, type ActivityEvent } from '../../lib/core/activity.ts';
import type { PropertyHistoryMap, PropertyMap } from '../../lib/core/types.ts';
import { DAY, NOW } from './helpers.ts';

const now = NOW.getTime();
const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
const h = (...entries: [string | null, number][]) => entries.map(([value, days]) => ({ value, timestamp: iso(days), sourceType: 'ANALYTICS' }));
const brief = (events: ActivityEvent[]) => events.map((e) => `${e.signal}${e.name ? `:${e.name}` : ''} ×${e.count} @${Math.round((now - e.atMs) / DAY)}d`).sort();

describe('activityOf: dated events from property history', () => {
  it.each<[string, PropertyMap, PropertyHistoryMap | undefined, string[]]>([
    ['each rise of a counter is a dated increment', {}, { hs_analytics_num_page_views: h(['12', 1], ['9', 10], ['2', 40]) }, ['page_view ×2 @40d', 'page_view ×3 @1d', 'page_view ×7 @10d']],
    ['a counter that falls or repeats adds nothing', {}, { hs_email_click: h(['3', 1], ['3', 2], ['5', 3], ['1', 9]) }, ['email_click ×1 @9d', 'email_click ×4 @3d']],
    ['a named form is one submission, paired with its counter rise', {}, {
      num_conversion_events: h(['2', 1], ['1', 30]),
      recent_conversion_event_name: h(['Demo request', 1], ['Newsletter signup', 30]),
    }, ['form:Demo request ×1 @1d', 'form:Newsletter signup ×1 @30d']],
    ['counter rises without a name are plain forms', {}, { num_conversion_events: h(['3', 2]), recent_conversion_event_name: h(['Pricing', 2]) }, ['form ×2 @2d', 'form:Pricing ×1 @2d']],
    ['a name without a counter still counts once', {}, { recent_conversion_event_name: h(['Contact sales', 4]) }, ['form:Contact sales ×1 @4d']],
    ['meetings from the last-meeting date history', {}, { engagements_last_meeting_booked: [{ value: iso(3), timestamp: iso(3) }, { value: iso(3), timestamp: iso(3) }, { value: iso(50), timestamp: iso(50) }] }, ['meeting ×1 @3d', 'meeting ×1 @50d']],
    ['email replies', {}, { hs_email_replied: h(['2', 0], ['1', 6]) }, ['email_reply ×1 @0d', 'email_reply ×1 @6d']],
  ])('%s', (_n, props, history, expected) => {
    expect(brief(activityOf(props, history, now).events)).toEqual([...expected].sort());
  });

  it.each<[string, PropertyMap, string[]]>([
    ['lifetime views dated at the last visit', { hs_analytics_num_page_views: '15', hs_analytics_last_visit_timestamp: iso(1000) }, ['page_view ×15 @1000d']],
    ['lifetime forms dated at the last conversion, the newest named', { num_conversion_events: '3', recent_conversion_date: iso(20), recent_conversion_event_name: 'Demo request' }, ['form ×2 @20d', 'form:Demo request ×1 @20d']],
    ['views with only a conversion date take that date', { hs_analytics_num_page_views: '4', recent_conversion_date: iso(8) }, ['page_view ×4 @8d']],
    ['counts with no date at all earn nothing', { hs_analytics_num_page_views: '40', num_conversion_events: '5' }, []],
    ['a last visit in 2099 is unknown, not today', { hs_analytics_num_page_views: '30', hs_analytics_last_visit_timestamp: '2099-01-01T00:00:00Z' }, []],
  ])('without history: %s', (_n, props, expected) => {
    expect(brief(activityOf(props, undefined, now).events)).toEqual([...expected].sort());
  });

  it('ignores and counts history dated in the future', () => {
    const a = activityOf({}, { hs_analytics_num_page_views: [{ value: '50', timestamp: '2099-01-01T00:00:00.000Z' }, { value: '5', timestamp: iso(2) }] }, now);
    expect(brief(a.events)).toEqual(['page_view ×5 @2d']);
    expect(a.future).toBe(1);
  });

  it('takes the newest dated activity as lastMs', () => {
    const a = activityOf({ hs_analytics_last_visit_timestamp: iso(30) }, { hs_email_click: h(['1', 3]) }, now);
    expect(a.lastMs).toBe(now - 3 * DAY);
  });

  it.each([
    ['2026-11-25T09:12:00.000Z', Date.parse('2026-11-25T09:12:00.000Z')],
    ['2026-11-25T09:12:00Z', Date.parse('2026-11-25T09:12:00Z')],
    ['2026-11-25T09:12:00+02:00', Date.parse('2026-11-25T09:12:00+02:00')],
    ['1764000000000', 1764000000000],
    ['2026-13-25T09:12:00.000Z', null],
    ['garbage', null],
  ])('reads the history timestamp %s', (text, ms) => {
    expect(historyTime(text)).toBe(ms);
  });

  it('reads canonical ISO timestamps exactly as Date.parse does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
      const text = new Date(ms).toISOString();
      expect(historyTime(text)).toBe(Date.parse(text));
    }));
  });
});
