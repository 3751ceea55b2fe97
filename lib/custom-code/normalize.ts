// Custom code action `normalize`: email, company key, phone, country, state and job title
// cleaned up, each with the reason. Pure (no API calls); bundled to custom-code/normalize.js.
import { normalizeContact } from '../core/normalize/index.ts';
import type { PropertyMap, Reason } from '../core/types.ts';
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

/** Reason codes that report a value read as it should be; any other code is a problem with an input. */
const FINE = /(_recognized|_valid|_classified|_kept|_e164)$|^company_key_from_|^freemail_domain$/;

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
  const problem = relevant.find((r) => !FINE.test(r.code));
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
    reason_code: problem?.code ?? 'normalized',
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
