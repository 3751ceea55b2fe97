// The inputs a marketer maps in the workflow editor, named after the HubSpot properties they
// carry, and the check that turns a broken one into a reason instead of a throw.
import type { CONTACT_INPUT_PROPERTIES, COMPANY_INPUT_PROPERTIES } from '../core/contract.ts';
import type { PropertyMap, Reason } from '../core/types.ts';
import { readNumber, readTime } from '../core/values.ts';
import { isMissing } from './event.ts';

type Kind = 'text' | 'count' | 'time';
type ContactProperty = (typeof CONTACT_INPUT_PROPERTIES)[number];
type CompanyProperty = (typeof COMPANY_INPUT_PROPERTIES)[number];

/** Contact inputs: the input name is the property name. */
export const CONTACT_INPUTS = {
  email: 'text', firstname: 'text', lastname: 'text', jobtitle: 'text', phone: 'text', country: 'text', state: 'text',
  website: 'text', company: 'text', industry: 'text', numemployees: 'count', lifecyclestage: 'text', hubspot_owner_id: 'text',
  hs_analytics_num_page_views: 'count', num_conversion_events: 'count',
  hs_analytics_last_visit_timestamp: 'time', recent_conversion_date: 'time',
  message: 'text', recent_conversion_event_name: 'text',
} as const satisfies Partial<Record<ContactProperty, Kind>>;

/** Company inputs: `company_<property>` of the contact's primary company (map them from the associated company). */
export const COMPANY_INPUTS = {
  company_domain: ['domain', 'text'], company_name: ['name', 'text'], company_industry: ['industry', 'text'],
  company_numberofemployees: ['numberofemployees', 'count'], company_country: ['country', 'text'],
  company_hubspot_owner_id: ['hubspot_owner_id', 'text'],
} as const satisfies Record<string, readonly [CompanyProperty, Kind]>;

export type ReadInputs =
  | { ok: true; properties: PropertyMap; company: PropertyMap | null }
  | { ok: false; reason: Reason };

/**
 * The mapped inputs as CRM property maps. A value of the wrong kind (an object, a count that is
 * not a number, a date that is not a date) or no input at all gives a reason, never a throw.
 */
export function readDecisionInputs(inputs: Record<string, unknown>): ReadInputs {
  const properties: PropertyMap = {};
  const company: PropertyMap = {};
  for (const [name, kind] of Object.entries(CONTACT_INPUTS)) {
    const problem = readInto(properties, name, inputs[name], kind, name);
    if (problem) return { ok: false, reason: problem };
  }
  for (const [name, [property, kind]] of Object.entries(COMPANY_INPUTS)) {
    const problem = readInto(company, property, inputs[name], kind, name);
    if (problem) return { ok: false, reason: problem };
  }
  if (Object.keys(properties).length === 0 && Object.keys(company).length === 0) {
    return { ok: false, reason: { code: 'inputs_missing', message: 'No inputs reached the action (map at least the email, job title and page views), so this contact takes the safe default route (low).' } };
  }
  return { ok: true, properties, company: Object.keys(company).length > 0 ? company : null };
}

function readInto(target: PropertyMap, property: string, value: unknown, kind: Kind, input: string): Reason | null {
  if (isMissing(value)) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return invalid(input, 'is not a single value');
  }
  const text = String(value).trim();
  if (kind === 'count') {
    const n = readNumber(text);
    if (n === null || n < 0) return invalid(input, `is "${clip(text)}", not a count`);
  } else if (kind === 'time' && readTime(text) === null) {
    return invalid(input, `is "${clip(text)}", not a date`);
  }
  target[property] = text;
  return null;
}

function invalid(input: string, what: string): Reason {
  return { code: 'input_invalid', message: `The input ${input} ${what}, so this contact takes the safe default route (low) until the mapping is fixed.` };
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
