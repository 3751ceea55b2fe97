// Applies the provisioning plan through a PropertyAdmin: idempotent, conflicts reported, never clobbered.
import type { PropertyAdmin, PropertyDefinition } from '../ports.ts';
import { GROUP } from './definitions.ts';
import { planProvision, type ProvisionStep } from './plan.ts';

export interface ProvisionReport {
  groupCreated: boolean;
  steps: ProvisionStep[];
  created: string[];
  conflicts: string[];
  /** Enumerations that miss options we need: reported so an admin can add them by hand. */
  missingOptions: string[];
}

export async function provisionProperties(
  admin: PropertyAdmin,
  wanted: readonly PropertyDefinition[],
  options: { dryRun?: boolean; onStep?: (step: ProvisionStep) => void } = {},
): Promise<ProvisionReport> {
  const existing = new Map((await admin.listContactProperties()).map((def) => [def.name, def] as const));
  const steps = planProvision(wanted, existing);
  const groupCreated = options.dryRun || !steps.some((s) => s.kind === 'create')
    ? false
    : (await admin.ensurePropertyGroup(GROUP)).created;
  const created: string[] = [];
  for (const step of steps) {
    options.onStep?.(step);
    if (step.kind === 'create' && !options.dryRun) {
      // A 409 here means someone created it between our read and our write: not an error.
      if ((await admin.createContactProperty(step.definition)).created) created.push(step.definition.name);
    }
  }
  return {
    groupCreated,
    steps,
    created,
    conflicts: steps.flatMap((s) => (s.kind === 'conflict' ? [`${s.name}: ${s.problem}`] : [])),
    missingOptions: steps.flatMap((s) => (s.kind === 'add_options' ? [`${s.name}: ${s.missing.join(', ')}`] : [])),
  };
}
