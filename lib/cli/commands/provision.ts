// `lead-decisions provision`: creates the lead_decisions property group and every contract
// property, idempotently. A re-run changes nothing and says so; conflicts are reported, not clobbered.
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { createHubSpotGateway, DEFAULT_HUBSPOT_BASE_URL, hubspotBaseUrl, readToken } from '../../adapters/index.ts';
import { displayUrl, safeMessage, secretsFromEnv } from '../../redact.ts';
import { usageError } from '../exit.ts';
import { runProvision } from '../../provision/outcome.ts';
import type { CrmGateway, PropertyAdmin } from '../../ports.ts';

interface ProvisionFlags { config?: string; team?: string; dryRun?: boolean }

export { runProvision, type ProvisionOutcome } from '../../provision/outcome.ts';

export function registerProvision(program: Command): void {
  program
    .command('provision')
    .description('Create the lead_decisions property group and every contract property in the portal (idempotent). Uses HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL.')
    .option('--config <file>', 'rules config (for the content-track options)')
    .option('--team <file>', 'team file whose owner ids are checked against the portal (default: team.json beside the rules)')
    .option('--dry-run', 'show what would change without writing')
    .action(async (flags: ProvisionFlags) => {
      const config = await loadConfig(flags.config, flags.team);
      if (!config.ok) usageError(config.message);
      const secrets = secretsFromEnv(process.env);
      let admin: PropertyAdmin & Pick<CrmGateway, 'listOwners'>;
      let basePath: string;
      try {
        basePath = hubspotBaseUrl(process.env);
        admin = createHubSpotGateway({ accessToken: readToken(process.env), basePath, retries: 3 });
      } catch (err) {
        usageError(safeMessage(err, secrets));
      }
      // Say where before writing anything: a token for the wrong portal is caught here.
      process.stdout.write(`${flags.dryRun ? 'Checking' : 'Provisioning'} the contact properties at ${displayUrl(basePath)}${portalOf(basePath)}\n`);
      let outcome;
      try {
        outcome = await runProvision(admin, config.config.classification.tracks, flags.dryRun ?? false, { crm: admin, routing: config.config.routing });
      } catch (err) {
        usageError(`Provisioning stopped: ${safeMessage(err, secrets)}`);
      }
      for (const line of outcome.lines) process.stdout.write(`${line}\n`);
      process.exitCode = outcome.exitCode;
    });
}

/** A hint for the default base URL: which portal a token belongs to is known only to HubSpot. */
function portalOf(basePath: string): string {
  return basePath === DEFAULT_HUBSPOT_BASE_URL ? ' (the portal of HUBSPOT_ACCESS_TOKEN)' : '';
}
