// Phone → E.164 with libphonenumber-js (full "max" metadata, so "valid" means
// the number matches a real numbering plan, not just a plausible length).
import { getCountries, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import type { Stage } from '../types.ts';
import { fastE164 } from './phone-fast.ts';
import { BoundedCache, frozen, readText, unusableReason } from './text.ts';

const MAX_PHONE = 64;
const TEL_PREFIX = /^(?:tel|phone|ph|mobile|mob|cell|t|m)\s*[:.]\s*/i;
const LENGTH_PROBLEMS: Record<string, string> = {
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  INVALID_LENGTH: 'has the wrong number of digits',
  INVALID_COUNTRY: 'has an unknown country code',
  NOT_A_NUMBER: 'has no phone number in it',
};
// A Set lookup instead of the library's isSupportedCountry, which re-wraps its metadata on every call.
const SUPPORTED: ReadonlySet<string> = new Set(getCountries());
const cache = new BoundedCache<Stage<string | null>>(20_000, 80);

function safeParse(text: string, region: CountryCode | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, region ? { defaultCountry: region } : {});
  } catch {
    return undefined; // a library surprise is an unreadable phone, never a crash
  }
}

function valid(e164: string): Stage<string | null> {
  return { value: e164, reasons: [{ code: 'phone_e164', message: `The phone number is valid and reads as ${e164} (E.164).` }] };
}

/** The number as E.164 only when it parses as valid; otherwise null and why. */
function compute(text: string, region: CountryCode | undefined): Stage<string | null> {
  let parsed = safeParse(text, region);
  // "0049 30 1234567": 00 is the international prefix almost everywhere, but the
  // library only knows that when the default region dials out with 00.
  if (!parsed?.isValid() && text.startsWith('00')) {
    const retry = safeParse(`+${text.slice(2)}`, undefined);
    if (retry?.isValid()) parsed = retry;
  }
  if (parsed?.isValid()) {
    const e164 = parsed.number;
    if (parsed.ext) {
      return {
        value: null,
        reasons: [{ code: 'phone_has_extension', message: `The phone number is valid (${e164}) but has extension ${parsed.ext}, which E.164 cannot hold, so it was left as written.` }],
      };
    }
    return valid(e164);
  }
  const international = text.startsWith('+') || text.startsWith('00');
  if (!region && !international) {
    return {
      value: null,
      reasons: [{ code: 'phone_needs_country', message: 'The phone number has no country code (+…) and the contact has no known country, so it was left as written.' }],
    };
  }
  let problem = 'is not a valid number';
  try {
    const length = validatePhoneNumberLength(text, region ? { defaultCountry: region } : {});
    if (length) problem = LENGTH_PROBLEMS[length] ?? problem;
  } catch {
    // keep the generic wording
  }
  const where = region && !international ? ` for ${region}` : '';
  return { value: null, reasons: [{ code: 'phone_invalid', message: `The phone number ${problem}${where}, so it was left as written.` }] };
}

/**
 * Normalizes a phone value to E.164 ("+14155552671"), reading national formats
 * with the given ISO alpha-2 region ("030 1234567" with DE → "+49301234567").
 * Never throws.
 */
export function normalizePhone(value: unknown, regionCode: string | null): Stage<string | null> {
  const read = readText(value, MAX_PHONE);
  if (read.kind === 'missing') return { value: null, reasons: [{ code: 'phone_missing', message: 'No phone number on the record.' }] };
  if (read.kind !== 'text') {
    const reason = unusableReason(read, 'phone', 'phone number');
    return { value: null, reasons: reason ? [reason] : [] };
  }
  const region = regionCode && SUPPORTED.has(regionCode) ? (regionCode as CountryCode) : undefined;
  const text = read.text.replace(TEL_PREFIX, '');
  // Phones rarely repeat, so the common valid shapes skip the cache and take the fast path.
  const fast = fastE164(text, region);
  if (fast) return valid(fast);
  const key = `${region ?? ''}|${read.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compute(text, region);
  cache.set(key, frozen(result));
  return result;
}
