// activity: dated events from the contact's property history. Each rise of a
// counter (page views, conversions, email clicks/replies) is a dated increment,
// each entry of recent_conversion_event_name a dated, named form submission,
// each value of engagements_last_meeting_booked a meeting. Without history the
// lifetime counts are dated at the last activity timestamp (never newer), and
// without any date they earn nothing. Timestamps after `now` are unknown.
import type { Signal } from './config-schema.ts';
import type { PropertyHistoryMap, PropertyHistoryValue, PropertyMap } from './types.ts';
import { readCount, readText, readTime } from './values.ts';

export interface ActivityEvent {
  signal: Signal;
  atMs: number;
  count: number;
  /** The conversion (form) name, for form submissions that have one. */
  name: string | null;
}

export interface Activity {
  events: ActivityEvent[];
  /** The newest event or activity timestamp not in the future, or null. */
  lastMs: number | null;
  /** Events or timestamps dated after `now`: ignored, reported. */
  future: number;
  /** True when at least one counter came from property history. */
  dated: boolean;
}

/** A clock a few minutes ahead of ours is still "now", not the future. */
const SKEW_MS = 5 * 60_000;
const MAX_COUNT = 1_000_000;
/** Counter histories are read pairwise; beyond this many entries the oldest are ignored. */
const MAX_ENTRIES = 200;
/** Two records this close name the same form submission (counter and name are written together). */
const SAME_SUBMISSION_MS = 60 * 60_000;

const COUNTERS: readonly (readonly [string, Signal])[] = [
  ['hs_analytics_num_page_views', 'page_view'],
  ['hs_email_click', 'email_click'],
  ['hs_email_replied', 'email_reply'],
];

export function activityOf(props: PropertyMap, history: PropertyHistoryMap | null | undefined, nowMs: number): Activity {
  const out: Activity = { events: [], lastMs: null, future: 0, dated: false };
  const limit = nowMs + SKEW_MS;
  const lastVisit = known(readTime(props['hs_analytics_last_visit_timestamp']), limit, out);
  const lastConversion = known(readTime(props['recent_conversion_date']), limit, out);
  const fallbackAt = latest(lastVisit, lastConversion);
  const h = history !== null && typeof history === 'object' ? history : null;

  for (const [property, signal] of COUNTERS) {
    const entries = entriesOf(h, property);
    if (entries !== null) {
      out.dated = true;
      counterEvents(entries, signal, limit, out, null);
    } else {
      const at = signal === 'page_view' ? lastVisit ?? fallbackAt : fallbackAt;
      undatedCount(props[property], signal, at, out);
    }
  }
  formEvents(props, h, limit, lastConversion ?? fallbackAt, out);
  meetingEvents(props, h, limit, out);
  for (const e of out.events) if (out.lastMs === null || e.atMs > out.lastMs) out.lastMs = e.atMs;
  out.lastMs = latest(out.lastMs, fallbackAt);
  return out;
}

function entriesOf(h: PropertyHistoryMap | null, property: string): readonly PropertyHistoryValue[] | null {
  const entries = h?.[property];
  return Array.isArray(entries) && entries.length > 0 ? entries : null;
}

/** Newest first: each entry minus the next older one is an increment at the entry's time. */
function counterEvents(entries: readonly PropertyHistoryValue[], signal: Signal, limit: number, out: Activity, sink: ActivityEvent[] | null): void {
  const n = Math.min(entries.length, MAX_ENTRIES);
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    const value = Math.min(MAX_COUNT, readCount(entry?.value));
    const older = i + 1 < n ? Math.min(MAX_COUNT, readCount(entries[i + 1]?.value)) : 0;
    if (value <= older) continue;
    const at = known(historyTime(entry?.timestamp), limit, out);
    if (at === null) continue;
    const event: ActivityEvent = { signal, atMs: at, count: value - older, name: null };
    (sink ?? out.events).push(event);
  }
}

function undatedCount(value: unknown, signal: Signal, at: number | null, out: Activity): void {
  const count = Math.min(MAX_COUNT, readCount(value));
  if (count > 0 && at !== null) out.events.push({ signal, atMs: at, count, name: null });
}

/**
 * Form submissions: increments of num_conversion_events, named by the
 * recent_conversion_event_name entry written with them. Names without a
 * counter increment still count (one submission each); increments without a
 * name are plain form submissions.
 */
function formEvents(props: PropertyMap, h: PropertyHistoryMap | null, limit: number, undatedAt: number | null, out: Activity): void {
  const counter = entriesOf(h, 'num_conversion_events');
  const names = entriesOf(h, 'recent_conversion_event_name');
  if (counter === null && names === null) {
    const count = Math.min(MAX_COUNT, readCount(props['num_conversion_events']));
    if (undatedAt === null || count === 0) return;
    // Only the newest submission's name is known; the rest are plain forms, all dated at the last conversion.
    const name = readText(props['recent_conversion_event_name']);
    out.events.push({ signal: 'form', atMs: undatedAt, count: 1, name });
    if (count > 1) out.events.push({ signal: 'form', atMs: undatedAt, count: count - 1, name: null });
    return;
  }
  out.dated = true;
  const increments: ActivityEvent[] = [];
  if (counter !== null) counterEvents(counter, 'form', limit, out, increments);
  const named: ActivityEvent[] = [];
  if (names !== null) {
    for (let i = 0; i < names.length && i < MAX_ENTRIES; i++) {
      const entry = names[i]!;
      const name = readText(entry?.value);
      const at = name === null ? null : known(historyTime(entry?.timestamp), limit, out);
      if (at !== null) named.push({ signal: 'form', atMs: at, count: 1, name });
    }
  }
  // Both lists are newest first: pair each name with an increment written at about the same time.
  let j = 0;
  for (const n of named) {
    while (j < increments.length && increments[j]!.atMs > n.atMs + SAME_SUBMISSION_MS) out.events.push(increments[j++]!);
    const inc = increments[j];
    if (inc !== undefined && Math.abs(inc.atMs - n.atMs) <= SAME_SUBMISSION_MS) {
      inc.count--;
      if (inc.count === 0) j++;
    }
    out.events.push(n);
  }
  for (; j < increments.length; j++) if (increments[j]!.count > 0) out.events.push(increments[j]!);
}

/** engagements_last_meeting_booked holds a date: each distinct value is one meeting at that date. */
function meetingEvents(props: PropertyMap, h: PropertyHistoryMap | null, limit: number, out: Activity): void {
  const entries = entriesOf(h, 'engagements_last_meeting_booked');
  if (entries === null) {
    const at = known(readTime(props['engagements_last_meeting_booked']), limit, out);
    if (at !== null) out.events.push({ signal: 'meeting', atMs: at, count: 1, name: null });
    return;
  }
  let previous: number | null = null;
  for (let i = 0; i < entries.length && i < MAX_ENTRIES; i++) {
    const entry = entries[i]!;
    const value = readTime(entry?.value);
    const at = known(value ?? historyTime(entry?.timestamp), limit, out);
    if (at === null || at === previous) continue;
    previous = at;
    out.events.push({ signal: 'meeting', atMs: at, count: 1, name: null });
  }
}

/** A timestamp after the limit is unknown (counted, never treated as now). */
function known(ms: number | null, limit: number, out: Activity): number | null {
  if (ms === null) return null;
  if (ms > limit) {
    out.future++;
    return null;
  }
  return ms;
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * History timestamps are ISO date-times like 2026-11-25T09:12:00.000Z; reading
 * the canonical form by hand avoids Date.parse on the hot path (several per
 * contact). Anything else (epoch ms, offsets) goes through readTime.
 */
export function historyTime(value: unknown): number | null {
  if (typeof value === 'string' && (value.length === 24 || value.length === 20) && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(value.length - 1) === 90 /* Z */) {
    const y = digits(value, 0, 4);
    const mo = digits(value, 5, 2);
    const d = digits(value, 8, 2);
    const hh = digits(value, 11, 2);
    const mi = digits(value, 14, 2);
    const ss = digits(value, 17, 2);
    const ms = value.length === 24 ? digits(value, 20, 3) : 0;
    if (y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && hh < 24 && mi < 60 && ss < 60 && ms >= 0) {
      return Date.UTC(y, mo - 1, d, hh, mi, ss, ms);
    }
  }
  return readTime(value);
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
