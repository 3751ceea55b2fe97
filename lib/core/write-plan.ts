// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import { WRITABLE_PROPERTIES, type WritableProperty } from './contract.ts';
import type { PropertyMap } from './types.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

const WHITELIST: ReadonlySet<string> = new Set(WRITABLE_PROPERTIES);

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

/** Adds one value to the plan when it is whitelisted, non-null and differs from the stored one. */
export function planValue(plan: WritePlan, stored: PropertyMap, key: WritableProperty, value: string | null): void {
  if (value === null || !WHITELIST.has(key)) return;
  if (storedString(stored[key]) !== value) plan[key] = value;
}

export function emptyPlan(): WritePlan {
  return Object.create(null) as WritePlan;
}
