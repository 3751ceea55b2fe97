// Building EnrichmentFacts from raw values: one zod schema per fact, confidence kept apart.
// zod/mini: the same checks, a fraction of the bytes in the pasteable custom code bundles.
import * as z from 'zod/mini';
import type { EnrichmentFacts } from '../../core/types.ts';
import type { PropertyMap } from '../../core/types.ts';

export const FACT_NAMES = ['name', 'industry', 'employees', 'annualRevenue', 'country'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** The HubSpot company property behind each fact. */
export const COMPANY_PROPERTY_OF: Record<FactName, string> = {
  name: 'name',
  industry: 'industry',
  employees: 'numberofemployees',
  annualRevenue: 'annualrevenue',
  country: 'country',
};

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const amount = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+(\.\d+)?$/)), z.transform(Number))]),
  z.number().check(z.nonnegative()),
);

const FACT_SCHEMAS = { name: text, industry: text, employees: amount, annualRevenue: amount, country: text } as const;

export const CONFIDENCE = { personSet: 90, system: 60, hintsOnly: 50 } as const;

/** Facts from raw values; values that do not validate are dropped, never guessed. */
export function buildFacts(
  source: string,
  companyKey: string,
  values: Partial<Record<FactName, unknown>>,
  confidenceOf: (fact: FactName) => number,
  knownGood: readonly FactName[] = [],
): EnrichmentFacts | null {
  const facts: EnrichmentFacts = { source, companyKey };
  let any = false;
  for (const fact of FACT_NAMES) {
    const parsed = FACT_SCHEMAS[fact].safeParse(values[fact]);
    if (!parsed.success) continue;
    any = true;
    const confidence = Math.max(0, Math.min(100, confidenceOf(fact)));
    (facts as unknown as Record<string, unknown>)[fact] = { value: parsed.data, confidence, source };
  }
  if (!any) return null;
  // knownGood names company properties (what the engine compares against the CRM record).
  const good = knownGood.filter((fact) => facts[fact] !== undefined).map((fact) => COMPANY_PROPERTY_OF[fact]);
  if (good.length) facts.knownGood = good;
  return facts;
}

/** Fact values read off a company property map (the record the CRM already has). */
export function valuesFromCompany(company: PropertyMap | null | undefined): Partial<Record<FactName, unknown>> {
  if (!company) return {};
  return Object.fromEntries(FACT_NAMES.map((fact) => [fact, company[COMPANY_PROPERTY_OF[fact]]]));
}
