// One @hubspot/api-client Client per (basePath, token): its limiter and retry
// settings are process-global, so a second Client would fight the first.
import { createHash } from 'node:crypto';
import { Client } from '@hubspot/api-client';

export const DEFAULT_HUBSPOT_BASE_URL = 'https://api.hubapi.com';

export interface LimiterOptions {
  /** Maximum requests in flight. */
  maxConcurrent?: number;
  /** Minimum milliseconds between two requests. */
  minTime?: number;
}

export interface HubSpotClientOptions {
  accessToken: string;
  basePath?: string;
  /** Attempts per call (the client retries 5xx and HubSpot's 429 policies). Default 3. */
  retries?: number;
  limiter?: LimiterOptions;
}

const clients = new Map<string, Client>();

function cacheKey(basePath: string, accessToken: string): string {
  // Hash the token so the cache never holds it in a readable key.
  return `${basePath}#${createHash('sha256').update(accessToken).digest('hex').slice(0, 16)}`;
}

/** The process-wide Client for this base path and token; the first caller's retry/limiter options win. */
export function getHubSpotClient(options: HubSpotClientOptions): Client {
  const basePath = (options.basePath ?? DEFAULT_HUBSPOT_BASE_URL).replace(/\/+$/, '');
  const key = cacheKey(basePath, options.accessToken);
  const existing = clients.get(key);
  if (existing) return existing;
  const client = new Client({
    accessToken: options.accessToken,
    basePath,
    numberOfApiCallRetries: options.retries ?? 3,
    ...(options.limiter ? { limiterOptions: { ...options.limiter } } : {}),
  });
  clients.set(key, client);
  return client;
}
