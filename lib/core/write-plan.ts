// The write plan: whitelisted properties only, only values that differ from
// what the contact already holds, every value as a HubSpot string.
import { WRITABLE_PROPERTIES, type WritableProperty } from './contract.ts';
import type { PropertyMap } from './types.ts';
import { storedString } from './values.ts';

export type WritePlan = Partial<Record<WritableProperty, string>>;

const WHITELIST: ReadonlySet<string> = new Set(WRITABLE_PROPERTIES);

/** Keeps the desired values that are whitelisted and differ from the stored ones. */
export function diffWritePlan(desired: Record<string, string | null>, stored: PropertyMap): WritePlan {
  // Null prototype: which keys appear varies per contact (see score.ts toRecord).
  const plan = Object.create(null) as WritePlan;
  for (const key in desired) {
    const value = desired[key];
    if (value === null || value === undefined || !WHITELIST.has(key)) continue;
    if (storedString(stored[key]) !== value) plan[key as WritableProperty] = value;
  }
  return plan;
}

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
