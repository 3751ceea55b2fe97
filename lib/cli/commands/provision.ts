// `lead-decisions provision`: creates the lead_decisions property group and every contract
// property, idempotently. A re-run changes nothing and says so; conflicts are reported, not clobbered.
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { createHubSpotGateway, DEFAULT_HUBSPOT_BASE_URL, readToken } from '../../adapters/index.ts';
import { runProvision } from '../../provision/outcome.ts';
import type { PropertyAdmin } from '../../ports.ts';

interface ProvisionFlags { config?: string; dryRun?: boolean }

export { runProvision, type ProvisionOutcome } from '../../provision/outcome.ts';

export function registerProvision(program: Command): void {
  program
    .command('provision')
    .description('Create the lead_decisions property group and every contract property in the portal (idempotent). Uses HUBSPOT_ACCESS_TOKEN and HUBSPOT_BASE_URL.')
    .option('--config <file>', 'rules config (for the content-track options)')
    .option('--dry-run', 'show what would change without writing')
    .action(async (flags: ProvisionFlags) => {
      const config = await loadConfig(flags.config);
      if (!config.ok) {
        process.stderr.write(`${config.message}\n`);
        process.exit(2);
      }
      let admin: PropertyAdmin;
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
        const outcome = await runProvision(admin, config.config.classification.tracks, flags.dryRun ?? false);
        for (const line of outcome.lines) process.stdout.write(`${line}\n`);
        process.exitCode = outcome.exitCode;
      } catch (err) {
        process.stderr.write(`Provisioning stopped: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
