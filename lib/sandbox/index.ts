// `lead-decisions dev`: the emulator on a seeded database, the contract properties provisioned,
// every contact scored, and the card preview served, all on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { startPreviewServer, type PreviewServer } from '../../local/preview/index.ts';
import { createHubSpotGateway, getHubSpotClient } from '../adapters/index.ts';
import { runProvision } from '../provision/outcome.ts';
import type { Config } from '../core/config.ts';
import { createHubSpotBulkCrm } from '../adapters/hubspot/bulk-crm.ts';
import { createHubSpotContext } from '../adapters/hubspot/gateway.ts';
import { Checkpoint } from '../services/rescore-checkpoint.ts';
import { checkPortsFree, lockDatabase } from './preflight.ts';
import { safeMessage, secretsFromEnv } from '../redact.ts';
import { scoreAllContacts, type ScoreAllReport } from './score-all.ts';
import { createSandboxBackend } from './preview-backend.ts';
import { startSandboxWebhooks, type SandboxWebhooks } from './webhooks.ts';
import { writeInsightPages } from './insight-pages.ts';

export interface SandboxOptions {
  config: Config;
  /** Preview port (0 = any free port). */
  port: number;
  host?: string;
  /** Emulator port (0 = any free port). */
  emulatorPort?: number;
  db: string;
  seed: number;
  contacts: number;
  /** Run `serve` beside the emulator and send it the emulator's webhooks (what `npm start` does). */
  webhooks?: boolean;
  log?: (line: string) => void;
  /** Where the latest simulation and report pages go (served under /reports/); default `reports/` beside a file db, none for :memory:. */
  reportsDir?: string;
  /** The candidate rules the sandbox's simulation page compares against (default: a demo candidate). */
  candidate?: Config;
}

export interface Sandbox {
  url: string;
  emulator: RunningEmulator;
  preview: PreviewServer;
  env: Record<string, string>;
  scored: ScoreAllReport;
  /** `serve` and the emulator's webhook sender, when started with `webhooks: true`. */
  webhooks: SandboxWebhooks | null;
  /** Settles when the simulation and report pages are written (after start-up, in the background). */
  pages: Promise<string[]>;
  close(): Promise<void>;
}

export const SANDBOX_TOKEN = 'local-dev-token';

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  if (options.db !== ':memory:') mkdirSync(dirname(options.db), { recursive: true });
  // Before seeding or scoring: both ports free, and this database ours alone.
  await checkPortsFree(options.host ?? '127.0.0.1', [{ port: options.port, flag: '--port' }, { port: options.emulatorPort ?? 0, flag: '--emulator-port' }]);
  const unlock = lockDatabase(options.db);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ port: options.emulatorPort ?? 0, host: options.host, db: options.db, seed: options.seed, contacts: options.contacts, scoringVersion: options.config.scoringVersion });
  } catch (err) {
    unlock();
    throw err;
  }
  try {
    log(`CRM emulator on ${emulator.url} (${options.db})`);
    const env = { HUBSPOT_ACCESS_TOKEN: SANDBOX_TOKEN, HUBSPOT_BASE_URL: emulator.url };
    // Stay under the emulator's 190-per-10-s limit, as a well-behaved app does against HubSpot.
    const limiter = { maxConcurrent: 4, minTime: 55 };
    const gateway = createHubSpotGateway({ accessToken: SANDBOX_TOKEN, basePath: emulator.url, retries: 3, limiter });
    const provision = await runProvision(gateway, options.config.classification.tracks);
    log(`Properties: ${provision.lines.at(-1) ?? ''}`);
    const client = getHubSpotClient({ accessToken: SANDBOX_TOKEN, basePath: emulator.url, retries: 3, limiter });
    const bulk = createHubSpotBulkCrm(createHubSpotContext({ accessToken: SANDBOX_TOKEN, basePath: emulator.url, retries: 3, limiter }));
    // The task ledger lives beside the db, so a restart does not notify reps about the same leads again.
    const ledgerFile = options.db === ':memory:' ? null : `${options.db.replace(/\.sqlite$/, '')}.ledger.sqlite`;
    const checkpoint = ledgerFile ? new Checkpoint(ledgerFile) : null;
    let scored: ScoreAllReport;
    try {
      scored = await scoreAllContacts(bulk, options.config, () => new Date(), (done) => {
        if (done % 1000 === 0) log(`  scored ${done} contacts…`);
      }, checkpoint?.ledger);
    } finally {
      checkpoint?.close();
    }
    log(`Scored ${scored.scanned} contacts (${scored.updated} updated, ${scored.unchanged} unchanged, ${scored.tasks} tasks; high ${scored.tiers['high']}, medium ${scored.tiers['medium']}, low ${scored.tiers['low']})`
      + (scored.failed.length ? `; ${scored.failed.length} failed: ${scored.failed.slice(0, 3).map((f) => `${f.id} ${f.message}`).join('; ')}` : ''));
    // The page only sees a short message; the terminal gets which backend call failed.
    const onError = (error: unknown, where: string) => log(`Preview ${where} failed: ${safeMessage(error, secretsFromEnv(process.env))}`);
    const queueFile = options.db === ':memory:' ? ':memory:' : join(dirname(options.db), 'sandbox-serve-queue.sqlite');
    const webhooks = options.webhooks ? await startSandboxWebhooks({ emulator, env, config: options.config, host: options.host, queueFile, log }) : null;
    const reportsDir = options.reportsDir ?? (options.db === ':memory:' ? undefined : join(dirname(options.db), 'reports'));
    let preview: PreviewServer;
    try {
      const backend = createSandboxBackend(client, env, options.config, { store: emulator.store, now: () => new Date() },
        webhooks ? { autoRescore: true, rescoreSettled: () => webhooks.settled() } : { autoRescore: false });
      preview = await startPreviewServer(backend, { port: options.port, host: options.host, onError, ...(reportsDir ? { reportsDir } : {}) });
    } catch (err) {
      await webhooks?.close();
      throw err;
    }
    const pages = reportsDir
      ? writeInsightPages({ portal: { accessToken: SANDBOX_TOKEN, basePath: emulator.url, retries: 3, limiter }, config: options.config, dir: reportsDir, now: new Date(), ...(options.candidate ? { candidate: options.candidate } : {}) })
        .then((names) => { log(`Simulation and report pages ready: ${names.map((n) => `${preview.url}/reports/${n}`).join(', ')}`); return names; })
        .catch((err: Error) => { log(`The simulation and report pages could not be written: ${safeMessage(err, secretsFromEnv(process.env))}`); return []; })
      : Promise.resolve([]);
    return {
      url: preview.url, emulator, preview, env, scored, webhooks, pages,
      close: async () => { await pages; await preview.close(); await webhooks?.close(); await emulator.close(); unlock(); },
    };
  } catch (err) {
    await emulator.close();
    unlock();
    throw err;
  }
}
