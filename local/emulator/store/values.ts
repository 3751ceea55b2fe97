// Validates and normalizes property writes against their definitions, the way HubSpot refuses them:
// one 400 VALIDATION_ERROR naming every bad property.
import { validation, type ApiFailure } from '../errors.ts';
import type { PropertyDef } from './standard-properties.ts';

export interface ValueIssue { name: string; error: string; message: string }

/** Values arrive as strings from the client; raw HTTP callers may send numbers or booleans. */
export function asString(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return JSON.stringify(raw);
}

/** Milliseconds for a datetime/date value given as epoch millis or an ISO string; null if it does not parse. */
export function toMillis(value: string): number | null {
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The comparable number of a stored value (search and sort), or null for text. */
export function numericValue(def: Pick<PropertyDef, 'type'> | undefined, value: string): number | null {
  if (!def) return null;
  if (def.type === 'number') { const n = Number(value); return value.trim() !== '' && Number.isFinite(n) ? n : null; }
  if (def.type === 'datetime' || def.type === 'date') return toMillis(value);
  if (def.type === 'bool') return value === 'true' ? 1 : value === 'false' ? 0 : null;
  return null;
}

function normalize(def: PropertyDef, value: string, opts: WriteOptions): { value: string } | { issue: Omit<ValueIssue, 'name'> } {
  switch (def.type) {
    case 'number': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) return { issue: { error: 'INVALID_DOUBLE', message: `${JSON.stringify(value)} is not a valid number.` } };
      return { value: value.trim() };
    }
    case 'datetime':
    case 'date': {
      const ms = toMillis(value);
      if (ms === null) return { issue: { error: 'INVALID_DATE', message: `${JSON.stringify(value)} is not a valid date; send epoch milliseconds or an ISO 8601 date.` } };
      const iso = new Date(ms).toISOString();
      return { value: def.type === 'date' ? iso.slice(0, 10) : iso };
    }
    case 'bool':
      if (value !== 'true' && value !== 'false') return { issue: { error: 'INVALID_BOOLEAN', message: `${JSON.stringify(value)} is not a valid boolean; use "true" or "false".` } };
      return { value };
    case 'enumeration': {
      if (def.name === 'hubspot_owner_id') {
        return opts.isOwner(value) ? { value } : { issue: { error: 'INVALID_OWNER_ID', message: `${JSON.stringify(value)} is not a valid owner id.` } };
      }
      if (def.externalOptions) return { value };
      const allowed = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = allowed.find((v) => !def.options.some((o) => o.value === v));
      if (bad !== undefined) {
        return { issue: { error: 'INVALID_OPTION', message: `${JSON.stringify(bad)} was not one of the allowed options: [${def.options.map((o) => o.value).join(', ')}]` } };
      }
      return { value };
    }
    default:
      return { value };
  }
}

/** HubSpot's limit on one property value. */
export const MAX_PROPERTY_VALUE = 65_535;
// HubSpot checks the shape of an email on write: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface WriteOptions {
  allowReadOnly: boolean;
  /** Owner ids are checked against the account's owners, as HubSpot does. */
  isOwner: (id: string) => boolean;
}

/**
 * The normalized values to write (`null` = clear), or the HubSpot-shaped failure.
 * `""` clears a value; read-only and unknown properties are refused.
 */
export function validateWrite(
  defs: ReadonlyMap<string, PropertyDef>, input: Record<string, unknown>, opts: WriteOptions,
): { ok: true; values: Map<string, string | null> } | { ok: false; failure: ApiFailure } {
  const values = new Map<string, string | null>();
  const issues: ValueIssue[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const def = defs.get(name);
    if (!def) { issues.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` }); continue; }
    if (def.modificationMetadata.readOnlyValue && !opts.allowReadOnly) {
      issues.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    if (typeof raw === 'object' && raw !== null) {
      issues.push({ name, error: 'INVALID_PROPERTY_VALUE', message: `"${name}" takes a string, number or boolean, not ${Array.isArray(raw) ? 'an array' : 'an object'}.` });
      continue;
    }
    const value = asString(raw);
    if (value === null || value === '') { values.set(name, null); continue; }
    if (value.length > MAX_PROPERTY_VALUE) {
      issues.push({ name, error: 'INVALID_LENGTH', message: `"${name}" is ${value.length.toLocaleString('en-US')} characters long; property values are limited to ${MAX_PROPERTY_VALUE.toLocaleString('en-US')}.` });
      continue;
    }
    // API writes only: the seed keeps messy emails, as imports and old records do in a real portal.
    if (name === 'email' && !opts.allowReadOnly && !EMAIL.test(value.trim())) {
      issues.push({ name, error: 'INVALID_EMAIL', message: `Email address ${JSON.stringify(value.slice(0, 100))} is invalid` });
      continue;
    }
    const result = normalize(def, value, opts);
    if ('issue' in result) issues.push({ name, ...result.issue });
    else values.set(name, result.value);
  }
  if (issues.length === 0) return { ok: true, values };
  return validation(propertyIssuesMessage(issues), {
    errors: issues.map((i) => ({ message: i.message, code: i.error, context: { propertyName: [i.name] } })),
  });
}

export function propertyIssuesMessage(issues: ValueIssue[]): string {
  const detail = issues.map((i) => ({ isValid: false, message: i.message, error: i.error, name: i.name, localizedErrorMessage: i.message }));
  return `Property values were not valid: ${JSON.stringify(detail)}`;
}
