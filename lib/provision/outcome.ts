// What a provisioning run means for a person: the lines to print and the exit code. Shared by the
// `provision` command and the sandbox (lib/sandbox must not reach up into lib/cli).
import type { CrmGateway, PropertyAdmin } from '../ports.ts';
import type { Routing } from '../core/config.ts';
import { contractPropertyDefinitions } from './definitions.ts';
import { checkTeamOwners } from './owners.ts';
import { describeStep } from './plan.ts';
import { provisionProperties, type ProvisionReport } from './run.ts';

export interface ProvisionOutcome { exitCode: number; lines: string[]; report: ProvisionReport }

/**
 * Runs provisioning and describes it; exit code 1 when a definition needs a person: a conflicting
 * type, or an enumeration without options we write (every re-score writing one would be refused).
 * A dry run counts both kinds as conflicts, so its summary agrees with its exit code.
 */
export async function runProvision(admin: PropertyAdmin, tracks: readonly { id: string; label: string }[], dryRun = false,
  team?: { crm: Pick<CrmGateway, 'listOwners'> & Partial<Pick<CrmGateway, 'readOwnerAvailability'>>; routing: Routing }): Promise<ProvisionOutcome> {
  const lines: string[] = [];
  // Team owner ids against the portal's owners: unknown ids are reported (exit 1), never written.
  const owners = team ? checkTeamOwners(team.routing, await team.crm.listOwners()) : null;
  if (owners) lines.push(...owners.lines);
  if (team?.routing.availabilitySource === 'hubspot' && team.crm.readOwnerAvailability) {
    const found = await team.crm.readOwnerAvailability().catch((err: unknown) => err as Error);
    lines.push(found instanceof Error
      ? `Availability: the users object could not be read (${found.message}); routing uses team.json alone.`
      : found.property === null
        ? 'Availability: this portal\'s users object has no out-of-office property we know (hs_out_of_office, hs_availability_status); routing uses team.json alone.'
        : `Availability: users property ${found.property} found (name unconfirmed by HubSpot docs); ${found.unavailableOwnerIds.length} owner(s) out of office now.`);
  }
  const report = await provisionProperties(admin, contractPropertyDefinitions(tracks), { dryRun, onStep: (s) => lines.push(describeStep(s)) });
  const unchanged = report.steps.filter((s) => s.kind === 'unchanged').length;
  const needsPerson = report.conflicts.length + report.missingOptions.length;
  if (dryRun) {
    const toCreate = report.steps.filter((s) => s.kind === 'create').length;
    lines.push(`Dry run: ${toCreate} to create, ${unchanged} already in place, ${needsPerson} conflict(s). Nothing was written.`);
  } else if (report.created.length === 0 && needsPerson === 0) {
    lines.push(`Nothing to do: all ${unchanged} properties are already in place.`);
  } else {
    lines.push(`Created ${report.created.length} propert${report.created.length === 1 ? 'y' : 'ies'}${report.groupCreated ? ' and the lead_decisions group' : ''}; ${unchanged} already in place.`);
  }
  if (needsPerson > 0) {
    lines.push('Some existing definitions differ from what Lead Decisions needs. They were left untouched; fix them in HubSpot (Settings → Properties) and run provision again.');
  }
  const ownersBad = owners !== null && (owners.unknown.length > 0 || owners.archived.length > 0);
  return { exitCode: needsPerson > 0 || ownersBad ? 1 : 0, lines, report };
}
