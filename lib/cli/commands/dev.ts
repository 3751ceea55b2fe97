// `lead-decisions dev` (what `npm start` runs): the whole product on this machine.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load.ts';
import { startSandbox } from '../../sandbox/index.ts';

interface DevFlags { port: string; emulatorPort: string; host: string; db: string; seed: string; contacts: string; config?: string; candidate?: string; webhooks: boolean }

function wholeNumber(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw)) {
    process.stderr.write(`${flag} must be a whole number, got "${raw}".\n`);
    process.exit(2);
  }
  return Number(raw);
}

function portNumber(raw: string, flag: string): number {
  const port = wholeNumber(raw, flag);
  if (port > 65535) {
    process.stderr.write(`${flag} must be a port from 0 to 65535 (0 picks a free one), got ${port}.\n`);
    process.exit(2);
  }
  return port;
}

export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('Local sandbox: the CRM emulator on a seeded database, properties provisioned, every contact scored, and the contact card in your browser.')
    .option('--port <port>', 'preview page port', '3000')
    .option('--emulator-port <port>', 'CRM emulator port', '3100')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--db <file>', 'SQLite file (created and seeded on first run), or :memory:', '.local/sandbox.sqlite')
    .option('--seed <n>', 'seed of the demo data', '42')
    .option('--contacts <k>', 'contacts to seed on first run', '2000')
    .option('--config <file>', 'rules config')
    .option('--candidate <file>', 'candidate rules for the simulation page the preview links (default: the rules with a high tier 5 points lower)')
    .option('--no-webhooks', 'do not run `serve` beside the emulator (changes are then re-scored only by Re-score)')
    .action(async (flags: DevFlags) => {
      const config = await loadConfig(flags.config);
      if (!config.ok) {
        process.stderr.write(`${config.message}\n`);
        process.exit(2);
      }
      const candidate = flags.candidate === undefined ? null : await loadConfig(flags.candidate);
      if (candidate && !candidate.ok) {
        process.stderr.write(`Candidate config error: ${candidate.message}\n`);
        process.exit(2);
      }
      // Every flag is checked before anything starts, so a typo never leaves a half-started sandbox.
      const port = portNumber(flags.port, '--port');
      const emulatorPort = portNumber(flags.emulatorPort, '--emulator-port');
      const seed = wholeNumber(flags.seed, '--seed');
      const contacts = wholeNumber(flags.contacts, '--contacts');
      let sandbox;
      try {
        process.stderr.write('Starting the Lead Decisions sandbox…\n');
        if (flags.config && resolve(flags.config) !== DEFAULT_CONFIG_PATH) {
          process.stderr.write(`Rules from ${flags.config} (deployed functions use config/decisions.json as bundled by \`npm run build\`).\n`);
        }
        sandbox = await startSandbox({
          config: config.config, port, emulatorPort, host: flags.host, db: flags.db,
          seed, contacts, webhooks: flags.webhooks, ...(candidate?.ok ? { candidate: candidate.config } : {}),
          log: (line) => process.stderr.write(`${line}\n`),
        });
      } catch (err) {
        const e = err as NodeJS.ErrnoException & { port?: number };
        if (e.code === 'EADDRINUSE') process.stderr.write(`A port is already in use (${e.message}); pick others with --port / --emulator-port.\n`);
        else process.stderr.write(`The sandbox could not start: ${e.message}\n`);
        process.exit(1);
      }
      process.stdout.write(`\nLead Decisions sandbox ready: open ${sandbox.url}\n`);
      process.stdout.write(`CRM emulator: HUBSPOT_BASE_URL=${sandbox.env.HUBSPOT_BASE_URL} HUBSPOT_ACCESS_TOKEN=${sandbox.env.HUBSPOT_ACCESS_TOKEN}\n`);
      if (sandbox.webhooks) process.stdout.write(`Webhooks: contact changes are re-scored by serve on ${sandbox.webhooks.serve.url} (metrics: ${sandbox.webhooks.serve.url}/metrics)\n`);
      process.stdout.write('Press Ctrl-C to stop.\n');
      const stop = () => {
        process.stderr.write('\nStopping…\n');
        void sandbox.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
