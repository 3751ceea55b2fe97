// Builds the adapters from environment variables (app functions, CLI, server).
// No top-level await and no dynamic imports: app functions bundle this to CommonJS.
import defaultConfigJson from '../../config/decisions.json' with { type: 'json' };
import defaultTeamJson from '../../config/team.json' with { type: 'json' };
import { parseConfig, type Config } from '../core/config.ts';
import type { AiClassifier, EnrichmentProvider } from '../ports.ts';
import { AdapterConfigError, MissingTokenError } from '../errors.ts';
import { escapeControl, hasControlCharacter } from '../redact.ts';
import { createHubSpotGateway, type HubSpotGateway } from './hubspot/gateway.ts';
import { DEFAULT_HUBSPOT_BASE_URL, type LimiterOptions } from './hubspot/client.ts';
import { createHubSpotCompanyProvider } from './enrichment/hubspot-company.ts';
import { createHttpEnrichmentProvider, httpEnrichmentConfigSchema } from './enrichment/http.ts';
import { coreRulesClassify, createRulesClassifier, type RulesClassify } from './ai/rules.ts';
import { createOpenAiCompatibleClassifier } from './ai/openai-compatible.ts';

export type Env = Record<string, string | undefined>;

export interface Adapters {
  crm: HubSpotGateway;
  enrichment: EnrichmentProvider;
  ai: AiClassifier;
  /** The rules classifier, also the AI fallback. */
  rules: AiClassifier;
}

export interface AdapterOptions {
  /** The rules config (tracks for the rules classifier); default: the bundled config/decisions.json. */
  config?: Config;
  /** Replaces the core rules classifier (tests, experiments). */
  rulesClassify?: RulesClassify;
  retries?: number;
  limiter?: LimiterOptions;
}

export const ENRICHMENT_PROVIDERS = ['hubspot-company', 'http'] as const;
export const AI_PROVIDERS = ['rules', 'openai-compatible'] as const;

/**
 * The HubSpot token. One with a line break or another control character is refused up front
 * (naming the variable, never the value): sent on, it would fail inside `Headers.append` with
 * an error that quotes it.
 */
export function readToken(env: Env): string {
  const variable = env['HUBSPOT_ACCESS_TOKEN']?.trim() ? 'HUBSPOT_ACCESS_TOKEN' : 'PRIVATE_APP_ACCESS_TOKEN';
  const token = env[variable]?.trim();
  if (!token) throw new MissingTokenError();
  if (hasControlCharacter(token)) throw new AdapterConfigError(variable, 'contains a line break or another control character; copy the token again without it');
  return token;
}

/** HUBSPOT_BASE_URL (default https://api.hubapi.com), checked and explained in our words. */
export function hubspotBaseUrl(env: Env): string {
  const raw = env['HUBSPOT_BASE_URL']?.trim();
  if (!raw) return DEFAULT_HUBSPOT_BASE_URL;
  const why = 'must be an http(s) URL such as https://api.hubapi.com or http://127.0.0.1:3100';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AdapterConfigError('HUBSPOT_BASE_URL', `is not a URL; it ${why}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AdapterConfigError('HUBSPOT_BASE_URL', `uses ${escapeControl(url.protocol)}; it ${why}`);
  if (url.username || url.password) throw new AdapterConfigError('HUBSPOT_BASE_URL', 'contains a user name or password; remove them (the token is sent in a header)');
  if (url.search || url.hash) throw new AdapterConfigError('HUBSPOT_BASE_URL', `has a query or fragment; it ${why}`);
  return raw.replace(/\/+$/, '');
}

function defaultConfig(): Config {
  const parsed = parseConfig(defaultConfigJson, 'config/decisions.json', { json: defaultTeamJson, fileName: 'config/team.json' });
  if (!parsed.ok) throw new AdapterConfigError('config/decisions.json', parsed.message);
  return parsed.config;
}

function choice<T extends string>(env: Env, variable: string, allowed: readonly T[]): T {
  const value = env[variable]?.trim() || allowed[0]!;
  if (!(allowed as readonly string[]).includes(value)) throw new AdapterConfigError(variable, `"${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

function required(env: Env, variable: string, why: string): string {
  const value = env[variable]?.trim();
  if (!value) throw new AdapterConfigError(variable, `is required ${why}`);
  return value;
}

function json(env: Env, variable: string, fallback: unknown): unknown {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AdapterConfigError(variable, 'is not valid JSON');
  }
}

function optionalInt(env: Env, variable: string): number | undefined {
  const raw = env[variable]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new AdapterConfigError(variable, 'must be a positive whole number of milliseconds');
  return n;
}

export function createEnrichmentFromEnv(env: Env, crm: HubSpotGateway): EnrichmentProvider {
  const hubspot = createHubSpotCompanyProvider(crm);
  if (choice(env, 'LEAD_DECISIONS_ENRICHMENT', ENRICHMENT_PROVIDERS) === 'hubspot-company') return hubspot;
  const parsed = httpEnrichmentConfigSchema.safeParse({
    urlTemplate: required(env, 'LEAD_DECISIONS_ENRICHMENT_URL', 'when LEAD_DECISIONS_ENRICHMENT=http'),
    headers: json(env, 'LEAD_DECISIONS_ENRICHMENT_HEADERS', {}),
    fields: json(env, 'LEAD_DECISIONS_ENRICHMENT_FIELDS', { industry: 'industry', employees: 'employees' }),
    ...(optionalInt(env, 'LEAD_DECISIONS_ENRICHMENT_TIMEOUT_MS') ? { timeoutMs: optionalInt(env, 'LEAD_DECISIONS_ENRICHMENT_TIMEOUT_MS') } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdapterConfigError('LEAD_DECISIONS_ENRICHMENT_*', `${issue?.path.join('.') || 'config'}: ${issue?.message ?? 'invalid'}`);
  }
  try {
    return createHttpEnrichmentProvider(parsed.data, env, hubspot);
  } catch (error) {
    throw new AdapterConfigError('LEAD_DECISIONS_ENRICHMENT_HEADERS', error instanceof Error ? error.message : 'invalid headers');
  }
}

export function createAiFromEnv(env: Env, rules: AiClassifier): AiClassifier {
  if (choice(env, 'LEAD_DECISIONS_AI', AI_PROVIDERS) === 'rules') return rules;
  const why = 'when LEAD_DECISIONS_AI=openai-compatible';
  return createOpenAiCompatibleClassifier({
    baseUrl: required(env, 'LEAD_DECISIONS_AI_BASE_URL', why),
    apiKey: required(env, 'LEAD_DECISIONS_AI_API_KEY', why),
    model: required(env, 'LEAD_DECISIONS_AI_MODEL', why),
    timeoutMs: optionalInt(env, 'LEAD_DECISIONS_AI_TIMEOUT_MS'),
    fallback: rules,
  });
}

/** The gateway, enrichment provider and AI classifier the environment asks for. Throws MissingTokenError / AdapterConfigError. */
export function createAdaptersFromEnv(env: Env = process.env, options: AdapterOptions = {}): Adapters {
  const crm = createHubSpotGateway({
    accessToken: readToken(env),
    basePath: hubspotBaseUrl(env),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  const rules = createRulesClassifier(options.rulesClassify ?? coreRulesClassify(options.config ?? defaultConfig()));
  return { crm, enrichment: createEnrichmentFromEnv(env, crm), ai: createAiFromEnv(env, rules), rules };
}

export { createHubSpotGateway, type HubSpotGateway } from './hubspot/gateway.ts';
export { getHubSpotClient, DEFAULT_HUBSPOT_BASE_URL } from './hubspot/client.ts';
export { createFakeCrmGateway, type FakeCrmGateway, type FakeCrmSeed } from './hubspot/fake.ts';
export { createFakeRescoreGateway, type FakeRescoreGateway, type FakeRescoreSeed } from './hubspot/fake-rescore.ts';
export { createHubSpotCompanyProvider } from './enrichment/hubspot-company.ts';
export { createHttpEnrichmentProvider } from './enrichment/http.ts';
export { createCrmRecordProvider } from './enrichment/crm-record.ts';
export { createRulesClassifier, coreRulesClassify } from './ai/rules.ts';
export { createOpenAiCompatibleClassifier } from './ai/openai-compatible.ts';
export { createFakeEnrichmentProvider } from './enrichment/fake.ts';
export { createFakeAiClassifier } from './ai/fake.ts';
export { buildClassificationRequest } from './ai/guardrails.ts';
