// The shared context every HubSpot adapter module receives. Its own module so the adapter files
// (contact-reads, tasks, …) never import gateway.ts, which imports them: no cycle.
import type { Client } from '@hubspot/api-client';
import type { LimiterOptions } from './client.ts';

export interface HubSpotGatewayOptions {
  accessToken: string;
  basePath?: string;
  retries?: number;
  limiter?: LimiterOptions;
  /** Per-operation deadline, retries included (the api-client has none of its own). Default 10 s. */
  timeoutMs?: number;
}

/** Everything a gateway method needs: the shared client and a call wrapper that types and scrubs errors. */
export interface HubSpotContext {
  client: Client;
  call<T>(operation: string, fn: () => Promise<T>): Promise<T>;
}
