// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import type { WritableProperty } from './contract.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/**
 * True when `value` is to be written: it is non-null and differs from `current`, the
 * contact's stored value. Callers read `current` with a literal key (`props['lead_score']`)
 * and store with one (`plan.lead_score = …`), each read and store keeping its own inline
 * cache, and plan the keys in one fixed order, so plans share a few hidden classes.
 */
export function changes(current: unknown, value: string | null): value is string {
  return value !== null && differs(current, value);
}

function differs(current: unknown, value: string): boolean {
  if (current === value) return false;
  if (current === undefined || current === null) return value !== '';
  return storedString(current) !== value;
}
