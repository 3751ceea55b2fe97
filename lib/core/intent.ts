// intent: dated activity → points that age. Each event is worth its kind's
// points (a conversion's own weight when its name matches a rule), halved every
// half-life; the raw total goes through diminishing returns,
// maxPoints × (1 − e^(−raw / saturationPoints)), so more recent activity always
// scores at least as high and nothing hits a hard cap. The score is then shared
// among the activity groups in proportion to their raw points (largest
// remainder), so the parts of the explanation add up to the intent score.
import type { Activity, ActivityEvent } from './activity.ts';
import type { Config } from './config.ts';
import type { Signal } from './config-schema.ts';
import { interned } from './sentences.ts';
import { DAY_MS } from './values.ts';

export interface Part { label: string; points: number }

type Intent = Config['scoring']['intent'];
type Conversion = Intent['conversions'][number];

export interface IntentResult {
  intent: number;
  /** Ranked, whole points, summing to `intent`. */
  parts: Part[];
  /** Raw points before diminishing returns (for tests and docs). */
  raw: number;
}

interface Group { id: string; bucket: number; count: number; raw: number; noun: Noun; share: number; rest: number }

// intentOf is never re-entered (decide is synchronous): its groups are recycled from
// this pool instead of allocated per contact, as activity.ts does with its events.
const GROUPS: Group[] = [];
const GROUP_POOL: Group[] = [];

export function intentOf(activity: Activity, config: Config, nowMs: number): IntentResult {
  const rules = config.scoring.intent;
  const groups = GROUPS;
  let raw = 0;
  const events = activity.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    weigh(e, rules);
    const ageDays = e.atMs >= nowMs ? 0 : (nowMs - e.atMs) / DAY_MS;
    const value = e.count * W.points * Math.exp((-ageDays * Math.LN2) / W.halfLifeDays);
    if (!(value > 0)) continue;
    raw += value;
    const bucket = bucketOf(ageDays);
    let g: Group | undefined;
    for (let j = 0; j < groups.length; j++) {
      const x = groups[j]!;
      if (x.id === W.id && x.bucket === bucket) { g = x; break; }
    }
    if (g === undefined) groups.push(groupOf(W.id, bucket, e.count, value, W.noun, groups.length));
    else { g.count += e.count; g.raw += value; }
  }
  const intent = raw > 0 ? Math.round(rules.maxPoints * (1 - Math.exp(-raw / rules.saturationPoints))) : 0;
  const parts = share(groups, raw, intent);
  while (groups.length > 0) groups.pop();
  return { intent, parts, raw };
}

function groupOf(id: string, bucket: number, count: number, raw: number, noun: Noun, index: number): Group {
  let g = GROUP_POOL[index];
  if (g === undefined) {
    GROUP_POOL.push((g = { id, bucket, count, raw, noun, share: 0, rest: 0 }));
    return g;
  }
  g.id = id;
  g.bucket = bucket;
  g.count = count;
  g.raw = raw;
  g.noun = noun;
  g.share = 0;
  g.rest = 0;
  return g;
}

/** The rule a conversion name matches (first keyword hit), or null; memoized per config. */
export function conversionOf(name: string | null, rules: Intent): Conversion | null {
  if (name === null) return null;
  let table = conversionTables.get(rules.conversions);
  if (!table) conversionTables.set(rules.conversions, (table = new Map()));
  let found = table.get(name);
  if (found === undefined) {
    const lower = name.toLowerCase();
    found = rules.conversions.find((r) => r.keywords.some((k) => lower.includes(k))) ?? null;
    if (table.size >= 5_000) table.clear();
    table.set(name, found);
  }
  return found;
}

const conversionTables = new WeakMap<object, Map<string, Conversion | null>>();

interface Noun {
  one: string;
  many: string;
  counted: boolean;
  /** Labels built so far, keyed by bucket and count (kept on the noun: no WeakMap look-up per part). */
  labels: Map<number, string>;
}

const SIGNAL_NOUNS: Record<Signal, Noun> = {
  page_view: { one: 'page view', many: 'page views', counted: true, labels: new Map() },
  form: { one: 'form submission', many: 'form submissions', counted: false, labels: new Map() },
  email_click: { one: 'email click', many: 'email clicks', counted: true, labels: new Map() },
  email_reply: { one: 'email reply', many: 'email replies', counted: false, labels: new Map() },
  meeting: { one: 'meeting booked', many: 'meetings booked', counted: false, labels: new Map() },
};

const conversionNouns = new WeakMap<Conversion, Noun>();
const unknownFormNouns = new Map<string, Noun>();

// The weight of the event being read: a scratch record, so no object per event (the hot path runs per event).
const W: { points: number; halfLifeDays: number; noun: Noun; id: string } = { points: 0, halfLifeDays: 1, noun: SIGNAL_NOUNS.page_view, id: '' };

function weigh(e: ActivityEvent, rules: Intent): void {
  const signal = rules.signals[e.signal];
  W.halfLifeDays = signal.halfLifeDays;
  if (e.signal !== 'form' || e.name === null) {
    W.points = signal.points;
    W.noun = SIGNAL_NOUNS[e.signal];
    W.id = e.signal;
    return;
  }
  const rule = conversionOf(e.name, rules);
  if (rule !== null) {
    let noun = conversionNouns.get(rule);
    if (!noun) conversionNouns.set(rule, (noun = { one: rule.label, many: `${rule.label}s`, counted: false, labels: new Map() }));
    W.points = rule.points;
    W.noun = noun;
    W.id = rule.id;
    return;
  }
  let noun = unknownFormNouns.get(e.name);
  if (!noun) {
    const name = e.name.length > 40 ? `${e.name.slice(0, 39)}…` : e.name;
    noun = { one: `“${name}” form`, many: `“${name}” forms`, counted: false, labels: new Map() };
    if (unknownFormNouns.size >= 5_000) unknownFormNouns.clear();
    unknownFormNouns.set(e.name, noun);
  }
  W.points = signal.points;
  W.noun = noun;
  // The noun's "one" text is unique per unknown name, so it serves as the group id without a new string.
  W.id = noun.one;
}

/** 0 today, 1 this week, 2 this month, 3+m m months ago, 100+y y years ago. */
export function bucketOf(ageDays: number): number {
  if (ageDays < 1) return 0;
  if (ageDays < 7) return 1;
  if (ageDays < 30) return 2;
  if (ageDays < 365) return 3 + Math.floor(ageDays / 30);
  return 100 + Math.floor(ageDays / 365);
}

const PHRASES = new Map<number, string>();

export function bucketPhrase(bucket: number): string {
  let p = PHRASES.get(bucket);
  if (p === undefined) {
    if (bucket === 0) p = 'today';
    else if (bucket === 1) p = 'this week';
    else if (bucket === 2) p = 'this month';
    else if (bucket < 100) p = bucket === 4 ? '1 month ago' : `${bucket - 3} months ago`;
    else p = bucket === 101 ? '1 year ago' : `${bucket - 100} years ago`;
    PHRASES.set(bucket, p);
  }
  return p;
}

/** "last active 5 months ago", "active today": how old the newest activity is. */
export function lastActivePhrase(lastMs: number, nowMs: number): string {
  const bucket = bucketOf(Math.max(0, (nowMs - lastMs) / DAY_MS));
  return bucket === 0 ? 'active today' : `last active ${bucketPhrase(bucket)}`;
}

function labelOf(g: Group): string {
  const table = g.noun.labels;
  const key = g.bucket * 10_000_000 + Math.min(g.count, 9_999_999);
  let label = table.get(key);
  if (label === undefined) {
    const phrase = bucketPhrase(g.bucket);
    label = interned(g.count === 1 && !g.noun.counted ? `${g.noun.one} ${phrase}` : `${formatCount(g.count)} ${g.count === 1 ? g.noun.one : g.noun.many} ${phrase}`);
    if (table.size >= 20_000) table.clear();
    table.set(key, label);
  }
  return label;
}

/** Largest-remainder shares of `total` in proportion to each group's raw points; zero shares are left out. */
function share(groups: Group[], raw: number, total: number): Part[] {
  const parts: Part[] = [];
  const n = groups.length;
  if (total === 0 || n === 0) return parts;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    const exact = (total * g.raw) / raw;
    g.share = Math.floor(exact);
    g.rest = exact - g.share;
    given += g.share;
  }
  for (let left = total - given; left > 0; left--) {
    let best = groups[0]!;
    for (let i = 1; i < n; i++) if (groups[i]!.rest > best.rest) best = groups[i]!;
    best.share++;
    best.rest = -1;
  }
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g.share > 0) parts.push({ label: labelOf(g), points: g.share });
  }
  if (parts.length > 1) rankParts(parts);
  return parts;
}

/** Biggest contributions first (by size, either sign); stable for ties. Insertion sort: a handful of parts. */
export function rankParts(parts: Part[]): void {
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const size = Math.abs(p.points);
    let j = i - 1;
    while (j >= 0 && Math.abs(parts[j]!.points) < size) {
      parts[j + 1] = parts[j]!;
      j--;
    }
    parts[j + 1] = p;
  }
}

export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  const rest = n % 1000;
  return `${formatCount(Math.floor(n / 1000))},${rest < 10 ? '00' : rest < 100 ? '0' : ''}${rest}`;
}
