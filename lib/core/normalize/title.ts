// Job title → persona (job function) and seniority, by ordered rules over the
// folded title. Each result names the rules that matched.
import type { Persona, Seniority } from '../contract.ts';
import type { Stage } from '../types.ts';
import { C_ACRONYM, C_LEVEL_ACRONYMS, CHIEF_OFFICER, PERSONA_RULES, SENIORITY_RULES } from './title-rules.ts';
import type { TitleRule } from './title-rules.ts';
import { BoundedCache, frozen, fold, quote, readText, unusableReason } from './text.ts';

export interface TitleClass {
  persona: Persona;
  seniority: Seniority;
  /** Name of the rule that decided the persona, or null when none matched. */
  personaRule: string | null;
  seniorityRule: string | null;
}

interface Match<T> {
  value: T;
  rule: string;
  matched: string;
}

const MAX_TITLE = 300;
const LEADING_RULES = PERSONA_RULES.slice(0, 2); // assistant, student: they trump a C-level word in the title
const FUNCTION_RULES = PERSONA_RULES.filter((r) => r.value !== 'executive' && !LEADING_RULES.includes(r));
const LATER_RULES = PERSONA_RULES.slice(2);
const cache = new BoundedCache<Stage<TitleClass>>(10_000, MAX_TITLE);

function firstMatch<T>(rules: readonly TitleRule<T>[], key: string): Match<T> | null {
  for (const r of rules) {
    const m = r.pattern.exec(key);
    if (m) return { value: r.value, rule: r.name, matched: m[0].trim() };
  }
  return null;
}

/** Persona: assistants and students first, then the function a C-level title names, then ordered rules. */
function personaOf(key: string): Match<Persona> | null {
  const leading = firstMatch(LEADING_RULES, key);
  if (leading) return leading;
  const acronym = C_ACRONYM.exec(key);
  if (acronym) {
    const name = acronym[1] ?? '';
    return { value: C_LEVEL_ACRONYMS[name] ?? 'executive', rule: 'c_level_acronym', matched: name };
  }
  const chief = CHIEF_OFFICER.exec(key);
  if (chief) {
    const named = firstMatch(FUNCTION_RULES, (chief[1] ?? '').trim());
    return { value: named?.value ?? 'executive', rule: 'chief_officer', matched: chief[0] };
  }
  return firstMatch(LATER_RULES, key);
}

function describe(title: string, persona: Match<Persona> | null, seniority: Match<Seniority> | null): string {
  const p = persona ? `persona ${persona.value} (rule ${persona.rule}: “${persona.matched}”)` : 'persona other (no function rule matched)';
  const s = seniority ? `seniority ${seniority.value} (rule ${seniority.rule}: “${seniority.matched}”)` : 'seniority unknown (no level rule matched)';
  return `Job title ${quote(title)} → ${p}, ${s}.`;
}

function compute(title: string): Stage<TitleClass> {
  const key = fold(title);
  const persona = personaOf(key);
  const seniority = firstMatch(SENIORITY_RULES, key);
  const value: TitleClass = {
    persona: persona?.value ?? 'other',
    seniority: seniority?.value ?? 'unknown',
    personaRule: persona?.rule ?? null,
    seniorityRule: seniority?.rule ?? null,
  };
  if (!persona && !seniority) {
    return { value, reasons: [{ code: 'title_unrecognized', message: `Job title ${quote(title)} matched no title rule, so persona is other and seniority unknown.` }] };
  }
  return { value, reasons: [{ code: 'title_classified', message: describe(title, persona, seniority) }] };
}

const NONE: TitleClass = Object.freeze({ persona: 'other', seniority: 'unknown', personaRule: null, seniorityRule: null });

/** Classifies a job title ("VP Sales" → sales + vp, "Geschäftsführer" → executive + c_level). Never throws. */
export function classifyTitle(value: unknown): Stage<TitleClass> {
  const read = readText(value, MAX_TITLE);
  if (read.kind === 'missing') {
    return { value: NONE, reasons: [{ code: 'title_missing', message: 'No job title, so persona is other and seniority unknown.' }] };
  }
  if (read.kind !== 'text') {
    const reason = unusableReason(read, 'title', 'job title');
    return { value: NONE, reasons: reason ? [reason] : [] };
  }
  const hit = cache.get(read.text);
  if (hit) return hit;
  const result = compute(read.text);
  cache.set(read.text, frozen(result));
  return result;
}
