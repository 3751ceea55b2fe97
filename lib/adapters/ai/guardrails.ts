// Guardrails around any AI classifier: what may go into a prompt (whitelisted,
// redacted, capped fields) and what may come out (labels from the config,
// capped lengths, no instructions, no URLs). Pure functions.
// zod/mini: the same checks, a fraction of the bytes in the pasteable custom code bundles.
import * as z from 'zod/mini';
import { CONFIDENCE_BANDS } from '../../core/contract.ts';
import type { Classification, PropertyMap } from '../../core/types.ts';
import type { ClassificationRequest } from '../../ports.ts';
import { nameTerms, redactPii } from './redact.ts';
import { parseHeadCount } from '../../core/normalize/head-count.ts';

/** The only fields a prompt may carry, with their length caps. */
export const PROMPT_FIELD_CAPS = {
  jobtitle: 100,
  industry: 80,
  company_size_band: 20,
  lifecyclestage: 40,
  page_views_band: 20,
  message: 1000,
} as const;
export type PromptField = keyof typeof PROMPT_FIELD_CAPS;
export const PROMPT_FIELDS = Object.keys(PROMPT_FIELD_CAPS) as PromptField[];

export const OUTPUT_CAPS = { subjectLine: 120, nextBestAsset: 120, objections: 5, objection: 80 } as const;

const SIZE_BANDS: [number, string][] = [[10, '1-10'], [50, '11-50'], [200, '51-200'], [1000, '201-1000'], [5000, '1001-5000']];
const VIEW_BANDS: [number, string][] = [[0, '0'], [5, '1-5'], [20, '6-20'], [50, '21-50']];

const BAND_VALUES = {
  company_size_band: [...SIZE_BANDS.map(([, band]) => band), '5000+'],
  page_views_band: [...VIEW_BANDS.map(([, band]) => band), '50+'],
} as const satisfies Partial<Record<PromptField, readonly string[]>>;

function toNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Employee count → a coarse band, so the exact figure never leaves. */
export function companySizeBand(employees: unknown): string | null {
  // "1.200", "1 200" and HubSpot's "1000-5000" picklist read as the engine reads them.
  const n = parseHeadCount(employees)?.employees ?? null;
  if (n === null) return null;
  return SIZE_BANDS.find(([max]) => n <= max)?.[1] ?? '5000+';
}

export function pageViewsBand(views: unknown): string | null {
  const n = toNumber(views);
  if (n === null) return null;
  return VIEW_BANDS.find(([max]) => n <= max)?.[1] ?? '50+';
}

/** Collapses whitespace and control characters and cuts at a word boundary; never longer than `max`. */
export function capLength(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Keeps only whitelisted fields, redacts and caps each value. Safe to apply twice. */
export function whitelistFields(fields: Record<string, unknown>, names: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of PROMPT_FIELDS) {
    const value = text(fields[field]);
    if (value === null) continue;
    if (field in BAND_VALUES) {
      // Bands are labels we made: only our own labels pass.
      if (BAND_VALUES[field as keyof typeof BAND_VALUES].includes(value)) out[field] = value;
      continue;
    }
    // Free text a contact typed may try to steer the model: such sentences never reach it.
    const safe = capLength(withoutInstructions(redactPii(value, { names })), PROMPT_FIELD_CAPS[field]);
    if (safe !== '') out[field] = safe;
  }
  return out;
}

/** The classification request for a contact: whitelisted fields only, names/emails/phones/addresses redacted. */
export function buildClassificationRequest(contact: PropertyMap, company: PropertyMap | null, allowedTracks: readonly string[]): ClassificationRequest {
  const names = nameTerms([contact['firstname'], contact['lastname']]);
  const raw: Record<string, unknown> = {
    jobtitle: contact['jobtitle'],
    industry: text(company?.['industry']) ?? contact['industry'],
    company_size_band: companySizeBand(company?.['numberofemployees'] ?? contact['numemployees']),
    lifecyclestage: contact['lifecyclestage'],
    page_views_band: pageViewsBand(contact['hs_analytics_num_page_views']),
    message: contact['message'],
  };
  return { fields: whitelistFields(raw, names), allowedTracks: [...allowedTracks] };
}

const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|prompts?|rules|context|above|previous|prior)\b/i,
  /\b(?:system|assistant|developer)\s*(?:prompt|message)?\s*:/i,
  /\byou are now\b/i,
  /\b(?:act|behave|pretend) as\b/i,
  /\bnew (?:instructions?|rules|role)\b/i,
  /\bjailbreak|\bDAN mode\b/i,
  /<\/?\s*(?:system|script|instructions?)\b/i,
  /\bprompt injection\b/i,
];
const URL_PATTERN = /\b(?:https?:\/\/|www\.|ftp:\/\/|mailto:|javascript:|data:)|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ai|co|ru|cn|xyz|info|biz|me|ly|app|dev|link|site|top|click)\b/i;

export const isInstructionLike = (text: string): boolean => INSTRUCTION_PATTERNS.some((p) => p.test(text));
export const hasUrl = (text: string): boolean => URL_PATTERN.test(text);

const SEGMENTS = /(?<=[.!?;])\s+|\n+|\s+[|•]\s+/;

/** Drops every sentence or line that gives instructions or carries a URL, then caps the rest. */
export function sanitizeFreeText(value: string, max: number): string {
  const kept = value.split(SEGMENTS).filter((s) => !isInstructionLike(s) && !hasUrl(s));
  return capLength(kept.join(' '), max);
}

function withoutInstructions(value: string): string {
  return value.split(SEGMENTS).filter((s) => !isInstructionLike(s)).join(' ');
}

const schemas = new Map<string, ReturnType<typeof buildOutputSchema>>();

/** The zod schema of an AI answer for these tracks (built once per track list). */
export function aiOutputSchema(allowedTracks: readonly string[]) {
  const key = allowedTracks.join('\u0000');
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size > 32) schemas.clear();
    schema = buildOutputSchema(allowedTracks);
    schemas.set(key, schema);
  }
  return schema;
}

function buildOutputSchema(allowedTracks: readonly string[]) {
  return z.object({
    contentTrack: z.enum(allowedTracks as [string, ...string[]]),
    objections: z.array(z.string()).check(z.maxLength(50)),
    confidenceBand: z.enum(CONFIDENCE_BANDS),
    nextBestAsset: z.string().check(z.maxLength(2000)),
    subjectLine: z.string().check(z.maxLength(2000)),
  });
}

export type GuardedOutput =
  | { ok: true; value: Omit<Classification, 'source' | 'fallback'> }
  | { ok: false; reason: { code: 'ai_invalid_output' | 'ai_unsafe_output'; message: string } };

/**
 * Validates an AI answer against the allowed labels, then caps and strips its free text.
 * With an asset catalogue (track id → asset ids), the asset must be an id of the chosen track.
 */
export function guardOutput(raw: unknown, allowedTracks: readonly string[], allowedAssets?: Readonly<Record<string, readonly string[]>>): GuardedOutput {
  if (allowedTracks.length === 0) return { ok: false, reason: { code: 'ai_invalid_output', message: 'No content tracks are configured, so the AI answer could not be checked.' } };
  const parsed = aiOutputSchema(allowedTracks).safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the answer';
    return { ok: false, reason: { code: 'ai_invalid_output', message: `The AI answer did not fit the expected shape (${where}).` } };
  }
  const out = parsed.data;
  if (allowedAssets !== undefined) {
    const ids = Object.hasOwn(allowedAssets, out.contentTrack) ? allowedAssets[out.contentTrack]! : [];
    if (!ids.includes(out.nextBestAsset)) {
      return { ok: false, reason: { code: 'ai_invalid_output', message: `The AI picked an asset that is not in the ${out.contentTrack.replace(/_/g, ' ')} catalogue, so it was not used.` } };
    }
  }
  const subjectLine = sanitizeFreeText(out.subjectLine, OUTPUT_CAPS.subjectLine);
  const nextBestAsset = sanitizeFreeText(out.nextBestAsset, OUTPUT_CAPS.nextBestAsset);
  if (subjectLine === '' || nextBestAsset === '') {
    return { ok: false, reason: { code: 'ai_unsafe_output', message: 'The AI suggested a subject line or asset with instructions or links in it, so it was not used.' } };
  }
  const objections = [...new Set(out.objections.map((o) => sanitizeFreeText(o, OUTPUT_CAPS.objection)).filter((o) => o !== ''))]
    .slice(0, OUTPUT_CAPS.objections);
  const assetId = allowedAssets !== undefined ? { nextBestAssetId: out.nextBestAsset } : {};
  return { ok: true, value: { contentTrack: out.contentTrack, confidenceBand: out.confidenceBand, objections, subjectLine, nextBestAsset, ...assetId } };
}
