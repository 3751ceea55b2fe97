// reengagement: flags non-customers with no activity for too long. Reason only.
import type { Config } from './config.ts';
import type { ReengagementStatus } from './labels.ts';
import { SentenceMemo } from './sentences.ts';
import type { PropertyMap, Reason, Stage } from './types.ts';
import { DAY_MS, readTime } from './values.ts';

const SALES_ACTIVITY_PROPERTIES = ['notes_last_contacted', 'hs_last_sales_activity_timestamp'] as const;

/**
 * The latest of sales activity and the given marketing activity (dated events,
 * last visit or conversion), else the create date. Dates after `now` are unknown.
 */
export function lastActivityMs(props: PropertyMap, marketingActivityMs: number | null, nowMs = Infinity): number | null {
  let latest = marketingActivityMs;
  for (const p of SALES_ACTIVITY_PROPERTIES) {
    const t = readTime(props[p]);
    if (t !== null && t <= nowMs + FUTURE_SKEW_MS && (latest === null || t > latest)) latest = t;
  }
  if (latest !== null) return latest;
  const created = readTime(props['createdate']);
  return created !== null && created <= nowMs + FUTURE_SKEW_MS ? created : null;
}

const FUTURE_SKEW_MS = 5 * 60_000;

export function reengagement(props: PropertyMap, stage: string | null, config: Config, nowMs: number, marketingActivityMs: number | null): Stage<{ flagged: boolean; inactiveDays: number | null; status: ReengagementStatus }> {
  const last = lastActivityMs(props, marketingActivityMs, nowMs);
  const inactiveDays = last === null ? null : Math.max(0, Math.floor((nowMs - last) / DAY_MS));
  if (stage === 'customer' || stage === 'evangelist') {
    return done(inactiveDays, false, 'customer', { code: 'reengage_customer', message: 'Customers are not flagged for re-engagement.' });
  }
  if (inactiveDays === null) return done(inactiveDays, false, 'unknown', { code: 'reengage_no_activity_data', message: 'No activity dates, so re-engagement cannot be judged.' });
  const message = ACTIVITY_SENTENCES.get(config.reengagement, inactiveDays);
  if (inactiveDays > config.reengagement.inactiveDays) return done(inactiveDays, true, 'needs_reengagement', { code: 'reengage_inactive', message });
  return done(inactiveDays, false, 'active', { code: 'reengage_active', message });
}

// The sentence depends only on the day count and the limit, and day counts repeat across contacts.
const ACTIVITY_SENTENCES = new SentenceMemo((rules: Config['reengagement'], inactiveDays: number) => {
  const limit = rules.inactiveDays;
  return inactiveDays > limit
    ? `No activity for ${inactiveDays} days (more than ${limit}): worth a re-engagement campaign.`
    : `Active ${inactiveDays} day${inactiveDays === 1 ? '' : 's'} ago, within ${limit} days.`;
});

function done(inactiveDays: number | null, flagged: boolean, status: ReengagementStatus, reason: Reason): Stage<{ flagged: boolean; inactiveDays: number | null; status: ReengagementStatus }> {
  return { value: { flagged, inactiveDays, status }, reasons: [reason] };
}
