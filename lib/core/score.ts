// score: intent (behaviour, decaying with time), fit (who they are), the
// combined lead score and its tier. Every point is kept as a named part.
import type { Config } from './config.ts';
import { PERSONAS, SENIORITIES, type Persona, type Seniority, type Tier } from './contract.ts';
import { SentenceMemo } from './sentences.ts';
import type { Reason, Scores, Stage } from './types.ts';
import { industryLabel as industryName, industryPoints } from './industries.ts';
import { DAY_MS } from './values.ts';

export interface ScoreInputs {
  pageViews: number;
  formSubmissions: number;
  /** Epoch ms of the latest visit or conversion, or null. */
  lastActivityMs: number | null;
  persona: Persona;
  seniority: Seniority;
  industry: string | null;
  employees: number | null;
  /** The email is a free-mail address: a small fit signal (config scoring.fit.freeMail). */
  freeMail?: boolean;
}

/** One named contribution, in whole points. */
export interface Part { label: string; points: number }

/** The stage plus the parts ranked by weight, which the audit line reuses. */
export type ScoreStage = Stage<Scores> & { ranked: { intent: Part[]; fit: Part[] } };

export function score(input: ScoreInputs, config: Config, nowMs: number): ScoreStage {
  const intentParts = intentPartsOf(input, config, nowMs);
  const fitParts = fitPartsOf(input, config);
  const intent = clampScore(sum(intentParts));
  const fit = clampScore(sum(fitParts));
  const { weights } = config.scoring;
  const lead = clampScore(Math.round(weights.intent * intent + weights.fit * fit));
  const tier = tierOf(lead, config);
  rank(intentParts);
  rank(fitParts);
  const reasons: Reason[] = [
    { code: 'score_intent', message: `Intent ${intent}: ${describeRanked(intentParts, 'no recent activity', 3)}.` },
    { code: 'score_fit', message: `Fit ${fit}: ${describeRanked(fitParts, 'no fit signals', 3)}.` },
    { code: TIER_CODES[tier], message: TIER_SENTENCES.get(config.scoring.tiers, lead) },
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

function intentPartsOf(input: ScoreInputs, config: Config, nowMs: number): Part[] {
  const { pageViews, formSubmissions, recency } = config.scoring.intent;
  const parts: Part[] = [];
  add(parts, countLabel(input.pageViews, PAGE_VIEW_LABELS, 'page view'), Math.min(pageViews.maxPoints, input.pageViews * pageViews.pointsEach));
  add(parts, countLabel(input.formSubmissions, FORM_LABELS, 'form submission'), Math.min(formSubmissions.maxPoints, input.formSubmissions * formSubmissions.pointsEach));
  if (input.lastActivityMs !== null) {
    const days = Math.max(0, (nowMs - input.lastActivityMs) / DAY_MS);
    add(parts, recencyLabel(Math.floor(days)), recency.maxPoints * Math.pow(0.5, days / recency.halfLifeDays));
  }
  return parts;
}

function fitPartsOf(input: ScoreInputs, config: Config): Part[] {
  const fit = config.scoring.fit;
  const parts: Part[] = [];
  add(parts, PERSONA_LABELS[input.persona] ?? 'unknown persona', fit.persona[input.persona] ?? 0);
  add(parts, SENIORITY_LABELS[input.seniority] ?? 'unknown seniority', fit.seniority[input.seniority] ?? 0);
  if (input.employees === null) add(parts, 'unknown company size', fit.unknownCompanySize);
  else add(parts, employeesLabel(input.employees), sizePoints(input.employees, config));
  if (input.industry === null) add(parts, 'unknown industry', fit.unknownIndustry);
  else add(parts, industryLabel(input.industry), industryPoints(input.industry, fit));
  if (input.freeMail === true) add(parts, 'free-mail address', fit.freeMail);
  return parts;
}

// Labels repeat endlessly across contacts; building each once keeps the hot path lean.
const PERSONA_LABELS: Record<string, string> = Object.fromEntries(PERSONAS.map((p) => [p, `${p.replace(/_/g, ' ')} persona`]));
const SENIORITY_LABELS: Record<string, string> = Object.fromEntries(SENIORITIES.map((p) => [p, `${p === 'c_level' ? 'C-level' : p} seniority`]));
const PAGE_VIEW_LABELS: string[] = [];
const FORM_LABELS: string[] = [];
const RECENCY_LABELS: string[] = [];
const EMPLOYEE_LABELS = new Map<number, string>();
const INDUSTRY_LABELS = new Map<string, string>();
const MAX_CACHED = 20_000;

function countLabel(n: number, cache: string[], word: string): string {
  if (n >= 1000) return `${n} ${word}s`;
  let label = cache[n];
  if (label === undefined) cache[n] = label = `${n} ${word}${n === 1 ? '' : 's'}`;
  return label;
}

function recencyLabel(days: number): string {
  let label = RECENCY_LABELS[days];
  if (label === undefined) {
    label = days < 1 ? 'active today' : `last active ${days} day${days === 1 ? '' : 's'} ago`;
    if (days < 5000) RECENCY_LABELS[days] = label;
  }
  return label;
}

function employeesLabel(n: number): string {
  let label = EMPLOYEE_LABELS.get(n);
  if (label === undefined) {
    label = `${formatInt(n)} employees`;
    if (EMPLOYEE_LABELS.size >= MAX_CACHED) EMPLOYEE_LABELS.clear();
    EMPLOYEE_LABELS.set(n, label);
  }
  return label;
}

function industryLabel(industry: string): string {
  let label = INDUSTRY_LABELS.get(industry);
  if (label === undefined) {
    label = `${industryName(industry)} industry`;
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

/** Biggest contributions first (by size, either sign); stable for ties. */
function rank(parts: Part[]): void {
  // Insertion sort: at most a handful of parts, and stable.
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

// Labels vary per contact, so a plain {} would mint a new hidden class for almost
// every key sequence (measured: this alone halved throughput). A null-prototype
// object is a plain hash map to V8; it serialises and compares like any record.
function toRecord(parts: Part[]): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const p of parts) out[p.label] = p.points;
  return out;
}

export function clampScore(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

/** "12 page views (+35), director seniority (+20)" from parts already ranked. */
export function describeRanked(parts: readonly Part[], empty: string, limit: number): string {
  if (parts.length === 0) return empty;
  let out = '';
  for (let i = 0; i < parts.length && i < limit; i++) {
    const p = parts[i]!;
    out += `${i === 0 ? '' : ', '}${p.label} (${p.points > 0 ? '+' : ''}${p.points})`;
  }
  return out;
}

/** The same description from a stored breakdown record (as the card and summaries hold it). */
export function describeParts(parts: Record<string, number>, empty: string, limit = 3): string {
  const list = Object.entries(parts).map(([label, points]) => ({ label, points }));
  rank(list);
  return describeRanked(list, empty, limit);
}

const TIER_CODES: Record<Tier, string> = { high: 'tier_high', medium: 'tier_medium', low: 'tier_low' };

// The tier sentence depends only on the thresholds and the lead score (0–100).
const TIER_SENTENCES = new SentenceMemo((tiers: Config['scoring']['tiers'], lead: number) => tierMessage(tierBetween(lead, tiers), lead, tiers));

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

function formatInt(n: number): string {
  if (n < 1000) return String(n);
  const rest = n % 1000;
  return `${formatInt(Math.floor(n / 1000))},${rest < 10 ? '00' : rest < 100 ? '0' : ''}${rest}`;
}
