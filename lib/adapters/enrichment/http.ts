// A configurable JSON API looked up by domain: URL template, headers from env,
// response validated with zod, fields mapped by dotted paths.
import { z } from 'zod';
import type { EnrichmentProvider } from '../../ports.ts';
import { EnrichmentError } from '../../errors.ts';
import { getPath } from '../resilience.ts';
import { buildFacts, FACT_NAMES, type FactName } from './facts.ts';
import { createCrmRecordProvider } from './crm-record.ts';
import { withFallback } from './with-fallback.ts';

export const HTTP_SOURCE = 'http';

export const httpEnrichmentConfigSchema = z.object({
  /** e.g. "https://api.example.com/v1/companies?domain={domain}" */
  urlTemplate: z.string().url().refine((u) => u.includes('{domain}'), 'urlTemplate must contain {domain}'),
  /** Header values may reference environment variables as ${NAME}; the values never appear in errors. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Fact → dotted path in the response, e.g. { "industry": "category.industry" }. */
  fields: z.partialRecord(z.enum(FACT_NAMES), z.string().min(1)).refine((f) => Object.keys(f).length > 0, 'map at least one field'),
  /** Confidence given to every value from this API (0–100). */
  confidence: z.number().min(0).max(100).default(70),
  timeoutMs: z.number().int().positive().default(3000),
  retries: z.number().int().min(0).max(5).default(2),
  retryDelayMs: z.number().int().min(0).default(200),
});
export type HttpEnrichmentConfig = z.input<typeof httpEnrichmentConfigSchema>;

const responseSchema = z.record(z.string(), z.unknown());

/** Resolves ${NAME} references in header values; a missing variable is a configuration error naming it. */
export function resolveHeaders(headers: Record<string, string>, env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, template]) => [name, template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, variable: string) => {
    const value = env[variable];
    if (value === undefined || value === '') throw new Error(`Enrichment header ${name} needs the environment variable ${variable}, which is not set.`);
    return value;
  })]));
}

/** The bare lookup (one attempt, no timeout); `createHttpEnrichmentProvider` adds resilience and the fallback. */
export function createHttpLookup(config: HttpEnrichmentConfig, env: Record<string, string | undefined> = process.env): EnrichmentProvider & { timeoutMs: number } {
  const parsed = httpEnrichmentConfigSchema.parse(config);
  const headers = { accept: 'application/json', ...resolveHeaders(parsed.headers, env) };
  return {
    id: HTTP_SOURCE,
    timeoutMs: parsed.timeoutMs,
    async lookup(companyKey) {
      const url = parsed.urlTemplate.replace('{domain}', encodeURIComponent(companyKey));
      const where = new URL(url).host;
      let response: Response;
      try {
        response = await fetch(url, { headers, signal: AbortSignal.timeout(parsed.timeoutMs) });
      } catch (error) {
        const code = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'network';
        throw new EnrichmentError(HTTP_SOURCE, code, `${where} could not be reached for ${companyKey}`);
      }
      if (response.status === 404) return null;
      if (!response.ok) throw new EnrichmentError(HTTP_SOURCE, 'http_error', `${where} answered HTTP ${response.status} for ${companyKey}`, { status: response.status });
      let body: unknown;
      try {
        body = responseSchema.parse(JSON.parse(await response.text()));
      } catch {
        throw new EnrichmentError(HTTP_SOURCE, 'malformed_response', `${where} sent a response that is not a JSON object for ${companyKey}`);
      }
      const values: Partial<Record<FactName, unknown>> = {};
      for (const [fact, path] of Object.entries(parsed.fields) as [FactName, string][]) values[fact] = getPath(body, path);
      return buildFacts(HTTP_SOURCE, companyKey, values, () => parsed.confidence);
    },
  };
}

/** http with a timeout, bounded retries (5xx, timeouts, network) and the crm-record fallback. */
export function createHttpEnrichmentProvider(config: HttpEnrichmentConfig, env: Record<string, string | undefined> = process.env, fallback: EnrichmentProvider = createCrmRecordProvider()): EnrichmentProvider {
  const parsed = httpEnrichmentConfigSchema.parse(config);
  const lookup = createHttpLookup(config, env);
  // The fetch carries its own timeout; the wrapper's is a backstop slightly above it.
  return withFallback(lookup, fallback, { timeoutMs: parsed.timeoutMs + 250, retries: parsed.retries, retryDelayMs: parsed.retryDelayMs });
}
