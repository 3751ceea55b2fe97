// `lead-decisions emulator`: serves the local HubSpot CRM API emulator until Ctrl-C.
import type { Command } from 'commander';
import { parseFaults, parseRateLimit, parseWebhookSwitches } from '../../../local/emulator/cli-options.ts';
import { attachWebhookSender, DEFAULT_WEBHOOK_PROPERTIES, type WebhookSwitches } from '../../../local/emulator/webhooks.ts';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../local/emulator/index.ts';

interface EmulatorFlags { port: string; host: string; db: string; seed: string; contacts: string; token?: string; rateLimit?: string; faults?: string; webhookUrl?: string; webhookFaults?: string }

const DEFAULT_PORT = 3100;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function wholeNumber(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw)) fail(`${flag} must be a whole number, got "${raw}".`);
  return Number(raw);
}

export function emulatorOptions(flags: EmulatorFlags): EmulatorOptions {
  const port = wholeNumber(flags.port, '--port');
  if (port > 65535) fail(`--port must be from 0 to 65535, got ${port}.`);
  const options: EmulatorOptions = {
    port, host: flags.host, db: flags.db,
    seed: wholeNumber(flags.seed, '--seed'), contacts: wholeNumber(flags.contacts, '--contacts'), token: flags.token,
  };
  if (flags.rateLimit) {
    const r = parseRateLimit(flags.rateLimit);
    if (!r.ok) fail(r.message);
    options.rateLimit = r.value;
  }
  if (flags.faults) {
    const f = parseFaults(flags.faults);
    if (!f.ok) fail(f.message);
    options.faults = f.value;
  }
  return options;
}

function webhookOptions(flags: EmulatorFlags): { targetUrl: string; clientSecret: string; switches: Partial<WebhookSwitches> } | null {
  if (!flags.webhookUrl) {
    if (flags.webhookFaults) fail('--webhook-faults needs --webhook-url.');
    return null;
  }
  try { new URL(flags.webhookUrl); } catch { fail(`--webhook-url must be a URL, got "${flags.webhookUrl}".`); }
  const clientSecret = process.env['HUBSPOT_CLIENT_SECRET']?.trim();
  if (!clientSecret) fail('--webhook-url needs HUBSPOT_CLIENT_SECRET in the environment: webhooks are signed with it.');
  let switches: Partial<WebhookSwitches> = {};
  if (flags.webhookFaults) {
    const w = parseWebhookSwitches(flags.webhookFaults);
    if (!w.ok) fail(w.message);
    switches = w.value;
  }
  return { targetUrl: flags.webhookUrl, clientSecret, switches };
}

export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('Run the local HubSpot CRM API emulator (SQLite), seeded with realistic demo data when the db is empty.')
    .option('--port <port>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--db <file>', 'SQLite file, or :memory:', '.local/crm.sqlite')
    .option('--seed <n>', 'seed of the demo-data generator', '1')
    .option('--contacts <k>', 'contacts to seed when the db is empty (0 = none)', '5000')
    .option('--token <token>', 'accept only this bearer token (default: any non-empty token)')
    .option('--rate-limit <spec>', 'burst=190,search=5,daily=N, or off')
    .option('--faults <spec>', 'error=0.05,latency=100,hang=0.01,seed=1[,paths=REGEX]')
    .option('--webhook-url <url>', 'send signed (v3) webhooks for contact changes to this URL (secret: HUBSPOT_CLIENT_SECRET)')
    .option('--webhook-faults <spec>', 'duplicates=0.3,reorder=1,delay=500,redeliver=0.1,seed=1')
    .action(async (flags: EmulatorFlags) => {
      const options = emulatorOptions(flags);
      const webhooks = webhookOptions(flags);
      let emu: RunningEmulator;
      try {
        emu = await startEmulator(options);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') fail(`Port ${options.port} is already in use; pick another with --port`);
        if (code === 'EACCES') fail(`Port ${options.port} needs more privileges; pick one above 1024 with --port`);
        fail(`The emulator could not start: ${(err as Error).message}`);
      }
      const sender = webhooks ? attachWebhookSender(emu.store, { ...webhooks, properties: DEFAULT_WEBHOOK_PROPERTIES }) : null;
      const contacts = emu.store.count('contacts');
      process.stdout.write(`HubSpot CRM emulator listening on ${emu.url} (db ${options.db}, ${contacts.toLocaleString('en-US')} contacts)\n`);
      process.stdout.write(`Point the app at it: HUBSPOT_BASE_URL=${emu.url} HUBSPOT_ACCESS_TOKEN=${options.token ? '<the --token value>' : 'local-dev-token'}\n`);
      if (webhooks) process.stdout.write(`Sending signed webhooks for contact changes to ${webhooks.targetUrl}\n`);
      const stop = (): void => {
        void (sender?.close() ?? Promise.resolve()).then(() => emu.close()).then(() => {
          process.stdout.write('Emulator stopped.\n');
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
