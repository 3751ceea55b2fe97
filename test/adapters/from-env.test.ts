import { describe, expect, it } from 'vitest';
import { createAdaptersFromEnv } from '../../lib/adapters/index.ts';
import { buildClassificationRequest } from '../../lib/adapters/ai/guardrails.ts';
import { pageViewsFromBand } from '../../lib/adapters/ai/rules.ts';
import { AdapterConfigError, MissingTokenError } from '../../lib/errors.ts';
import { startEmulator } from '../../local/emulator/index.ts';
import defaultConfig from '../../config/decisions.json' with { type: 'json' };

const TOKEN = 'pat-na1-from-env-secret';
const base = { HUBSPOT_ACCESS_TOKEN: TOKEN };

describe('createAdaptersFromEnv', () => {
  it('refuses to start without a token, saying which variables to set', () => {
    expect(() => createAdaptersFromEnv({})).toThrow(MissingTokenError);
    expect(() => createAdaptersFromEnv({ HUBSPOT_ACCESS_TOKEN: '  ' })).toThrowErrorMatchingInlineSnapshot(`[MissingTokenError: No HubSpot access token: set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN inside HubSpot).]`);
  });

  it('defaults to hubspot-company enrichment and the rules classifier', () => {
    const adapters = createAdaptersFromEnv({ PRIVATE_APP_ACCESS_TOKEN: TOKEN });
    expect([adapters.enrichment.id, adapters.ai.id, adapters.rules.id]).toEqual(['hubspot-company', 'rules', 'rules']);
  });

  it('classifies offline with the bundled config when no AI is configured', async () => {
    const { ai } = createAdaptersFromEnv(base);
    const tracks = defaultConfig.classification.tracks.map((t: { id: string }) => t.id);
    const request = buildClassificationRequest({ jobtitle: 'CISO', message: 'We need SOC 2 and SSO', hs_analytics_num_page_views: '30' }, null, tracks);
    const result = await ai.classify(request);
    expect(result.source).toBe('rules');
    expect(tracks).toContain(result.contentTrack);
  });

  it.each([
    [{ LEAD_DECISIONS_ENRICHMENT: 'clearbit' }, 'LEAD_DECISIONS_ENRICHMENT'],
    [{ LEAD_DECISIONS_ENRICHMENT: 'http' }, 'LEAD_DECISIONS_ENRICHMENT_URL'],
    [{ LEAD_DECISIONS_ENRICHMENT: 'http', LEAD_DECISIONS_ENRICHMENT_URL: 'https://e.example/c?d={domain}', LEAD_DECISIONS_ENRICHMENT_FIELDS: '{oops' }, 'LEAD_DECISIONS_ENRICHMENT_FIELDS'],
    [{ LEAD_DECISIONS_ENRICHMENT: 'http', LEAD_DECISIONS_ENRICHMENT_URL: 'https://e.example/c?d={domain}', LEAD_DECISIONS_ENRICHMENT_HEADERS: '{"x-key":"${ENRICH_KEY}"}' }, 'LEAD_DECISIONS_ENRICHMENT_HEADERS'],
    [{ LEAD_DECISIONS_AI: 'gpt' }, 'LEAD_DECISIONS_AI'],
    [{ LEAD_DECISIONS_AI: 'openai-compatible', LEAD_DECISIONS_AI_BASE_URL: 'http://127.0.0.1:1/v1' }, 'LEAD_DECISIONS_AI_API_KEY'],
    [{ LEAD_DECISIONS_AI: 'openai-compatible', LEAD_DECISIONS_AI_BASE_URL: 'http://x/v1', LEAD_DECISIONS_AI_API_KEY: 'sk-1', LEAD_DECISIONS_AI_MODEL: 'm', LEAD_DECISIONS_AI_TIMEOUT_MS: 'soon' }, 'LEAD_DECISIONS_AI_TIMEOUT_MS'],
  ])('names the variable that is wrong: %j → %s', (env, variable) => {
    let error: unknown;
    try { createAdaptersFromEnv({ ...base, ...env }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AdapterConfigError);
    expect((error as AdapterConfigError).variable).toBe(variable);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('builds the http provider and the openai-compatible classifier when fully configured', () => {
    const adapters = createAdaptersFromEnv({
      ...base,
      LEAD_DECISIONS_ENRICHMENT: 'http', LEAD_DECISIONS_ENRICHMENT_URL: 'https://e.example/c?d={domain}',
      LEAD_DECISIONS_ENRICHMENT_HEADERS: '{"x-key":"${ENRICH_KEY}"}', ENRICH_KEY: 'k',
      LEAD_DECISIONS_AI: 'openai-compatible', LEAD_DECISIONS_AI_BASE_URL: 'http://127.0.0.1:1/v1', LEAD_DECISIONS_AI_API_KEY: 'sk-1', LEAD_DECISIONS_AI_MODEL: 'm',
    });
    expect([adapters.enrichment.id, adapters.ai.id]).toEqual(['http', 'openai-compatible']);
  });

  it('talks to HUBSPOT_BASE_URL (the sandbox points it at the emulator)', async () => {
    const emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 5, seed: 2 });
    try {
      const { crm } = createAdaptersFromEnv({ HUBSPOT_ACCESS_TOKEN: `env-${process.pid}`, HUBSPOT_BASE_URL: emulator.url });
      expect((await crm.listOwners()).length).toBeGreaterThan(0);
      expect(emulator.requestLog.entries().map((e) => e.path)).toContain('/crm/v3/owners/');
    } finally {
      await emulator.close();
    }
  });

  it.each([[undefined, 0], ['0', 0], ['1-5', 1], ['6-20', 6], ['50+', 51]])('page-views band %s reads as at least %i views', (band, views) => {
    expect(pageViewsFromBand(band)).toBe(views);
  });
});
