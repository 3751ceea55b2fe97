// State/region: US states and Canadian provinces (names or codes) → postal
// codes; other countries keep what was written, trimmed.
import type { Stage } from '../types.ts';
import { CA_PROVINCES, US_STATES } from './state-data.ts';
import { BoundedCache, frozen, fold, quote, readText, unusableReason } from './text.ts';

const MAX_STATE = 100;

function buildLookup(table: Record<string, readonly string[]>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [code, names] of Object.entries(table)) {
    lookup.set(fold(code), code);
    for (const name of names) lookup.set(fold(name), code);
  }
  return lookup;
}

const US = buildLookup(US_STATES);
const CA = buildLookup(CA_PROVINCES);
const cache = new BoundedCache<Stage<string | null>>(5_000, MAX_STATE);

/** Full names only (codes like "CA" are ambiguous without a country). */
function byNameOnly(key: string): { code: string; country: 'US' | 'CA' } | null {
  if (key.length <= 2) return null;
  const us = US.get(key);
  if (us) return { code: us, country: 'US' };
  const ca = CA.get(key);
  return ca ? { code: ca, country: 'CA' } : null;
}

function compute(text: string, countryCode: string | null): Stage<string | null> {
  const key = fold(text);
  if (countryCode === 'US' || countryCode === 'CA') {
    const code = (countryCode === 'US' ? US : CA).get(key);
    if (code) return { value: code, reasons: [{ code: 'state_recognized', message: `State ${quote(text)} is ${code}.` }] };
    const what = countryCode === 'US' ? 'a US state' : 'a Canadian province or territory';
    return { value: null, reasons: [{ code: 'state_unknown', message: `${quote(text)} is not ${what}, so no state code.` }] };
  }
  if (countryCode === null) {
    const found = byNameOnly(key);
    if (found) {
      return { value: found.code, reasons: [{ code: 'state_recognized', message: `State ${quote(text)} is ${found.code} (${found.country}).` }] };
    }
  }
  return {
    value: text,
    reasons: [{ code: 'state_kept', message: `State/region ${quote(text)} is kept as written (codes are mapped for the US and Canada only).` }],
  };
}

/**
 * Normalizes a state/region: "California" → "CA", "Québec" → "QC", "ca" with
 * country US → "CA"; other countries keep the trimmed text. Never throws.
 */
export function normalizeState(value: unknown, countryCode: string | null): Stage<string | null> {
  const read = readText(value, MAX_STATE);
  if (read.kind === 'missing') return { value: null, reasons: [{ code: 'state_missing', message: 'No state or region on the record.' }] };
  if (read.kind !== 'text') {
    const reason = unusableReason(read, 'state', 'state/region');
    return { value: null, reasons: reason ? [reason] : [] };
  }
  const key = `${countryCode ?? ''}|${read.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compute(read.text, countryCode);
  cache.set(key, frozen(result));
  return result;
}

/**
 * The postal code of a US state or Canadian province from its code or name, in
 * any case ("California", "ca", "Québec"), or null. With no country, names are
 * tried in both and two-letter codes in the US first. For config checks and
 * territory matching, where a state may be written either way.
 */
export function stateCodeOf(text: string, countryCode: string | null = null): string | null {
  const key = fold(text);
  if (countryCode === 'US') return US.get(key) ?? null;
  if (countryCode === 'CA') return CA.get(key) ?? null;
  return US.get(key) ?? CA.get(key) ?? null;
}
