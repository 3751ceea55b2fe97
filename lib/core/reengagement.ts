// reengagement: flags non-customers with no activity for too long. Reason only.
import type { Config } from './config.ts';
import { SentenceMemo } from './sentences.ts';
import type { PropertyMap, Reason, Stage } from './types.ts';
import { DAY_MS, readTime } from './values.ts';

const SALES_ACTIVITY_PROPERTIES = ['notes_last_contacted', 'hs_last_sales_activity_timestamp'] as const;

/** The latest of sales activity and the given marketing activity (last visit or conversion), else the create date. */
export function lastActivityMs(props: PropertyMap, marketingActivityMs: number | null): number | null {
  let latest = marketingActivityMs;
  for (const p of SALES_ACTIVITY_PROPERTIES) {
    const t = readTime(props[p]);
    if (t !== null && (latest === null || t > latest)) latest = t;
  }
  return latest ?? readTime(props['createdate']);
}

export function reengagement(props: PropertyMap, stage: string | null, config: Config, nowMs: number, marketingActivityMs: number | null): Stage<{ flagged: boolean; inactiveDays: number | null }> {
  const last = lastActivityMs(props, marketingActivityMs);
  const inactiveDays = last === null ? null : Math.max(0, Math.floor((nowMs - last) / DAY_MS));
  if (stage === 'customer' || stage === 'evangelist') {
    return done(inactiveDays, false, { code: 'reengage_customer', message: 'Customers are not flagged for re-engagement.' });
  }
  if (inactiveDays === null) return done(inactiveDays, false, { code: 'reengage_no_activity_data', message: 'No activity dates, so re-engagement cannot be judged.' });
  const message = ACTIVITY_SENTENCES.get(config.reengagement, inactiveDays);
  if (inactiveDays > config.reengagement.inactiveDays) return done(inactiveDays, true, { code: 'reengage_inactive', message });
  return done(inactiveDays, false, { code: 'reengage_active', message });
}

// The sentence depends only on the day count and the limit, and day counts repeat across contacts.
const ACTIVITY_SENTENCES = new SentenceMemo((rules: Config['reengagement'], inactiveDays: number) => {
  const limit = rules.inactiveDays;
  return inactiveDays > limit
    ? `No activity for ${inactiveDays} days (more than ${limit}): worth a re-engagement campaign.`
    : `Active ${inactiveDays} day${inactiveDays === 1 ? '' : 's'} ago, within ${limit} days.`;
});

function done(inactiveDays: number | null, flagged: boolean, reason: Reason): Stage<{ flagged: boolean; inactiveDays: number | null }> {
  return { value: { flagged, inactiveDays }, reasons: [reason] };
}
