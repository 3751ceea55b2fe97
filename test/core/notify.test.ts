import { describe, expect, it } from 'vitest';
import { notify, type NotifyInputs } from '../../lib/core/notify.ts';
import { reengagement } from '../../lib/core/reengagement.ts';
import { readTime } from '../../lib/core/values.ts';
import { DAY, NOW, daysAgo, testConfig } from './helpers.ts';

const config = testConfig();
const base: NotifyInputs = { contactId: '42', tier: 'high', ownerId: '101', ownerName: 'Ana Silva', decisionKey: 'dk1-abc', leadScore: 81, reason: 'Why', classification: { nextBestAsset: 'ROI calculator', subjectLine: 'Save time' } };
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe('notify', () => {
  it.each([
    ['high tier with an owner', {}, undefined, true, 'notify_task'],
    ['medium tier', { tier: 'medium' }, undefined, false, 'notify_tier_skipped'],
    ['no owner', { ownerId: null }, undefined, false, 'notify_no_owner'],
    ['told 10 h ago (dedupe window 72 h)', {}, { lastNotifiedAt: hoursAgo(10) }, false, 'notify_deduped'],
    ['told 100 h ago', {}, { lastNotifiedAt: hoursAgo(100) }, true, 'notify_task'],
    ['rep at the throttle limit', {}, { recentTasksByOwner: { '101': 10 } }, false, 'notify_throttled'],
    ['rep under the limit', {}, { recentTasksByOwner: { '101': 9, '102': 50 } }, true, 'notify_task'],
  ] as const)('%s', (_n, over, ctx, task, code) => {
    const r = notify({ ...base, ...over }, config, ctx, NOW.getTime());
    expect(r.value.createTask).toBe(task);
    expect(r.effect !== null).toBe(task);
    expect(r.reasons[0]!.code).toBe(code);
  });

  it('builds a task whose dedupe key only depends on contact and decision', () => {
    const a = notify(base, config, undefined, NOW.getTime()).effect;
    const b = notify({ ...base, reason: 'other text' }, config, undefined, NOW.getTime() + DAY * 5).effect;
    expect(a).toEqual({ type: 'create_task', ownerId: '101', subject: 'Follow up: high-intent lead (score 81)', body: 'Why\nSuggested asset: ROI calculator. Subject line: Save time', dedupeKey: 'lead-decisions:42:dk1-abc' });
    expect(b!.dedupeKey).toBe(a!.dedupeKey);
  });

  it('explains a throttle', () => {
    expect(notify(base, config, { recentTasksByOwner: { '101': 12 } }, NOW.getTime()).reasons[0]!.message)
      .toMatchInlineSnapshot(`"No task: Ana Silva already got 12 tasks in the last 24 h (limit 10)."`);
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
  ] as const)('%s', (_n, props, stage, flagged, code) => {
    // The pipeline passes the latest marketing activity (last visit or conversion) it already read.
    const p = props as Record<string, unknown>;
    const marketing = [readTime(p['hs_analytics_last_visit_timestamp']), readTime(p['recent_conversion_date'])].filter((t): t is number => t !== null);
    const r = reengagement(props, stage, config, NOW.getTime(), marketing.length > 0 ? Math.max(...marketing) : null);
    expect(r.value.flagged).toBe(flagged);
    expect(r.reasons[0]!.code).toBe(code);
  });
});
