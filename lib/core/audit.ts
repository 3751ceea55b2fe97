// audit: the one readable line a rep sees, and the decision key that makes an
// identical re-run recognisable. The key hashes normalized inputs and final
// outcomes (never raw values the decision rewrites, never `now` directly), so
// deciding again on the decision's own output gives the same key.
import { MAX_REASON_LENGTH, type Tier } from './contract.ts';
import { hashFields } from './hash.ts';
import { stageLabel } from './lifecycle.ts';
import { describeRanked, type Part } from './score.ts';
import { humanizeEnum, TIER_LABELS } from './labels.ts';
import type { Classification, NormalizedContact, Scores } from './types.ts';

export interface KeyParts {
  scoringVersion: string;
  normalized: NormalizedContact;
  enrichment: { source: string; confidence: number; industry: string | null; employees: number | null };
  classification: Classification;
  scores: Scores;
  /** The lifecycle stage after this decision (moved or kept). */
  finalStage: string | null;
  /** The owner after this decision (assigned or kept). */
  finalOwnerId: string | null;
  reengage: boolean;
}

// Filled in place for each key: no per-decision array for the 21 fields.
const FIELDS: (string | number | boolean | null)[] = [];

export function decisionKeyOf(k: KeyParts): string {
  const n = k.normalized;
  const c = k.classification;
  const s = k.scores;
  const e = k.enrichment;
  // Fields are hashed with type tags and positions, so "" and null, or "1" and 1, never collide.
  // A key is only ever compared with the same contact's previous key, so 64 bits is ample.
  FIELDS[0] = k.scoringVersion; FIELDS[1] = n.companyKey; FIELDS[2] = n.hasValidEmail; FIELDS[3] = n.phoneE164;
  FIELDS[4] = n.countryCode; FIELDS[5] = n.stateCode; FIELDS[6] = n.persona; FIELDS[7] = n.seniority;
  FIELDS[8] = e.source; FIELDS[9] = e.confidence; FIELDS[10] = e.industry; FIELDS[11] = e.employees;
  FIELDS[12] = c.contentTrack; FIELDS[13] = c.confidenceBand; FIELDS[14] = s.intent; FIELDS[15] = s.fit;
  FIELDS[16] = s.lead; FIELDS[17] = s.tier; FIELDS[18] = k.finalStage; FIELDS[19] = k.finalOwnerId; FIELDS[20] = k.reengage;
  return `dk1-${hashFields(FIELDS)}`;
}

export interface ReasonParts {
  tier: Tier;
  scores: Scores;
  weights: { intent: number; fit: number };
  ranked: { intent: readonly Part[]; fit: readonly Part[] };
  ownerName: string | null;
  routeWhy: string;
  lifecycleTo: string | null;
  track: string;
}

/** "High tier (lead score 82 = intent 75, fit 88). Drivers: …. Owner: …. Lifecycle → …." capped at 500 characters. */
export function decisionReason(p: ReasonParts): string {
  const s = p.scores;
  let text = head(p.tier, s, p.weights) + describeRanked(p.ranked.intent, 'no recent activity', 2) + '; fit from ' + describeRanked(p.ranked.fit, 'no fit signals', 2) + ownerSentence(p.ownerName, p.routeWhy);
  if (p.lifecycleTo !== null) text += memo(LIFECYCLE_SENTENCES, p.lifecycleTo, (to) => ` Lifecycle moved to ${stageLabel(to)}.`);
  text += memo(TRACK_SENTENCES, p.track, (track) => ` Track: ${humanizeEnum(track)}.`);
  return truncate(text, MAX_REASON_LENGTH);
}

// The owner, lifecycle and track sentences recur from contact to contact (a few owners,
// stages and tracks): each is built once. The head and the drivers vary too much to keep:
// a memo of thousands of heads cost more in cache misses than building them (measured).
/** "High tier (lead score 82 = 50% × intent 75 + 50% × fit 88). Intent from " in three pieces, one per score. */
function head(tier: Tier, s: Scores, weights: ReasonParts['weights']): string {
  if (!(isScore(s.lead) && isScore(s.intent) && isScore(s.fit))) {
    return `${TIER_WORD[tier]} tier (lead score ${s.lead} = ${share(weights.intent)} intent ${s.intent} + ${share(weights.fit)} fit ${s.fit}). Intent from `;
  }
  let t = HEADS.get(weights);
  if (t === undefined) HEADS.set(weights, (t = { lead: [], intent: [], fit: [] }));
  const lead = (t.lead[TIER_INDEX[tier] * 101 + s.lead] ??= `${TIER_WORD[tier]} tier (lead score ${s.lead} = ${share(weights.intent)} intent `);
  const intent = (t.intent[s.intent] ??= `${s.intent} + ${share(weights.fit)} fit `);
  return lead + intent + (t.fit[s.fit] ??= `${s.fit}). Intent from `);
}

// Per weights: small tables of the head's pieces, indexed by score (0–100), filled as first met.
const HEADS = new WeakMap<object, { lead: string[]; intent: string[]; fit: string[] }>();
const TIER_INDEX: Record<Tier, number> = { high: 0, medium: 1, low: 2 };

function isScore(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 100;
}

const OWNER_SENTENCES = new Map<string, Map<string, string>>();
const LIFECYCLE_SENTENCES = new Map<string, string>();
const TRACK_SENTENCES = new Map<string, string>();
const MAX_SENTENCES = 10_000;

function ownerSentence(name: string | null, why: string): string {
  if (name === null) return '. No owner.';
  let byWhy = OWNER_SENTENCES.get(name);
  if (byWhy === undefined) {
    if (OWNER_SENTENCES.size >= MAX_SENTENCES) OWNER_SENTENCES.clear();
    OWNER_SENTENCES.set(name, (byWhy = new Map()));
  }
  return memo(byWhy, why, () => `. Owner: ${name} (${why}).`);
}

function memo(table: Map<string, string>, key: string, build: (key: string) => string): string {
  let sentence = table.get(key);
  if (sentence === undefined) {
    sentence = build(key);
    if (table.size >= MAX_SENTENCES) table.clear();
    table.set(key, sentence);
  }
  return sentence;
}

const TIER_WORD = TIER_LABELS;
const SHARES = new Map<number, string>();

/** 0.5 → "50% ×": the weight of a score in the lead score. */
function share(weight: number): string {
  let text = SHARES.get(weight);
  if (text === undefined) {
    text = `${Math.round(weight * 1000) / 10}% ×`;
    SHARES.set(weight, text);
  }
  return text;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}
