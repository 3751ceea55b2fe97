// What provisioning must do, given what the portal already has: pure, so it can be shown
// as a dry run and tested without a portal.
import type { PropertyDefinition } from '../ports.ts';

export type ProvisionStep =
  | { kind: 'create'; definition: PropertyDefinition }
  | { kind: 'unchanged'; name: string }
  | { kind: 'add_options'; name: string; definition: PropertyDefinition; missing: string[] }
  | { kind: 'conflict'; name: string; problem: string };

/** Compares wanted definitions with existing ones. Conflicts are reported, never clobbered. */
export function planProvision(wanted: readonly PropertyDefinition[], existing: ReadonlyMap<string, PropertyDefinition>): ProvisionStep[] {
  return wanted.map((want): ProvisionStep => {
    const have = existing.get(want.name);
    if (!have) return { kind: 'create', definition: want };
    if (have.type !== want.type) {
      return { kind: 'conflict', name: want.name, problem: `exists with type "${have.type}", expected "${want.type}"; left as it is` };
    }
    if (want.type === 'enumeration') {
      const present = new Set((have.options ?? []).map((o) => o.value));
      const missing = (want.options ?? []).map((o) => o.value).filter((v) => !present.has(v));
      if (missing.length > 0) {
        const merged = [...(have.options ?? []), ...(want.options ?? []).filter((o) => missing.includes(o.value))];
        return { kind: 'add_options', name: want.name, definition: { ...have, options: merged }, missing };
      }
    }
    return { kind: 'unchanged', name: want.name };
  });
}

export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'create': return `create   ${step.definition.name} (${step.definition.type})`;
    case 'unchanged': return `ok       ${step.name} (already as expected)`;
    case 'add_options': return `MISSING  ${step.name}: lacks options ${step.missing.join(', ')} (add them in HubSpot; left as it is)`;
    case 'conflict': return `CONFLICT ${step.name}: ${step.problem}`;
  }
}
