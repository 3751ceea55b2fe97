// The schema of one `decide` JSONL line, and readable errors for a bad one.
import { z } from 'zod';
import type { DecisionInput } from '../core/types.ts';

const Properties = z.record(z.string(), z.unknown());
const ReasonSchema = z.object({ code: z.string(), message: z.string() });
const Enriched = <T extends z.ZodType>(value: T) => z.object({ value, confidence: z.number().min(0).max(100), source: z.string() });

const EnrichmentSchema = z.object({
  source: z.string(),
  companyKey: z.string(),
  name: Enriched(z.string()).optional(),
  industry: Enriched(z.string()).optional(),
  employees: Enriched(z.number()).optional(),
  annualRevenue: Enriched(z.number()).optional(),
  country: Enriched(z.string()).optional(),
  knownGood: z.array(z.string()).optional(),
  fallback: ReasonSchema.optional(),
});

const ClassificationSchema = z.object({
  contentTrack: z.string(),
  objections: z.array(z.string()),
  confidenceBand: z.enum(['high', 'medium', 'low']),
  nextBestAsset: z.string(),
  subjectLine: z.string(),
  source: z.string(),
  fallback: ReasonSchema.optional(),
});

// HubSpot's propertiesWithHistory shape: { "name": [{ "value", "timestamp", "sourceType" }] }, newest first.
const HistoryEntry = z.object({
  value: z.union([z.string(), z.number().transform(String)]).nullable(),
  timestamp: z.union([z.string().min(1, 'must be an ISO date-time'), z.number().int().positive().transform(String)])
    .refine((t) => Number.isFinite(/^\d+$/.test(t) ? Number(t) : Date.parse(t)), 'must be an ISO date-time or epoch milliseconds'),
  sourceType: z.string().optional(),
});
const HistorySchema = z.record(z.string(), z.array(HistoryEntry).max(10_000));

const ContextSchema = z.object({
  recentTasksByOwner: z.record(z.string(), z.number()).optional(),
  lastNotifiedAt: z.string().nullable().optional(),
  unavailableOwnerIds: z.array(z.string()).optional(),
  accountOwners: z.record(z.string(), z.string()).optional(),
  ownerLoad: z.record(z.string(), z.number()).optional(),
});

export const DecideLineSchema = z.object({
  id: z.union([z.string().trim().min(1, 'must not be empty'), z.number().int().nonnegative()]).transform(String),
  properties: Properties,
  propertiesWithHistory: HistorySchema.nullable().optional(),
  company: z.object({ id: z.union([z.string(), z.number()]).transform(String).optional(), properties: Properties }).nullable().optional(),
  enrichment: EnrichmentSchema.nullable().optional(),
  classification: ClassificationSchema.nullable().optional(),
  context: ContextSchema.optional(),
});

/** A line that is decided, but with values of the wrong type (they are read as missing or as text). */
export type LineResult = { ok: true; input: DecisionInput; warnings: string[] } | { ok: false; error: string };

// Text fields: a number or boolean there is a wrong type (`email: 123`). Any property holding an
// object or array is one too (HubSpot values are strings). Reported, not fatal: the line is decided.
const TEXT_PROPERTIES = ['email', 'website', 'domain', 'jobtitle', 'country', 'state', 'phone', 'mobilephone', 'company', 'firstname', 'lastname', 'industry', 'hubspot_owner_id'];

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

function typeWarnings(where: string, props: Record<string, unknown>, out: string[]): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || typeof value === 'string') continue;
    const wrong = typeof value === 'object' || TEXT_PROPERTIES.includes(name);
    if (wrong && out.length < 5) out.push(`${where}.${name} is ${kindOf(value)}, expected ${typeof value === 'object' ? 'a string or number' : 'a string'}`);
  }
}

/** Parses one line of JSONL into a DecisionInput, or a sentence saying what is wrong with it. */
export function parseDecideLine(line: string): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: 'expected a JSON object like {"id": "1", "properties": {…}, "company": null}' };
  }
  for (const key of ['id', 'properties'] as const) {
    if (!(key in json)) return { ok: false, error: `missing "${key}"` };
  }
  const parsed = DecideLineSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(line)'}: ${i.message}`);
    return { ok: false, error: problems.join('; ') };
  }
  const d = parsed.data;
  const warnings: string[] = [];
  typeWarnings('properties', d.properties, warnings);
  if (d.company) typeWarnings('company.properties', d.company.properties, warnings);
  const input: DecisionInput = { id: d.id, properties: d.properties, company: d.company ? { properties: d.company.properties, ...(d.company.id !== undefined ? { id: d.company.id } : {}) } : null };
  if (d.propertiesWithHistory) input.propertiesWithHistory = d.propertiesWithHistory;
  if (d.enrichment) input.enrichment = d.enrichment;
  if (d.classification) input.classification = d.classification;
  if (d.context) input.context = d.context;
  return { ok: true, input, warnings };
}
