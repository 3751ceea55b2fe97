// The HubSpot side of a rescore run: one probe for the portal's limits (and that the token
// works), a client without the api-client's own retries (the pacer owns them), and counts.
import { Client } from '@hubspot/api-client';
import type { HubSpotContext } from '../../adapters/hubspot/gateway.ts';
import { callHubSpot } from '../../adapters/hubspot/errors.ts';
import { withTimeout } from '../../adapters/resilience.ts';
import { CrmError } from '../../errors.ts';
import type { SearchFilter } from '../../ports.ts';
import { createPacedCaller, DEFAULT_RETRY, type CallStats, type Pacer, type RetryPolicy } from './pacer.ts';
import type { Rate } from './scope.ts';

export interface PortalLimits {
  rate: Rate | null;
  dailyRemaining: number | null;
}

export type Probe = { ok: true; limits: PortalLimits } | { ok: false; message: string; daily?: boolean };

/** One cheap read: HubSpot answers every non-search call with its limits in headers. 5xx and 429 are tried again. */
export async function probePortal(basePath: string, token: string, fetchFn: typeof fetch = fetch, attempts = 4): Promise<Probe> {
  for (let attempt = 1; ; attempt++) {
    const probe = await probeOnce(basePath, token, fetchFn);
    if (probe.ok || !('transient' in probe) || attempt >= attempts) return probe;
    await new Promise((r) => setTimeout(r, 500 * attempt));
  }
}

async function probeOnce(basePath: string, token: string, fetchFn: typeof fetch): Promise<Probe & { transient?: boolean }> {
  let res: Response;
  try {
    res = await fetchFn(`${basePath}/crm/v3/objects/contacts?limit=1&properties=hs_object_id`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    return { ok: false, message: `Cannot reach HubSpot at ${basePath}: ${(error as Error).message.split('\n')[0]}` };
  }
  const body = await res.text();
  if (res.status === 401 || res.status === 403) return { ok: false, message: `HubSpot refused the access token (HTTP ${res.status}): check HUBSPOT_ACCESS_TOKEN and the app's crm.objects.contacts scopes.` };
  if (res.status === 429 && /DAILY/.test(body)) return { ok: false, daily: true, message: "HubSpot's daily API limit is used up: run again after it resets (midnight in the portal's time zone)." };
  if (!res.ok) return { ok: false, transient: res.status === 429 || res.status >= 500, message: `HubSpot answered HTTP ${res.status} to a contact read: ${body.slice(0, 200)}` };
  const max = Number(res.headers.get('x-hubspot-ratelimit-max'));
  const interval = Number(res.headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  const daily = res.headers.get('x-hubspot-ratelimit-daily-remaining');
  return {
    ok: true,
    limits: {
      rate: max > 0 && interval > 0 ? { max, intervalMs: interval } : null,
      dailyRemaining: daily !== null && Number.isFinite(Number(daily)) ? Number(daily) : null,
    },
  };
}

export interface RescoreConnection {
  ctx: HubSpotContext;
  stats: CallStats;
  /** How many contacts a scope covers (one search call), or null if HubSpot would not say. */
  count(filters: readonly SearchFilter[]): Promise<number | null>;
}

type SearchRequest = Parameters<Client['crm']['contacts']['searchApi']['doSearch']>[0];

export function connect(basePath: string, token: string, pacer: Pacer, searchPacer: Pacer, retry: RetryPolicy = DEFAULT_RETRY, timeoutMs = 30_000): RescoreConnection {
  // A client of its own: no api-client retries or limiter (they would fight the pacer).
  const client = new Client({ accessToken: token, basePath, numberOfApiCallRetries: 0 });
  const stats: CallStats = { calls: 0, retries: 0, throttled: 0 };
  const paced = createPacedCaller(pacer, searchPacer, stats, retry);
  const ctx: HubSpotContext = {
    client,
    call: (operation, fn) => paced(operation, () => withTimeout(timeoutMs, () => callHubSpot(operation, [token], fn),
      () => new CrmError(operation, `no answer within ${timeoutMs} ms`, { category: 'TIMEOUT' }))),
  };
  return {
    ctx,
    stats,
    async count(filters) {
      const request = { filterGroups: filters.length > 0 ? [{ filters: [...filters] }] : [], properties: ['hs_object_id'], limit: 1 } as unknown as SearchRequest;
      try {
        return (await ctx.call('search contacts to count them', () => client.crm.contacts.searchApi.doSearch(request))).total;
      } catch {
        return null; // only the progress bar's total is lost
      }
    },
  };
}
