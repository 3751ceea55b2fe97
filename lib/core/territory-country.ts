// The country a territory is matched on, from the best source that has one: the contact's
// country, then the company's, then the phone's country calling code, then the email's
// country-code top-level domain. Each source names itself in the reason.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Reason } from './types.ts';

export type CountrySource = 'contact' | 'company' | 'phone' | 'email' | 'none';

export interface CountryInputs {
  countryCode: string | null;
  companyCountryCode?: string | null;
  phoneE164?: string | null;
  emailDomain?: string | null;
}

export interface InferredCountry {
  code: string | null;
  source: CountrySource;
  /** Null when the contact's own country decides (the normalize stage already said so). */
  reason: Reason | null;
}

// ccTLDs sold as generic names (.io, .co, .ai, .me, .tv …) say nothing about where a company is.
const VANITY_TLDS = new Set(['io', 'co', 'ai', 'me', 'tv', 'ly', 'fm', 'gg', 'to', 'ws', 'cc', 'sh', 'so', 'app', 'dev', 'vc', 'la', 'is', 'im', 'am', 'md', 'ac', 'tk', 'nu', 'st', 'xyz', 'gl', 'li']);
const TLD_COUNTRY: Record<string, string> = { uk: 'GB', eu: '' };

export function inferCountry(input: CountryInputs): InferredCountry {
  if (input.countryCode) return { code: input.countryCode, source: 'contact', reason: null };
  if (input.companyCountryCode) {
    return { code: input.companyCountryCode, source: 'company', reason: { code: 'territory_company_country', message: `No country on the contact, so the company's country ${input.companyCountryCode} decides the territory.` } };
  }
  const phone = input.phoneE164 ? phoneCountry(input.phoneE164) : null;
  if (phone) {
    return { code: phone.country, source: 'phone', reason: { code: 'territory_phone_country', message: `No country on the contact or company, so the phone's +${phone.callingCode} (${phone.country}) decides the territory.` } };
  }
  const tld = input.emailDomain ? emailCountry(input.emailDomain) : null;
  if (tld) {
    return { code: tld.country, source: 'email', reason: { code: 'territory_email_tld', message: `No country, company country or phone, so the email's .${tld.tld} (${tld.country}) decides the territory.` } };
  }
  return { code: null, source: 'none', reason: null };
}

/** The country of an E.164 number; for shared calling codes (+1, +7) the number's own region. */
export function phoneCountry(e164: string): { country: string; callingCode: string } | null {
  // Parsing is the costly part of routing a contact without a country; numbers recur in bulk runs.
  const hit = PHONE_CACHE.get(e164);
  if (hit !== undefined) return hit;
  const parsed = parsePhoneNumberFromString(e164);
  const result = parsed?.country ? { country: parsed.country, callingCode: parsed.countryCallingCode } : null;
  if (PHONE_CACHE.size >= 10_000) PHONE_CACHE.clear();
  PHONE_CACHE.set(e164, result);
  return result;
}

const PHONE_CACHE = new Map<string, { country: string; callingCode: string } | null>();

/** The country of an email domain's ccTLD (`.de` → DE, `.uk` → GB), or null for generic and vanity TLDs. */
export function emailCountry(domain: string): { country: string; tld: string } | null {
  const tld = domain.toLowerCase().split('.').pop() ?? '';
  if (!/^[a-z]{2}$/.test(tld) || VANITY_TLDS.has(tld)) return null;
  const mapped = TLD_COUNTRY[tld];
  if (mapped === '') return null;
  return { country: mapped ?? tld.toUpperCase(), tld };
}
