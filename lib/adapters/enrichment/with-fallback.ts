// Timeout + bounded retries around a provider, then a fallback provider; the facts say which source answered and why.
import type { EnrichmentFacts } from '../../core/types.ts';
import type { EnrichmentProvider } from '../../ports.ts';
import { EnrichmentError } from '../../errors.ts';
import { withRetries, withTimeout } from '../resilience.ts';

export interface ResilienceOptions {
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

const isRetryable = (error: unknown): boolean =>
  !(error instanceof EnrichmentError) || error.code === 'timeout' || error.code === 'network' || (error.status !== undefined && error.status >= 500);

export function withFallback(primary: EnrichmentProvider, fallback: EnrichmentProvider, options: ResilienceOptions = {}): EnrichmentProvider {
  const timeoutMs = options.timeoutMs ?? 3000;
  const policy = { retries: options.retries ?? 2, delayMs: options.retryDelayMs ?? 200, shouldRetry: isRetryable };
  return {
    id: primary.id,
    async lookup(companyKey, hints) {
      try {
        return await withRetries(policy, () => withTimeout(timeoutMs, () => primary.lookup(companyKey, hints),
          () => new EnrichmentError(primary.id, 'timeout', `no answer within ${timeoutMs} ms`)));
      } catch (error) {
        const reason = fallbackReason(primary.id, fallback.id, error);
        const facts = await fallback.lookup(companyKey, hints).catch(() => null);
        const result: EnrichmentFacts = facts ?? { source: fallback.id, companyKey };
        return { ...result, fallback: reason };
      }
    },
  };
}

function fallbackReason(primaryId: string, fallbackId: string, error: unknown): { code: string; message: string } {
  const code = error instanceof EnrichmentError ? error.code : 'provider_error';
  const why = {
    timeout: 'did not answer in time',
    malformed_response: 'sent an answer we could not read',
    http_error: `answered with an error${error instanceof EnrichmentError && error.status ? ` (HTTP ${error.status})` : ''}`,
    network: 'could not be reached',
  }[code] ?? 'failed';
  return {
    code: `enrichment_fallback_${code}`,
    message: `Company facts came from ${label(fallbackId)} because ${label(primaryId)} ${why}.`,
  };
}

const LABELS: Record<string, string> = {
  'crm-record': 'the company record already in HubSpot',
  'hubspot-company': 'the HubSpot company look-up',
  http: 'the enrichment service',
};

const label = (id: string): string => LABELS[id] ?? `the ${id} provider`;
