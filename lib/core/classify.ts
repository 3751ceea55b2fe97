// classify (rules): a deterministic content-track classifier used when no AI
// classification comes in. Every point it gives is explainable.
import type { Config } from './config.ts';
import { PERSONAS, type ConfidenceBand, type Persona } from './contract.ts';
import { matchedKeywords } from './text-match.ts';
import type { Classification, Reason, Stage } from './types.ts';
import { industryKey } from './values.ts';

export interface ClassifyFields {
  persona: Persona;
  industry: string | null;
  /** Lifecycle stage as stored; only customer/evangelist change the track (so a forward move never flips it). */
  lifecycle: string | null;
  /** Free text the contact wrote (message, form answers, conversion names), any case. */
  text: string;
  pageViews: number;
}

type Track = Config['classification']['tracks'][number];

interface TrackScore { track: Track; points: number; why: string[] }

// Most contacts share a handful of (persona, industry, text) shapes; deciding each
// shape once per config keeps bulk runs fast. Cached stages are frozen and shared.
const memo = new WeakMap<Config, ShapeMemo[]>();
const MEMO_MAX_TEXT = 300;
const MEMO_MAX_SIZE = 5_000;

export function classifyByRules(fields: ClassifyFields, config: Config): Stage<Classification> {
  const industry = fields.industry === null ? null : industryKey(fields.industry);
  const customer = fields.lifecycle === 'customer' || fields.lifecycle === 'evangelist';
  const engaged = fields.pageViews >= config.classification.engagedPageViews;
  if (fields.text.length > MEMO_MAX_TEXT) return classifyUncached(fields, industry, customer, engaged, config);
  let buckets = memo.get(config);
  if (!buckets) memo.set(config, (buckets = []));
  // One bucket per (persona, customer, engaged); inside it the key is the industry and the text.
  const slot = PERSONA_INDEX[fields.persona]! * 4 + (customer ? 2 : 0) + (engaged ? 1 : 0);
  let bucket = buckets[slot];
  if (!bucket) buckets[slot] = bucket = new ShapeMemo();
  let hit = bucket.get(fields.industry ?? '', fields.text);
  if (!hit) {
    hit = freeze(classifyUncached(fields, industry, customer, engaged, config));
    bucket.set(fields.industry ?? '', fields.text, hit);
  }
  return hit;
}

/**
 * Cached stages by industry, then by text: two lookups on strings that already
 * carry their hash, instead of building and hashing a joined key every time.
 * Holds at most MEMO_MAX_SIZE stages, then starts over.
 */
class ShapeMemo {
  private readonly byIndustry = new Map<string, Map<string, Stage<Classification>>>();
  private size = 0;

  get(industry: string, text: string): Stage<Classification> | undefined {
    return this.byIndustry.get(industry)?.get(text);
  }

  set(industry: string, text: string, stage: Stage<Classification>): void {
    if (this.size >= MEMO_MAX_SIZE) {
      this.byIndustry.clear();
      this.size = 0;
    }
    let texts = this.byIndustry.get(industry);
    if (!texts) this.byIndustry.set(industry, (texts = new Map()));
    texts.set(text, stage);
    this.size++;
  }
}

const PERSONA_INDEX: Record<string, number> = Object.fromEntries(PERSONAS.map((p, i) => [p, i]));

/** Cached stages are shared between decisions, so they are frozen all the way down. */
function freeze(stage: Stage<Classification>): Stage<Classification> {
  stage.reasons.forEach((r) => Object.freeze(r));
  Object.freeze(stage.reasons);
  Object.freeze(stage.value.objections);
  Object.freeze(stage.value);
  return Object.freeze(stage);
}

function classifyUncached(fields: ClassifyFields, industry: string | null, customer: boolean, engaged: boolean, config: Config): Stage<Classification> {
  const cls = config.classification;
  const text = fields.text.toLowerCase();
  const objections = cls.objections.filter((o) => matchedKeywords(text, o.keywords).length > 0).map((o) => o.id);
  let best: TrackScore | null = null;
  if (customer && cls.customerTrack !== undefined) {
    const track = cls.tracks.find((t) => t.id === cls.customerTrack)!;
    best = { ...scoreTrack(track, fields, industry, text), points: 4 };
    best.why.unshift('an existing customer');
  } else {
    for (const track of cls.tracks) {
      if (track.id === cls.customerTrack) continue;
      const s = scoreTrack(track, fields, industry, text);
      if (s.points > 0 && (best === null || s.points > best.points)) best = s;
    }
  }
  const chosen = best ?? { track: cls.tracks.find((t) => t.id === cls.defaultTrack)!, points: 0, why: [] };
  const band = bandOf(chosen.points + (engaged && chosen.points > 0 ? 1 : 0));
  const reason: Reason = chosen.points === 0
    ? { code: 'classify_default_track', message: `No strong signal in title, industry or message, so the ${chosen.track.label} track applies (confidence low).` }
    : { code: 'classify_rules_track', message: `${chosen.track.label} track: ${chosen.why.join(', ')} (confidence ${band}).` };
  const reasons = [reason];
  if (objections.length > 0) reasons.push({ code: 'classify_objections', message: `Possible objections in their message: ${objections.join(', ').replace(/_/g, ' ')}.` });
  return {
    value: {
      contentTrack: chosen.track.id,
      objections,
      confidenceBand: band,
      nextBestAsset: chosen.track.assets[0]!.title,
      nextBestAssetId: chosen.track.assets[0]!.id,
      subjectLine: chosen.track.subject,
      source: 'rules',
    },
    reasons,
  };
}

function scoreTrack(track: Track, fields: ClassifyFields, industry: string | null, text: string): TrackScore {
  const why: string[] = [];
  let points = 0;
  if (track.personas.includes(fields.persona)) {
    points += 2;
    why.push(`${fields.persona.replace(/_/g, ' ')} persona`);
  }
  if (industry !== null && track.industries.includes(industry)) {
    points += 1;
    why.push(`${fields.industry} industry`);
  }
  const words = matchedKeywords(text, track.keywords);
  if (words.length > 0) {
    points += Math.min(4, 2 * words.length);
    why.push(`mentions ${words.slice(0, 3).map((w) => `"${w}"`).join(', ')}`);
  }
  return { track, points, why };
}

function bandOf(points: number): ConfidenceBand {
  if (points >= 4) return 'high';
  if (points >= 2) return 'medium';
  return 'low';
}
