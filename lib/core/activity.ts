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

export function activityOf(props: PropertyMap, history: PropertyHistoryMap | null | undefined, nowMs: number): Activity {
  return fill({ events: [], lastMs: null, future: 0, dated: false }, null, props, history, nowMs);
}

// One decision at a time reads activity (decide is synchronous): its events are
// recycled from this pool instead of allocated per contact (the engine benchmark
// spent a sixth of its time collecting garbage).
const SCRATCH: Activity = { events: [], lastMs: null, future: 0, dated: false };
const POOL: ActivityEvent[] = [];
let poolUsed = 0;

/** Like activityOf, but the result is only valid until the next call (the pipeline's hot path). */
export function activityForDecision(props: PropertyMap, history: PropertyHistoryMap | null | undefined, nowMs: number): Activity {
  // pop() is inlined; setting length goes through the runtime (a few events per contact).
  const events = SCRATCH.events;
  while (events.length > 0) events.pop();
  SCRATCH.lastMs = null;
  SCRATCH.future = 0;
  SCRATCH.dated = false;
  poolUsed = 0;
  return fill(SCRATCH, POOL, props, history, nowMs);
}

/** A new event, from the pool when there is one. */
function event(pool: ActivityEvent[] | null, signal: Signal, atMs: number, count: number, name: string | null): ActivityEvent {
  if (pool === null) return { signal, atMs, count, name };
  let e = pool[poolUsed];
  if (e === undefined) pool.push((e = { signal, atMs, count, name }));
  else {
    e.signal = signal;
    e.atMs = atMs;
    e.count = count;
    e.name = name;
  }
  poolUsed++;
  return e;
}

function fill(out: Activity, pool: ActivityEvent[] | null, props: PropertyMap, history: PropertyHistoryMap | null | undefined, nowMs: number): Activity {
  const limit = nowMs + SKEW_MS;
  const lastVisit = known(readTime(props['hs_analytics_last_visit_timestamp']), limit, out);
  const lastConversion = known(readTime(props['recent_conversion_date']), limit, out);
  const fallbackAt = latest(lastVisit, lastConversion);
  // Each history property is read once with a literal name: one inline cache per property,
  // where a keyed read over a list of names went megamorphic on every contact.
  const h = history !== null && typeof history === 'object' ? history : null;
  counter(out, pool, h === null ? null : entriesOf(h['hs_analytics_num_page_views']), 'page_view', props['hs_analytics_num_page_views'], lastVisit ?? fallbackAt, limit);
  counter(out, pool, h === null ? null : entriesOf(h['hs_email_click']), 'email_click', props['hs_email_click'], fallbackAt, limit);
  counter(out, pool, h === null ? null : entriesOf(h['hs_email_replied']), 'email_reply', props['hs_email_replied'], fallbackAt, limit);
  formEvents(props, h, limit, lastConversion ?? fallbackAt, out, pool);
  meetingEvents(props, h, limit, out, pool);
  const events = out.events;
  let last = out.lastMs;
  for (let i = 0; i < events.length; i++) {
    const at = events[i]!.atMs;
    if (last === null || at > last) last = at;
  }
  out.lastMs = latest(last, fallbackAt);
  return out;
}

/** A counter's dated increments from its history, else its lifetime count dated at `undatedAt`. */
function counter(out: Activity, pool: ActivityEvent[] | null, entries: readonly PropertyHistoryValue[] | null, signal: Signal, lifetime: unknown, undatedAt: number | null, limit: number): void {
  if (entries !== null) {
    out.dated = true;
    counterEvents(entries, signal, limit, out, out.events, pool);
    return;
  }
  const count = Math.min(MAX_COUNT, readCount(lifetime));
  if (count > 0 && undatedAt !== null) out.events.push(event(pool, signal, undatedAt, count, null));
}

function entriesOf(entries: unknown): readonly PropertyHistoryValue[] | null {
  return Array.isArray(entries) && entries.length > 0 ? (entries as readonly PropertyHistoryValue[]) : null;
}

/** Newest first: each entry minus the next older one is an increment at the entry's time (read oldest first, one parse per entry). */
function counterEvents(entries: readonly PropertyHistoryValue[], signal: Signal, limit: number, out: Activity, into: ActivityEvent[], pool: ActivityEvent[] | null): void {
  const n = Math.min(entries.length, MAX_ENTRIES);
  let older = 0;
  for (let i = n - 1; i >= 0; i--) {
    const entry = entries[i];
    const value = countOf(entry?.value);
    if (value > older) {
      const at = known(historyTime(entry?.timestamp), limit, out);
      if (at !== null) into.push(event(pool, signal, at, value - older, null));
    }
    older = value;
  }
}

/** A history counter value: HubSpot sends plain digit strings, read here without Number(); anything else via readCount. */
function countOf(value: unknown): number {
  if (typeof value === 'string' && value.length > 0 && value.length <= 6) {
    let v = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return Math.min(MAX_COUNT, readCount(value));
      v = v * 10 + c;
    }
    return v;
  }
  return Math.min(MAX_COUNT, readCount(value));
}

// Scratch lists for pairing forms with names (formEvents is never re-entered).
const INCREMENTS: ActivityEvent[] = [];
const NAMED: ActivityEvent[] = [];

/**
 * Form submissions: increments of num_conversion_events, named by the
 * recent_conversion_event_name entry written with them. Names without a
 * counter increment still count (one submission each); increments without a
 * name are plain form submissions.
 */
function formEvents(props: PropertyMap, h: PropertyHistoryMap | null, limit: number, undatedAt: number | null, out: Activity, pool: ActivityEvent[] | null): void {
  const counter = h === null ? null : entriesOf(h['num_conversion_events']);
  const names = h === null ? null : entriesOf(h['recent_conversion_event_name']);
  if (counter === null && names === null) {
    const count = Math.min(MAX_COUNT, readCount(props['num_conversion_events']));
    if (undatedAt === null || count === 0) return;
    // Only the newest submission's name is known; the rest are plain forms, all dated at the last conversion.
    out.events.push(event(pool, 'form', undatedAt, 1, readText(props['recent_conversion_event_name'])));
    if (count > 1) out.events.push(event(pool, 'form', undatedAt, count - 1, null));
    return;
  }
  out.dated = true;
  if (names === null) {
    counterEvents(counter!, 'form', limit, out, out.events, pool);
    return;
  }
  const named = counter === null ? out.events : NAMED;
  for (let i = 0; i < names.length && i < MAX_ENTRIES; i++) {
    const entry = names[i]!;
    const name = readText(entry?.value);
    const at = name === null ? null : known(historyTime(entry?.timestamp), limit, out);
    if (at !== null) named.push(event(pool, 'form', at, 1, name));
  }
  if (counter === null) return;
  const increments = INCREMENTS;
  counterEvents(counter, 'form', limit, out, increments, pool);
  increments.reverse(); // built oldest first; paired newest first like the names
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
  NAMED.length = 0;
  INCREMENTS.length = 0;
}

/** engagements_last_meeting_booked holds a date: each distinct value is one meeting at that date. */
function meetingEvents(props: PropertyMap, h: PropertyHistoryMap | null, limit: number, out: Activity, pool: ActivityEvent[] | null): void {
  const entries = h === null ? null : entriesOf(h['engagements_last_meeting_booked']);
  if (entries === null) {
    const at = known(readTime(props['engagements_last_meeting_booked']), limit, out);
    if (at !== null) out.events.push(event(pool, 'meeting', at, 1, null));
    return;
  }
  let previous: number | null = null;
  for (let i = 0; i < entries.length && i < MAX_ENTRIES; i++) {
    const entry = entries[i]!;
    const value = readTime(entry?.value);
    const at = known(value ?? historyTime(entry?.timestamp), limit, out);
    if (at === null || at === previous) continue;
    previous = at;
    out.events.push(event(pool, 'meeting', at, 1, null));
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
 * the canonical form by hand (integer arithmetic, no Date) keeps several per
 * contact cheap. Anything else (epoch ms, offsets) goes through readTime.
 */
export function historyTime(value: unknown): number | null {
  if (typeof value === 'string') {
    const len = value.length;
    if ((len === 24 || len === 20) && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(len - 1) === 90 /* Z */) {
      // A non-digit reads as BAD, which makes its whole field negative, so the range checks reject it.
      const y = dig(value, 0) * 1000 + dig(value, 1) * 100 + dig(value, 2) * 10 + dig(value, 3);
      const mo = dig(value, 5) * 10 + dig(value, 6);
      const d = dig(value, 8) * 10 + dig(value, 9);
      const hh = dig(value, 11) * 10 + dig(value, 12);
      const mi = dig(value, 14) * 10 + dig(value, 15);
      const ss = dig(value, 17) * 10 + dig(value, 18);
      const ms = len === 24 ? dig(value, 20) * 100 + dig(value, 21) * 10 + dig(value, 22) : 0;
      if (y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && hh >= 0 && hh < 24 && mi >= 0 && mi < 60 && ss >= 0 && ss < 60 && ms >= 0) {
        return (monthStart(y, mo) + d - 1) * 86_400_000 + hh * 3_600_000 + mi * 60_000 + ss * 1000 + ms;
      }
      return null;
    }
  }
  return readTime(value);
}

const BAD = -1_000_000;

function dig(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : BAD;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Days since 1970-01-01 of the first of each month 1970–2199, filled as first met (-1: not yet).
const FIRST_YEAR = 1970;
const MONTH_STARTS = new Int32Array((2200 - FIRST_YEAR) * 12).fill(-1);

function monthStart(y: number, m: number): number {
  if (y >= 2200) return daysFromCivil(y, m, 1);
  const i = (y - FIRST_YEAR) * 12 + m - 1;
  let days = MONTH_STARTS[i]!;
  if (days < 0) MONTH_STARTS[i] = days = daysFromCivil(y, m, 1);
  return days;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
