// score: intent (dated activity that ages, lib/core/intent.ts), fit (who they are), the
// combined lead score and its tier. Every point is kept as a named part.
import type { Config } from './config.ts';
import { PERSONAS, SENIORITIES, type Persona, type Seniority, type Tier } from './contract.ts';
import { interned, SentenceMemo } from './sentences.ts';
import type { Reason, Scores, Stage } from './types.ts';
import type { Activity } from './activity.ts';
import { industryLabel as industryName, industryPoints } from './industries.ts';
import { formatCount, intentOf, lastActivePhrase, rankParts, type Part } from './intent.ts';
import { personaLabel, seniorityLabel } from './labels.ts';

export interface ScoreInputs {
  /** Dated activity (lib/core/activity.ts). */
  activity: Activity;
  persona: Persona;
  seniority: Seniority;
  industry: string | null;
  employees: number | null;
  /** The email is a free-mail address: a small fit signal (config scoring.fit.freeMail). */
  freeMail?: boolean;
}

export type { Part };

/** The stage plus the parts ranked by weight, which the audit line reuses. */
export type ScoreStage = Stage<Scores> & { ranked: { intent: Part[]; fit: Part[] } };

export function score(input: ScoreInputs, config: Config, nowMs: number): ScoreStage {
  const intentResult = intentOf(input.activity, config, nowMs);
  const intentParts = intentResult.parts;
  const intent = clampScore(intentResult.intent);
  const fitParts = fitPartsOf(input, config);
  const fit = clampWithPart(fitParts);
  const { weights } = config.scoring;
  const lead = clampScore(Math.round(weights.intent * intent + weights.fit * fit));
  const tier = tierOf(lead, config);
  rankParts(fitParts);
  const reasons: Reason[] = [
    { code: 'score_intent', message: intentMessage(intent, intentParts, input.activity, nowMs) },
    { code: 'score_fit', message: `${scoreText(FIT_PREFIXES, 'Fit ', fit)}${describeRanked(fitParts, 'no fit signals', 4)}.` },
    { code: TIER_CODES[tier], message: TIER_SENTENCES.get(config.scoring, lead) },
  ];
  return {
    value: { intent, fit, lead, tier, parts: { intent: toRecord(intentParts), fit: toRecord(fitParts) } },
    reasons,
    ranked: { intent: intentParts, fit: fitParts },
  };
}

export function tierOf(lead: number, config: Config): Tier {
  return tierBetween(lead, config.scoring.tiers);
}

/** "Intent 74: demo request this week (+44), …" or why activity earns nothing. */
function intentMessage(intent: number, parts: readonly Part[], activity: Activity, nowMs: number): string {
  let text: string;
  if (parts.length > 0) text = scoreText(INTENT_PREFIXES, 'Intent ', intent) + describeRanked(parts, '', 3);
  else if (activity.lastMs !== null) text = `Intent 0: ${lastActivePhrase(activity.lastMs, nowMs)}, too long ago to earn points`;
  else text = 'Intent 0: no dated activity';
  if (activity.future > 0) text += ` (${activity.future} date${activity.future === 1 ? '' : 's'} in the future ignored)`;
  return `${text}.`;
}

function fitPartsOf(input: ScoreInputs, config: Config): Part[] {
  const fit = config.scoring.fit;
  const parts: Part[] = [];
  add(parts, PERSONA_PARTS[input.persona] ?? 'unknown persona', fit.persona[input.persona] ?? 0);
  add(parts, SENIORITY_PARTS[input.seniority] ?? 'unknown seniority', fit.seniority[input.seniority] ?? 0);
  if (input.employees === null) add(parts, 'unknown company size', fit.unknownCompanySize);
  else add(parts, employeesLabel(input.employees), sizePoints(input.employees, config));
  if (input.industry === null) add(parts, 'unknown industry', fit.unknownIndustry);
  else add(parts, industryLabel(input.industry), industryPoints(input.industry, fit));
  if (input.freeMail === true) add(parts, 'free-mail address', fit.freeMail);
  return parts;
}

/** Clamps the sum to 0–100; a clamp shows as its own part, so the parts still add up to the score. */
function clampWithPart(parts: Part[]): number {
  const total = sum(parts);
  const clamped = clampScore(total);
  if (clamped !== total) parts.push({ label: clamped === 100 ? 'capped at 100' : 'floored at 0', points: clamped - total });
  return clamped;
}

// Labels repeat endlessly across contacts; building each once keeps the hot path lean.
const PERSONA_PARTS: Record<string, string> = Object.fromEntries(PERSONAS.map((p) => [p, interned(`${personaLabel(p)} persona`)]));
const SENIORITY_PARTS: Record<string, string> = Object.fromEntries(SENIORITIES.map((p) => [p, interned(seniorityLabel(p))]));
const INDUSTRY_LABELS = new Map<string, string>();
const MAX_CACHED = 20_000;

// Head counts run into the tens of thousands. A Map of their labels outgrew the CPU caches,
// and a fresh label per decision cost a string-table insert when it became a breakdown key
// (measured: 4% of a decision), so every count under 100,000 keeps its interned label in a
// flat array (one load, at most 800 KB).
const SMALL_EMPLOYEES = 100_000;
const SMALL_EMPLOYEE_LABELS: (string | undefined)[] = new Array<string | undefined>(SMALL_EMPLOYEES).fill(undefined);

function employeesLabel(n: number): string {
  if (!(n >= 0 && n < SMALL_EMPLOYEES && Number.isInteger(n))) return `${formatCount(n)} employee${n === 1 ? '' : 's'}`;
  let label = SMALL_EMPLOYEE_LABELS[n];
  if (label === undefined) SMALL_EMPLOYEE_LABELS[n] = label = interned(`${formatCount(n)} employee${n === 1 ? '' : 's'}`);
  return label;
}

function industryLabel(industry: string): string {
  let label = INDUSTRY_LABELS.get(industry);
  if (label === undefined) {
    label = interned(`${industryName(industry)} industry`);
    if (INDUSTRY_LABELS.size >= MAX_CACHED) INDUSTRY_LABELS.clear();
    INDUSTRY_LABELS.set(industry, label);
  }
  return label;
}

function sizePoints(employees: number, config: Config): number {
  let best: { minEmployees: number; points: number } | null = null;
  for (const band of config.scoring.fit.companySize) {
    if (band.minEmployees <= employees && (best === null || band.minEmployees >= best.minEmployees)) best = band;
  }
  return best?.points ?? config.scoring.fit.unknownCompanySize;
}

/** Parts are whole points, so the explanation adds up; zero parts are left out. */
function add(parts: Part[], label: string, points: number): void {
  const p = Math.round(points);
  if (p !== 0) parts.push({ label, points: p });
}

function sum(parts: Part[]): number {
  let s = 0;
  for (const p of parts) s += p.points;
  return s;
}

// Labels vary per contact, so a plain {} would mint a new hidden class for almost
// every key sequence (measured: this alone halved throughput). A null-prototype
// object is a plain hash map to V8; it serialises and compares like any record.
const EMPTY_RECORD: Record<string, number> = Object.freeze(Object.create(null) as Record<string, number>);

function toRecord(parts: Part[]): Record<string, number> {
  // Many contacts have no dated intent at all: they share one frozen empty breakdown.
  if (parts.length === 0) return EMPTY_RECORD;
  const out = Object.create(null) as Record<string, number>;
  if (distinctLabels(parts)) {
    for (let i = 0; i < parts.length; i++) out[parts[i]!.label] = parts[i]!.points;
    return out;
  }
  // Two groups can share a label (e.g. a renamed rule): their points add, so the record still sums to the score.
  for (const p of parts) out[p.label] = (out[p.label] ?? 0) + p.points;
  return out;
}

/** A handful of parts: comparing pairs is cheaper than a look-up before every store. */
function distinctLabels(parts: readonly Part[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const label = parts[i]!.label;
    for (let j = 0; j < i; j++) if (parts[j]!.label === label) return false;
  }
  return true;
}

export function clampScore(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

/**
 * "12 page views this week (+35), Director (+20)" from parts already ranked; beyond
 * `limit` the rest are summed ("and 2 more (+9)"), so the numbers always add up.
 */
export function describeRanked(parts: readonly Part[], empty: string, limit: number): string {
  if (parts.length === 0) return empty;
  const shown = parts.length <= limit + 1 ? parts.length : limit;
  // One join per part: "label" + " (+25), " from a table of every score-sized number.
  let out = '';
  for (let i = 0; i < shown; i++) {
    const p = parts[i]!;
    out += p.label + pointsText(p.points, i < shown - 1 ? POINTS_THEN_COMMA : POINTS_LAST, i < shown - 1 ? '), ' : ')');
  }
  if (shown < parts.length) {
    let rest = 0;
    for (let i = shown; i < parts.length; i++) rest += parts[i]!.points;
    out += ` and ${parts.length - shown} more (${signed(rest)})`;
  }
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

// Explanations are joined from many short pieces, and each join costs a string: the pieces
// that only depend on a whole score or a part's points (−200…200) come from small tables
// filled as first met, which cut the explanations' cost by a third (measured, docs/engine.md).
const TABLE_MIN = -200;
const TABLE_SIZE = 401;
const POINTS_THEN_COMMA: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);
const POINTS_LAST: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);
const INTENT_PREFIXES: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);
const FIT_PREFIXES: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE).fill(undefined);

/** " (+25), " or " (+25)": the points of a part and what follows it. */
function pointsText(points: number, table: (string | undefined)[], close: string): string {
  const i = points - TABLE_MIN;
  if (!(i >= 0 && i < TABLE_SIZE && Number.isInteger(points))) return ` (${signed(points)}${close}`;
  return (table[i] ??= ` (${signed(points)}${close}`);
}

/** "Intent 74: ", "Fit 88: " */
function scoreText(table: (string | undefined)[], word: string, score: number): string {
  const i = score - TABLE_MIN;
  if (!(i >= 0 && i < TABLE_SIZE && Number.isInteger(score))) return `${word}${score}: `;
  return (table[i] ??= `${word}${score}: `);
}

/** The same description from a stored breakdown record (as the card and summaries hold it). */
export function describeParts(parts: Record<string, number>, empty: string, limit = 3): string {
  const list = Object.entries(parts).map(([label, points]) => ({ label, points }));
  rankParts(list);
  return describeRanked(list, empty, limit);
}

const TIER_CODES: Record<Tier, string> = { high: 'tier_high', medium: 'tier_medium', low: 'tier_low' };

// The tier sentence depends only on the weights, thresholds and the lead score (0–100).
const TIER_SENTENCES = new SentenceMemo((scoring: Config['scoring'], lead: number) => tierMessage(tierBetween(lead, scoring.tiers), lead, scoring.tiers));

function tierBetween(lead: number, tiers: Config['scoring']['tiers']): Tier {
  if (lead >= tiers.high) return 'high';
  if (lead >= tiers.medium) return 'medium';
  return 'low';
}

function tierMessage(tier: Tier, lead: number, tiers: Config['scoring']['tiers']): string {
  const { high, medium } = tiers;
  if (tier === 'high') return `Lead score ${lead} is at or above ${high}, so the tier is high.`;
  if (tier === 'medium') return `Lead score ${lead} is between ${medium} and ${high - 1}, so the tier is medium.`;
  return `Lead score ${lead} is below ${medium}, so the tier is low.`;
}
