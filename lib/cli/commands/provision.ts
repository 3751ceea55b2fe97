// `lead-decisions provision`: creates the lead_decisions property group and every contract
// property, idempotently. A re-run changes nothing and says so; conflicts are reported, not clobbered.
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { createHubSpotGateway, DEFAULT_HUBSPOT_BASE_URL, readToken } from '../../adapters/index.ts';
import { contractPropertyDefinitions } from '../../provision/definitions.ts';
import { describeStep } from '../../provision/plan.ts';
import { provisionProperties, type ProvisionReport } from '../../provision/run.ts';
import type { CrmGateway, PropertyAdmin } from '../../ports.ts';
import type { Routing } from '../../core/config.ts';
import { checkTeamOwners } from '../../provision/owners.ts';

interface ProvisionFlags { config?: string; team?: string; dryRun?: boolean }

export interface ProvisionOutcome { exitCode: number; lines: string[]; report: ProvisionReport }

/**
 * Runs provisioning and describes it; exit code 1 when a definition needs a person: a conflicting
 * type, or an enumeration without options we write (every re-score writing one would be refused).
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
  if (dryRun) {
    const toCreate = report.steps.filter((s) => s.kind === 'create').length;
    lines.push(`Dry run: ${toCreate} to create, ${unchanged} already in place, ${report.conflicts.length} conflict(s). Nothing was written.`);
  } else if (report.created.length === 0 && report.conflicts.length === 0 && report.missingOptions.length === 0) {
    lines.push(`Nothing to do: all ${unchanged} properties are already in place.`);
  } else {
    lines.push(`Created ${report.created.length} propert${report.created.length === 1 ? 'y' : 'ies'}${report.groupCreated ? ' and the lead_decisions group' : ''}; ${unchanged} already in place.`);
  }
  if (report.conflicts.length > 0 || report.missingOptions.length > 0) {
    lines.push('Some existing definitions differ from what Lead Decisions needs. They were left untouched; fix them in HubSpot (Settings → Properties) and run provision again.');
  }
  const ownersBad = owners !== null && (owners.unknown.length > 0 || owners.archived.length > 0);
  return { exitCode: report.conflicts.length > 0 || report.missingOptions.length > 0 || ownersBad ? 1 : 0, lines, report };
}

export function registerProvision(program: Command): void {
  program
    .command('provision')
    .description('Create the lead_decisions property group and every contract property in the portal (idempotent). Uses HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL.')
    .option('--config <file>', 'rules config (for the content-track options)')
    .option('--team <file>', 'team file whose owner ids are checked against the portal (default: team.json beside the rules)')
    .option('--dry-run', 'show what would change without writing')
    .action(async (flags: ProvisionFlags) => {
      const config = await loadConfig(flags.config, flags.team);
      if (!config.ok) {
        process.stderr.write(`${config.message}\n`);
        process.exit(2);
      }
      let admin: PropertyAdmin & Pick<CrmGateway, 'listOwners'>;
      try {
        admin = createHubSpotGateway({
          accessToken: readToken(process.env),
          basePath: process.env['HUBSPOT_BASE_URL']?.trim() || DEFAULT_HUBSPOT_BASE_URL,
          retries: 3,
        });
      } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`);
        process.exit(2);
      }
      try {
        const outcome = await runProvision(admin, config.config.classification.tracks, flags.dryRun ?? false, { crm: admin, routing: config.config.routing });
        for (const line of outcome.lines) process.stdout.write(`${line}\n`);
        process.exitCode = outcome.exitCode;
      } catch (err) {
        process.stderr.write(`Provisioning stopped: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
