// The normalize stage: email validity, company key, phone (E.164), country,
// state/region and job title → persona/seniority, each with its reasons.
import { appendReasons } from '../reasons.ts';
import type { NormalizedContact, PropertyMap, Reason, Stage } from '../types.ts';
import { companyKeyFrom } from './company-key.ts';
import { normalizeCountry } from './country.ts';
import { normalizeEmail } from './email.ts';
import { normalizePhone } from './phone.ts';
import { normalizeState } from './state.ts';
import { classifyTitle } from './title.ts';

export { companyKeyFrom, registrableDomain } from './company-key.ts';
export type { CompanyKey, CompanyKeySources, HostResult } from './company-key.ts';
export { countryCodeOf, normalizeCountry } from './country.ts';
export { normalizeEmail } from './email.ts';
export type { NormalizedEmail } from './email.ts';
export { FREE_MAIL_DOMAIN_COUNT, isFreeMailDomain } from './free-mail.ts';
export { normalizePhone } from './phone.ts';
export { normalizeState, stateCodeOf } from './state.ts';
export { classifyTitle } from './title.ts';
export type { TitleClass } from './title.ts';

/** Own properties only, so a key like "constructor" never reads the prototype. */
function prop(map: unknown, key: string): unknown {
  if (map === null || typeof map !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(map, key) ? (map as Record<string, unknown>)[key] : undefined;
}

/**
 * Normalizes one contact (and its company, if any). Invalid values become null
 * with a reason; nothing here throws, whatever the property values hold.
 */
export function normalizeContact(properties: PropertyMap, company: PropertyMap | null): Stage<NormalizedContact> {
  const email = normalizeEmail(prop(properties, 'email'));
  const country = normalizeCountry(prop(properties, 'country'));
  const state = normalizeState(prop(properties, 'state'), country.value);
  // The contact's country reads national phone formats; the company's is a fallback hint only.
  const region = country.value ?? (prop(company, 'country') != null ? normalizeCountry(prop(company, 'country')).value : null);
  const phone = normalizePhone(prop(properties, 'phone'), region);
  const key = companyKeyFrom({
    companyDomain: prop(company, 'domain'),
    website: prop(properties, 'website'),
    emailDomain: email.value.domain,
  });
  const title = classifyTitle(prop(properties, 'jobtitle'));

  const reasons: Reason[] = [];
  for (const part of [email, key, phone, country, state, title]) appendReasons(reasons, part.reasons);
  return {
    value: {
      email: email.value.email,
      hasValidEmail: email.value.valid,
      emailDomain: email.value.domain,
      isFreeMail: key.value.isFreeMail,
      companyKey: key.value.companyKey,
      phoneE164: phone.value,
      countryCode: country.value,
      stateCode: state.value,
      persona: title.value.persona,
      seniority: title.value.seniority,
    },
    reasons,
  };
}
