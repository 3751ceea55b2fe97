// enrich: company size and industry, each with its confidence kept apart from
// the value. A known-good CRM value is never replaced by a less confident one.
import type { Config } from './config.ts';
import type { EnrichedValue, EnrichmentFacts, PropertyMap, Reason, Stage } from './types.ts';
import { parseHeadCount } from './normalize/head-count.ts';
import { readLabel } from './values.ts';

export interface EnrichOutcome {
  source: string;
  confidence: number;
  industry: string | null;
  employees: number | null;
}

export const COMPANY_SOURCE = 'hubspot-company';
export const CONTACT_SOURCE = 'hubspot-contact';
export const NO_SOURCE = 'none';

// A list, not a Set built per decision: it names at most a couple of properties.
const NONE: readonly string[] = [];

interface Pick<T> { value: T; confidence: number; source: string }

export function enrich(
  contact: PropertyMap,
  company: PropertyMap | null,
  facts: EnrichmentFacts | null | undefined,
  companyKey: string | null,
  config: Config,
): Stage<EnrichOutcome> {
  const reasons: Reason[] = [];
  const usable = usableFacts(facts, companyKey, reasons);
  const knownGood = Array.isArray(usable?.knownGood) ? usable.knownGood : NONE;
  // A provider's garbage industry ("NaN", a number) is no fact: it never reaches a reason.
  const providerIndustry = usable?.industry && readIndustry(usable.industry.value) !== null ? usable.industry : undefined;
  const industry = choose('industry', crmValue(company, 'industry', contact, 'industry', readIndustry, config),
    providerIndustry, knownGood.includes('industry'), reasons);
  const employees = choose('company size', crmValue(company, 'numberofemployees', contact, 'numemployees', readEmployees, config),
    usable?.employees, knownGood.includes('numberofemployees'), reasons);
  if (industry === null && employees === null) {
    reasons.push({ code: 'enrich_no_data', message: 'No company size or industry is known yet, so fit uses neutral points.' });
    return { value: { source: NO_SOURCE, confidence: 0, industry: null, employees: null }, reasons };
  }
  // Averaged over both facts: a missing fact counts as zero confidence.
  const confidence = Math.round(((industry?.confidence ?? 0) + (employees?.confidence ?? 0)) / 2);
  const source = mainSource(industry, employees);
  const known = industry && employees ? `industry ${industry.value}, ${employees.value} employees` : industry ? `industry ${industry.value}` : `${employees!.value} employees`;
  reasons.push({ code: 'enrich_facts', message: `Company facts (${known}) from ${source}, confidence ${confidence} of 100.` });
  return {
    value: { source, confidence, industry: industry?.value ?? null, employees: employees?.value ?? null },
    reasons,
  };
}

function usableFacts(facts: EnrichmentFacts | null | undefined, companyKey: string | null, reasons: Reason[]): EnrichmentFacts | null {
  if (!facts) return null;
  if (facts.fallback) reasons.push(facts.fallback);
  if (companyKey === null || facts.companyKey !== companyKey) {
    reasons.push({ code: 'enrich_key_mismatch', message: `Provider facts are for ${facts.companyKey || 'another company'}, not this contact's company, so they were ignored.` });
    return null;
  }
  return facts;
}

function readIndustry(v: unknown): string | null {
  return readLabel(v, 80);
}

/** "1.200", "1 200", "1000-5000" (midpoint), "10001+" (lower bound): see normalize/head-count.ts. */
function readEmployees(v: unknown): number | null {
  return parseHeadCount(v)?.employees ?? null;
}

function crmValue<T>(
  company: PropertyMap | null, companyProp: string, contact: PropertyMap, contactProp: string,
  read: (v: unknown) => T | null, config: Config,
): Pick<T> | null {
  const fromCompany = company ? read(company[companyProp]) : null;
  if (fromCompany !== null) return { value: fromCompany, confidence: config.enrichment.crmConfidence, source: COMPANY_SOURCE };
  const fromContact = read(contact[contactProp]);
  if (fromContact !== null) return { value: fromContact, confidence: config.enrichment.contactConfidence, source: CONTACT_SOURCE };
  return null;
}

function choose<T extends string | number>(
  label: string, crm: Pick<T> | null, provided: EnrichedValue<T> | undefined, knownGood: boolean, reasons: Reason[],
): Pick<T> | null {
  const provider = validProvided(provided);
  if (crm && knownGood) {
    const held = { ...crm, confidence: 100 };
    if (provider && provider.value !== crm.value) reasons.push({ code: 'enrich_kept_known_good', message: `Kept the CRM ${label} (${crm.value}): a person set it, so ${provider.source}'s ${provider.value} does not replace it.` });
    return held;
  }
  if (!provider) return crm;
  if (!crm) {
    reasons.push({ code: 'enrich_filled_from_provider', message: `${cap(label)} ${provider.value} comes from ${provider.source} (confidence ${provider.confidence}).` });
    return provider;
  }
  if (provider.confidence > crm.confidence && provider.value !== crm.value) {
    reasons.push({ code: 'enrich_provider_more_confident', message: `${cap(label)} ${provider.value} from ${provider.source} (confidence ${provider.confidence}) replaces the CRM's ${crm.value} (confidence ${crm.confidence}).` });
    return provider;
  }
  if (provider.value !== crm.value) reasons.push({ code: 'enrich_kept_crm_value', message: `Kept the CRM ${label} (${crm.value}): ${provider.source} is less sure (confidence ${provider.confidence}).` });
  return { ...crm, confidence: Math.max(crm.confidence, provider.value === crm.value ? provider.confidence : 0) };
}

function validProvided<T extends string | number>(p: EnrichedValue<T> | undefined): Pick<T> | null {
  if (!p || p.value === null || p.value === undefined || p.value === '') return null;
  if (typeof p.value === 'number' && !(Number.isFinite(p.value) && p.value >= 1)) return null;
  const confidence = Number.isFinite(p.confidence) ? Math.min(100, Math.max(0, Math.round(p.confidence))) : 0;
  return { value: p.value, confidence, source: typeof p.source === 'string' && p.source !== '' ? p.source : 'provider' };
}

function mainSource(a: Pick<unknown> | null, b: Pick<unknown> | null): string {
  if (external(a)) return a!.source;
  if (external(b)) return b!.source;
  return a?.source === COMPANY_SOURCE || b?.source === COMPANY_SOURCE ? COMPANY_SOURCE : CONTACT_SOURCE;
}

function external(p: Pick<unknown> | null): boolean {
  return p !== null && p.source !== COMPANY_SOURCE && p.source !== CONTACT_SOURCE;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
