// score: intent (behaviour, decaying with time), fit (who they are), the
// combined lead score and its tier. Every point is kept as a named part.
import type { Config } from './config.ts';
import type { Persona, Seniority, Tier } from './contract.ts';
import type { Reason, Scores, Stage } from './types.ts';
import { DAY_MS, industryKey } from './values.ts';

export interface ScoreInputs {
  pageViews: number;
  formSubmissions: number;
  /** Epoch ms of the latest visit or conversion, or null. */
  lastActivityMs: number | null;
  persona: Persona;
  seniority: Seniority;
  industry: string | null;
  employees: number | null;
}

export function score(input: ScoreInputs, config: Config, nowMs: number): Stage<Scores> {
  const intentParts = intentPartsOf(input, config, nowMs);
  const fitParts = fitPartsOf(input, config);
  const intent = clampScore(sum(intentParts));
  const fit = clampScore(sum(fitParts));
  const { weights } = config.scoring;
  const lead = clampScore(Math.round(weights.intent * intent + weights.fit * fit));
  const tier = tierOf(lead, config);
  const reasons: Reason[] = [
    { code: 'score_intent', message: `Intent ${intent}: ${describeParts(intentParts, 'no recent activity')}.` },
    { code: 'score_fit', message: `Fit ${fit}: ${describeParts(fitParts, 'no fit signals')}.` },
    { code: `tier_${tier}`, message: tierMessage(tier, lead, config) },
  ];
  return { value: { intent, fit, lead, tier, parts: { intent: intentParts, fit: fitParts } }, reasons };
}

export function tierOf(lead: number, config: Config): Tier {
  if (lead >= config.scoring.tiers.high) return 'high';
  if (lead >= config.scoring.tiers.medium) return 'medium';
  return 'low';
}

function intentPartsOf(input: ScoreInputs, config: Config, nowMs: number): Record<string, number> {
  const { pageViews, formSubmissions, recency } = config.scoring.intent;
  const parts: Record<string, number> = {};
  add(parts, plural(input.pageViews, 'page view'), Math.min(pageViews.maxPoints, input.pageViews * pageViews.pointsEach));
  add(parts, plural(input.formSubmissions, 'form submission'), Math.min(formSubmissions.maxPoints, input.formSubmissions * formSubmissions.pointsEach));
  if (input.lastActivityMs !== null) {
    const days = Math.max(0, (nowMs - input.lastActivityMs) / DAY_MS);
    const label = days < 1 ? 'active today' : `last active ${Math.floor(days)} day${Math.floor(days) === 1 ? '' : 's'} ago`;
    add(parts, label, recency.maxPoints * Math.pow(0.5, days / recency.halfLifeDays));
  }
  return parts;
}

function fitPartsOf(input: ScoreInputs, config: Config): Record<string, number> {
  const fit = config.scoring.fit;
  const parts: Record<string, number> = {};
  add(parts, `${input.persona.replace(/_/g, ' ')} persona`, fit.persona[input.persona] ?? 0);
  add(parts, `${input.seniority.replace(/_/g, ' ')} seniority`, fit.seniority[input.seniority] ?? 0);
  if (input.employees === null) add(parts, 'unknown company size', fit.unknownCompanySize);
  else add(parts, `${formatInt(input.employees)} employees`, sizePoints(input.employees, config));
  if (input.industry === null) add(parts, 'unknown industry', fit.unknownIndustry);
  else add(parts, `${input.industry} industry`, industryPoints(input.industry, config));
  return parts;
}

const industryTables = new WeakMap<object, Map<string, number>>();

function industryPoints(industry: string, config: Config): number {
  let table = industryTables.get(config.scoring.fit.industry);
  if (!table) {
    table = new Map(Object.entries(config.scoring.fit.industry).map(([k, v]) => [industryKey(k), v]));
    industryTables.set(config.scoring.fit.industry, table);
  }
  return table.get(industryKey(industry)) ?? config.scoring.fit.unknownIndustry;
}

function sizePoints(employees: number, config: Config): number {
  let best: { minEmployees: number; points: number } | null = null;
  for (const band of config.scoring.fit.companySize) {
    if (band.minEmployees <= employees && (best === null || band.minEmployees >= best.minEmployees)) best = band;
  }
  return best?.points ?? config.scoring.fit.unknownCompanySize;
}

/** Parts are whole points, so the explanation adds up; zero parts are left out. */
function add(parts: Record<string, number>, label: string, points: number): void {
  const p = Math.round(points);
  if (p !== 0) parts[label] = p;
}

function sum(parts: Record<string, number>): number {
  let s = 0;
  for (const k in parts) s += parts[k]!;
  return s;
}

export function clampScore(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "12 page views (+35), director seniority (+20)": the biggest contributions first. */
export function describeParts(parts: Record<string, number>, empty: string, limit = 3): string {
  const top = Object.entries(parts).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, limit);
  if (top.length === 0) return empty;
  return top.map(([k, v]) => `${k} (${v > 0 ? '+' : ''}${v})`).join(', ');
}

function tierMessage(tier: Tier, lead: number, config: Config): string {
  const { high, medium } = config.scoring.tiers;
  if (tier === 'high') return `Lead score ${lead} is at or above ${high}, so the tier is high.`;
  if (tier === 'medium') return `Lead score ${lead} is between ${medium} and ${high - 1}, so the tier is medium.`;
  return `Lead score ${lead} is below ${medium}, so the tier is low.`;
}

function formatInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
