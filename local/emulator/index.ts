// Public entry point of the local HubSpot CRM API emulator.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createEmulatorApp, EmulatorRuntime } from './app.ts';
import type { FaultOptions } from './faults.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { RequestLogEntry } from './request-log.ts';
import { seedIfEmpty } from './seed/index.ts';
import { DEFAULT_SCORING_VERSIONS } from './seed/history.ts';
import { EmulatorStore } from './store/emulator-store.ts';

export { createEmulatorApp, EmulatorRuntime } from './app.ts';
export { EmulatorStore } from './store/emulator-store.ts';
export type { ObjectView } from './store/emulator-store.ts';
export type { FaultOptions } from './faults.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export type { RequestLogEntry } from './request-log.ts';
export { seedIfEmpty, seedStore } from './seed/index.ts';

export interface EmulatorOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A file path or ':memory:' (default). */
  db?: string;
  seed?: number;
  /** Seed this many contacts (with companies, deals, owners) when the db is empty; 0 = no seed data (default). */
  contacts?: number;
  /** When set, only this bearer token is accepted. */
  token?: string;
  rateLimit?: Partial<RateLimitOptions>;
  faults?: Partial<FaultOptions>;
  /** Owners file to seed from (default config/team.json when present). */
  ownersConfig?: string;
  /** The current rule version, stamped on the seeded decisions made after the cut-over. */
  scoringVersion?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  store: EmulatorStore;
  requestLog: { entries(): RequestLogEntry[]; clear(): void };
  setFaults(f: Partial<FaultOptions>): void;
  setRateLimit(r: Partial<RateLimitOptions>): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = new EmulatorStore(options.db ?? ':memory:');
  seedIfEmpty(store, {
    seed: options.seed ?? 1, contacts: options.contacts ?? 0, ownersConfig: options.ownersConfig,
    ...(options.scoringVersion ? { scoringVersions: { ...DEFAULT_SCORING_VERSIONS, current: options.scoringVersion } } : {}),
  });
  const runtime = new EmulatorRuntime({ rateLimit: options.rateLimit, faults: options.faults });
  const host = options.host ?? '127.0.0.1';
  const app = createEmulatorApp(store, { token: options.token, runtime, host });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    requestLog: runtime.log,
    setFaults: (f) => runtime.faults.set(f),
    setRateLimit: (r) => runtime.limiter.set(r),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        runtime.releaseHangs();
        server.close(() => { store.close(); resolve(); });
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}
