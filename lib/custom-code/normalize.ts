// Custom code action `normalize`: email, company key, phone, country, state and job title
// cleaned up, each with the reason. Pure (no API calls); bundled to custom-code/normalize.js.
import { normalizeContact } from '../core/normalize/index.ts';
import type { NormalizedContact, PropertyMap, Reason } from '../core/types.ts';
import { inputsOf, isMissing, reasonText } from './event.ts';

/** Inputs to map (contact properties, plus the primary company's domain and country). */
export const NORMALIZE_INPUTS = ['email', 'phone', 'country', 'state', 'jobtitle', 'website', 'company_domain', 'company_country'] as const;

export interface NormalizeOutputs {
  email: string;
  has_valid_email: boolean;
  email_domain: string;
  is_free_mail: boolean;
  normalized_company_key: string;
  /** E.164 ("+4930901820"), or '' when the number could not be read. */
  phone: string;
  country_code: string;
  state_code: string;
  persona: string;
  seniority: string;
  /** `normalized` when every mapped input was read, else the first problem's code. */
  reason_code: string;
  /** The reasons a rep can read, one sentence each. */
  normalize_reason: string;
}

/**
 * A mapped input that gave nothing usable is the problem to report: its own reason (by code
 * prefix) names what was wrong. Judged by the outputs, so new reason codes need no list here.
 */
const USABLE: readonly { input: string; prefix: string; ok: (n: NormalizedContact) => boolean }[] = [
  { input: 'email', prefix: 'email_', ok: (n) => n.hasValidEmail },
  { input: 'phone', prefix: 'phone_', ok: (n) => n.phoneE164 !== null },
  { input: 'country', prefix: 'country_', ok: (n) => n.countryCode !== null },
  { input: 'state', prefix: 'state_', ok: (n) => n.stateCode !== null },
  { input: 'jobtitle', prefix: 'title_', ok: (n) => n.persona !== 'other' || n.seniority !== 'unknown' },
];

export function normalizeInputs(event: unknown): NormalizeOutputs {
  const inputs = inputsOf(event);
  const given = NORMALIZE_INPUTS.filter((name) => !isMissing(inputs[name]));
  if (given.length === 0) {
    return empty({ code: 'inputs_missing', message: 'No inputs reached the action (map at least the email), so nothing was normalized.' });
  }
  const contact: PropertyMap = {};
  for (const name of ['email', 'phone', 'country', 'state', 'jobtitle', 'website'] as const) contact[name] = inputs[name];
  const company: PropertyMap | null = isMissing(inputs['company_domain']) && isMissing(inputs['company_country'])
    ? null : { domain: inputs['company_domain'], country: inputs['company_country'] };
  const { value: n, reasons } = normalizeContact(contact, company);
  // Reasons about inputs nobody mapped are noise in a workflow: keep those about given inputs.
  const relevant = reasons.filter((r) => !r.code.endsWith('_missing'));
  const unusable = USABLE.find((u) => given.includes(u.input as (typeof NORMALIZE_INPUTS)[number]) && !u.ok(n));
  const problemCode = unusable ? (relevant.find((r) => r.code.startsWith(unusable.prefix))?.code ?? `${unusable.input}_unusable`) : null;
  return {
    email: n.email ?? '',
    has_valid_email: n.hasValidEmail,
    email_domain: n.emailDomain ?? '',
    is_free_mail: n.isFreeMail,
    normalized_company_key: n.companyKey ?? '',
    phone: n.phoneE164 ?? '',
    country_code: n.countryCode ?? '',
    state_code: n.stateCode ?? '',
    persona: n.persona,
    seniority: n.seniority,
    reason_code: problemCode ?? 'normalized',
    normalize_reason: relevant.map((r) => sentence(reasonText(r))).join(' ').slice(0, 2000),
  };
}

/** Reasons are joined into one text: each must end like a sentence. */
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

function empty(reason: Reason): NormalizeOutputs {
  return {
    email: '', has_valid_email: false, email_domain: '', is_free_mail: false, normalized_company_key: '', phone: '',
    country_code: '', state_code: '', persona: 'other', seniority: 'unknown', reason_code: reason.code, normalize_reason: reasonText(reason),
  };
}

/** Never throws: an unexpected failure is the empty result with the error's words. */
export const main = async (event: unknown): Promise<{ outputFields: NormalizeOutputs }> => {
  try {
    return { outputFields: normalizeInputs(event) };
  } catch (err) {
    return { outputFields: empty({ code: 'normalize_failed', message: `Normalizing failed (${err instanceof Error ? err.message : 'unknown error'}).` }) };
  }
};
