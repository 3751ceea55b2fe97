// `lead-decisions serve`: the HubSpot webhooks target and the "Decide lead" workflow action.
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { settingsFromEnv, startServe } from '../../server/index.ts';
import { parseQueueSpec } from '../../server/queue.ts';

interface ServeFlags { port: string; host: string; queue: string; config?: string; leaseSeconds: string; settleMs: string }

export const DEFAULT_SERVE_PORT = 3200;
export const DEFAULT_QUEUE = 'sqlite:.local/serve-queue.sqlite';

/** Usage and configuration errors: one clear line, exit 2. */
function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the webhooks component (POST /webhooks/hubspot) and the "Decide lead" workflow action (POST /workflow-actions/decide) with a durable queue.')
    .option('--port <port>', 'port to listen on (0 = any free port)', String(DEFAULT_SERVE_PORT))
    .option('--host <host>', 'interface to bind (default 127.0.0.1: put a TLS proxy in front)', '127.0.0.1')
    .option('--queue <spec>', 'sqlite:FILE (one instance) or postgres://… (several instances)', DEFAULT_QUEUE)
    .option('--config <file>', 'rules config')
    .option('--lease-seconds <n>', 'how long a contact stays with an instance that died before another takes it', '60')
    .option('--settle-ms <n>', 'how long a contact\'s first change waits for more before it is decided', '1000')
    .addHelpText('after', '\nEnvironment: HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL, HUBSPOT_CLIENT_SECRET, LEAD_DECISIONS_PUBLIC_URL. See docs/serve.md.')
    .action(async (flags: ServeFlags) => {
      if (!/^\d+$/.test(flags.port) || Number(flags.port) > 65535) usage(`--port must be a port from 0 to 65535, got "${flags.port}".`);
      if (!/^\d+$/.test(flags.leaseSeconds) || Number(flags.leaseSeconds) < 1) usage(`--lease-seconds must be a whole number of at least 1, got "${flags.leaseSeconds}".`);
      if (!/^\d+$/.test(flags.settleMs)) usage(`--settle-ms must be a whole number of milliseconds, got "${flags.settleMs}".`);
      const queue = parseQueueSpec(flags.queue);
      if (!queue.ok) usage(queue.message);
      const settings = settingsFromEnv(process.env);
      if (!settings.ok) usage(settings.message);
      const config = await loadConfig(flags.config);
      if (!config.ok) usage(config.message);
      if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1') {
        process.stderr.write(`Warning: listening on ${flags.host}, not only this machine: anyone who reaches it can call serve (signatures are still checked).\n`);
      }
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let running;
      try {
        running = await startServe({ port: Number(flags.port), host: flags.host, queue: queue.spec, env: process.env, config: config.config, log,
          leaseMs: Number(flags.leaseSeconds) * 1000, settleMs: Number(flags.settleMs) });
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE') usage(`Port ${flags.port} is already in use; pick another with --port.`);
        process.stderr.write(`serve could not start: ${e.message.replace(/\/\/[^@/\s]*@/g, '//***@')}\n`);
        process.exit(1);
      }
      process.stdout.write(`lead-decisions serve listening on ${running.url} (queue ${queue.spec.kind})\n`);
      process.stdout.write(`HubSpot calls ${settings.settings.publicUrl.replace(/\/+$/, '')}/webhooks/hubspot and ${settings.settings.publicUrl.replace(/\/+$/, '')}/workflow-actions/decide\n`);
      const stop = () => { void running.close().then(() => process.exit(0)); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
