import { describe, expect, it } from 'vitest';
import type { Activity, ActivityEvent } from '../../lib/core/activity.ts';
import { findTrigger, planNotify, taskEffect, type NotifyInputs } from '../../lib/core/notify.ts';
import { reengagement } from '../../lib/core/reengagement.ts';
import type { DecisionContext } from '../../lib/core/types.ts';
import { readTime } from '../../lib/core/values.ts';
import { DAY, NOW, daysAgo, testConfig } from './helpers.ts';

const config = testConfig();
const now = NOW.getTime();
const ev = (signal: ActivityEvent['signal'], days: number, name: string | null = null): ActivityEvent => ({ signal, atMs: now - days * DAY, count: 1, name });
const activity = (...events: ActivityEvent[]): Activity => ({ events, lastMs: null, future: 0, dated: true });
const demo2d = ev('form', 2, 'Demo request');
const base: NotifyInputs = { contactId: '42', tier: 'high', storedTier: 'high', activity: activity(demo2d), ownerId: '101', currentOwnerId: '101', pool: undefined };
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
const unowned: Partial<NotifyInputs> = { currentOwnerId: null, pool: 'north_america' };

describe('notify: only new intent creates a task', () => {
  it.each<[string, Partial<NotifyInputs>, DecisionContext | undefined, boolean, string]>([
    ['a new demo request, never notified', {}, undefined, true, 'notify_task'],
    ['a new demo request after the last notification', {}, { lastNotifiedAt: hoursAgo(100) }, true, 'notify_task'],
    ['the demo request was already notified', {}, { lastNotifiedAt: hoursAgo(24) }, false, 'notify_no_new_intent'],
    ['a re-score with no activity, still high', { activity: activity() }, { lastNotifiedAt: hoursAgo(500) }, false, 'notify_no_new_intent'],
    ['only a newsletter signup', { activity: activity(ev('form', 1, 'Newsletter signup')) }, { lastNotifiedAt: hoursAgo(2000) }, false, 'notify_no_new_intent'],
    ['only page views', { activity: activity(ev('page_view', 0)) }, { lastNotifiedAt: hoursAgo(2000) }, false, 'notify_no_new_intent'],
    ['a meeting booked today', { activity: activity(ev('meeting', 0)) }, undefined, true, 'notify_task'],
    ['an email reply yesterday', { activity: activity(ev('email_reply', 1)) }, undefined, true, 'notify_task'],
    ['a demo request older than freshActivityDays (14)', { activity: activity(ev('form', 20, 'Demo request')) }, { lastNotifiedAt: hoursAgo(2000) }, false, 'notify_no_new_intent'],
    ['newly entering the high tier', { activity: activity(), storedTier: 'medium' }, undefined, true, 'notify_task'],
    ['first decision of a high lead', { activity: activity(), storedTier: null }, undefined, true, 'notify_task'],
    ['already high but never told (last task failed)', { activity: activity(), storedTier: 'high' }, undefined, true, 'notify_task'],
    ['already high and told long ago, nothing new', { activity: activity(), storedTier: 'high' }, { lastNotifiedAt: hoursAgo(2000) }, false, 'notify_no_new_intent'],
    ['entering high, but told 10 h ago', { activity: activity(), storedTier: 'medium' }, { lastNotifiedAt: hoursAgo(10) }, false, 'notify_no_new_intent'],
    ['medium tier with a demo request', { tier: 'medium' }, undefined, false, 'notify_tier_skipped'],
    ['new intent but no owner', { ownerId: null }, undefined, false, 'notify_no_owner'],
    ['new intent inside the dedupe window', { activity: activity(ev('meeting', 0)) }, { lastNotifiedAt: hoursAgo(10) }, false, 'notify_deduped'],
    ['owned, owner over the throttle', {}, { recentTasksByOwner: { '101': 10 } }, false, 'notify_waiting'],
    ['owned, owner under the throttle', {}, { recentTasksByOwner: { '101': 9, '102': 50 } }, true, 'notify_task'],
    ['unowned, routed rep over the throttle', unowned, { recentTasksByOwner: { '101': 10 } }, true, 'notify_next_rep'],
    ['unowned, whole pool over the throttle', unowned, { recentTasksByOwner: { '101': 10, '102': 10, '103': 10 } }, false, 'notify_waiting'],
  ])('%s', (_n, over, ctx, task, code) => {
    const r = planNotify({ ...base, ...over }, config, ctx, now);
    expect(r.value.createTask).toBe(task);
    expect(r.reasons[0]!.code).toBe(code);
    expect(r.value.waiting).toBe(code === 'notify_waiting');
  });

  it('hands an unowned lead of a throttled rep to the next available rep of the pool', () => {
    const r = planNotify({ ...base, ...unowned }, config, { recentTasksByOwner: { '101': 10 } }, now);
    // 103 is on PTO in the config, so 102 is the only one left in north_america.
    expect(r.reassignedTo).toBe('102');
    expect(r.value.ownerId).toBe('102');
    expect(r.reasons[0]!.message).toMatchInlineSnapshot(`"Ana Silva already got 10 tasks in the last 24 h (limit 10), so this unowned lead and its task go to Ben Carter, next available in the north america pool: new demo request on 2026-11-25."`);
  });

  it('marks an owned lead of a throttled rep as waiting, visible in the reason', () => {
    const r = planNotify(base, config, { recentTasksByOwner: { '101': 12 } }, now);
    expect(r.reasons[0]!.message).toMatchInlineSnapshot(`"Task waiting: Ana Silva already got 12 tasks in the last 24 h (limit 10); the next run creates it (new demo request on 2026-11-25)."`);
    // The next run, with the throttle cleared, creates it.
    expect(planNotify(base, config, { recentTasksByOwner: { '101': 0 } }, now).value.createTask).toBe(true);
  });

  it('builds a task whose dedupe key names the triggering activity, not the score', () => {
    const plan = planNotify(base, config, undefined, now);
    const a = taskEffect('42', plan, 81, 'Why', { nextBestAsset: 'ROI calculator', subjectLine: 'Save time' });
    expect(a).toEqual({
      type: 'task', ownerId: '101', subject: 'Follow up: new demo request on 2026-11-25 (lead score 81)', body: 'Why\nSuggested asset: ROI calculator. Subject line: Save time',
      dedupeKey: 'lead-decisions:42:demo_request@2026-11-25T12:00:00.000Z', trigger: { kind: 'demo_request', at: '2026-11-25T12:00:00.000Z' },
    });
    // A day later the score has decayed, the reason differs: same activity, same key.
    const later = taskEffect('42', planNotify(base, config, undefined, now + DAY), 77, 'Other', { nextBestAsset: 'x', subjectLine: 'y' });
    expect(later!.dedupeKey).toBe(a!.dedupeKey);
  });

  it('picks the newest high-intent activity as the trigger', () => {
    const t = findTrigger({ ...base, activity: activity(ev('form', 5, 'Pricing'), ev('meeting', 1), ev('page_view', 0)) }, config, null, now);
    expect(t?.kind).toBe('meeting');
  });

  it('never notifies for activity dated after the last notification only by being in the future', () => {
    // Future events never reach notify: activityOf drops them. A notification time in the future hides nothing newer.
    expect(findTrigger(base, config, now + DAY, now)).toBeNull();
  });
});

describe('reengagement', () => {
  it.each([
    ['recently visited lead', { hs_analytics_last_visit_timestamp: daysAgo(3) }, 'lead', false, 'reengage_active'],
    ['silent for 120 days', { notes_last_contacted: daysAgo(120) }, 'lead', true, 'reengage_inactive'],
    ['silent customer', { notes_last_contacted: daysAgo(400) }, 'customer', false, 'reengage_customer'],
    ['only a create date, long ago', { createdate: '2024-01-01T00:00:00Z' }, null, true, 'reengage_inactive'],
    ['no dates at all', {}, 'lead', false, 'reengage_no_activity_data'],
    ['garbage dates', { notes_last_contacted: 'yesterday-ish', createdate: { x: 1 } }, 'lead', false, 'reengage_no_activity_data'],
    ['the latest activity counts', { notes_last_contacted: daysAgo(300), recent_conversion_date: daysAgo(10) }, 'subscriber', false, 'reengage_active'],
    ['a sales activity dated 2099 is unknown', { notes_last_contacted: '2099-01-01T00:00:00Z' }, 'lead', false, 'reengage_no_activity_data'],
  ] as const)('%s', (_n, props, stage, flagged, code) => {
    // The pipeline passes the latest marketing activity (last visit or conversion) it already read.
    const p = props as Record<string, unknown>;
    const marketing = [readTime(p['hs_analytics_last_visit_timestamp']), readTime(p['recent_conversion_date'])].filter((t): t is number => t !== null);
    const r = reengagement(props, stage, config, NOW.getTime(), marketing.length > 0 ? Math.max(...marketing) : null);
    expect(r.value.flagged).toBe(flagged);
    expect(r.reasons[0]!.code).toBe(code);
    expect(r.value.status).toBe(STATUS_OF[code]);
  });
});

const STATUS_OF: Record<string, string> = { reengage_active: 'active', reengage_inactive: 'needs_reengagement', reengage_customer: 'customer', reengage_no_activity_data: 'unknown' };
