// Adapters for the app functions, built once per warm function instance.
import { hubspotBaseUrl, readToken } from '../adapters/index.ts';
import { createAiFromEnv, createEnrichmentFromEnv } from '../adapters/index.ts';
import { createRulesClassifier, coreRulesClassify } from '../adapters/ai/rules.ts';
import { createHubSpotGateway } from '../adapters/hubspot/gateway.ts';
import { createRescoreGateway } from '../adapters/hubspot/rescore-gateway.ts';
import type { RescoreDeps } from '../services/rescore.ts';
import type { Config } from '../core/config.ts';
import { functionConfig, type Env } from './shell.ts';

/**
 * Attempts per call for the api-client itself: 1, so the client never waits 10 s × n on a 429
 * nor repeats a create after a 5xx. The re-score gateway retries what is safe, briefly
 * (RESCORE_RETRY in lib/adapters/hubspot/rescore-gateway.ts). The setting is process-wide.
 */
export const FUNCTION_RETRIES = 1;

/** `config` defaults to the rules bundled with the function; the sandbox passes its --config. */
export function depsFromEnv(env: Env, config: Config = functionConfig()): RescoreDeps {
  const accessToken = readToken(env);
  const basePath = hubspotBaseUrl(env);
  const rules = createRulesClassifier(coreRulesClassify(config));
  const directory = createHubSpotGateway({ accessToken, basePath, retries: FUNCTION_RETRIES });
  return {
    crm: createRescoreGateway({ accessToken, basePath, retries: FUNCTION_RETRIES }),
    enrichment: createEnrichmentFromEnv(env, directory),
    ai: createAiFromEnv(env, rules),
    config,
    clock: { now: () => new Date() },
  };
}
