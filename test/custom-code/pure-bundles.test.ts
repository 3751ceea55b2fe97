// The pasteable normalize and score_and_route files, run alone in a fresh process: normal inputs
// give the engine's answer with HubSpot's output types; missing or broken inputs give the safe
// default with a reason; nothing throws.
import { readFileSync } from 'node:fs';
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' };
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledConfig } from '../../lib/custom-code/bundled-config.ts';
import { normalizeInputs } from '../../lib/custom-code/normalize.ts';
import { scoreAndRoute } from '../../lib/custom-code/score_and_route.ts';
import { CUSTOM_CODE_ACTIONS, customCodeFile } from '../../scripts/custom-code-bundles.ts';
import { assertOutputTypes, ensureBundles, eventFor, runBundle } from './helpers.ts';

const dayAgo = String(Date.now() - 86_400_000);
const ENGAGED_CEO = {
  email: 'ceo@orbitsoft.io', jobtitle: 'CEO', country: 'Germany', hs_analytics_num_page_views: '12', num_conversion_events: '3',
  hs_analytics_last_visit_timestamp: dayAgo, lifecyclestage: 'lead', company_domain: 'orbitsoft.io', company_industry: 'COMPUTER_SOFTWARE', company_numberofemployees: '400',
};

beforeAll(ensureBundles, 120_000);

describe('the bundles rely on nothing HubSpot does not offer', () => {
  it.each(CUSTOM_CODE_ACTIONS)('%s requires only Node built-ins and exports an async main(event)', async (name) => {
    const text = readFileSync(customCodeFile(name), 'utf8');
    const required = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(required.filter((r) => !r.startsWith('node:') && !['zlib', 'crypto', 'buffer', 'util', 'url'].includes(r))).toEqual([]);
    const run = await runBundle(name, eventFor({}));
    expect(run).toMatchObject({ ok: true, mainArity: 1 });
  });
});

describe('normalize.js', () => {
  it('cleans up the mapped inputs, typed as HubSpot outputs, the same as the sources', async () => {
    const inputs = { email: ' Ada@OrbitSoft.io ', phone: '030 901820', country: 'Deutschland', jobtitle: 'VP Engineering', state: 'Berlin' };
    const run = await runBundle('normalize', eventFor(inputs));
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    expect(run.outputFields).toEqual(normalizeInputs(eventFor(inputs)));
    expect(String(run.outputFields['normalize_reason']).split(/(?<=[.!?…”]) (?=[A-Z“])/).length).toBeGreaterThanOrEqual(5);
    expect(run.outputFields).toMatchObject({ email: 'ada@orbitsoft.io', has_valid_email: true, is_free_mail: false, normalized_company_key: 'orbitsoft.io', phone: '+4930901820', country_code: 'DE', persona: 'engineering', seniority: 'vp', reason_code: 'normalized' });
  });

  it.each([
    { name: 'no inputs at all', inputs: {}, code: 'inputs_missing' },
    { name: 'blank inputs', inputs: { email: '  ', phone: '' }, code: 'inputs_missing' },
    { name: 'an email with no domain', inputs: { email: 'ada@' }, code: 'email_domain_empty' },
    { name: 'a country nobody knows', inputs: { email: 'a@orbitsoft.io', country: 'Atlantis' }, code: 'country_unknown' },
    { name: 'an object where text belongs', inputs: { email: { nested: true } }, code: 'email_not_text' },
  ])('$name → reason $code, no throw', async ({ inputs, code }) => {
    const run = await runBundle('normalize', eventFor(inputs));
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    expect(run.outputFields['reason_code']).toBe(code);
    expect(String(run.outputFields['normalize_reason'])).toMatch(/\S[.!?…]$/);
  });
});

describe('score_and_route.js', () => {
  it('decides like the engine: scores as numbers, tier, owner, reason, time as Unix ms', async () => {
    const before = Date.now();
    const run = await runBundle('score_and_route', eventFor(ENGAGED_CEO));
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    const { decided_at: decidedAt, ...rest } = run.outputFields;
    const { decided_at: _ignored, ...expected } = scoreAndRoute(eventFor(ENGAGED_CEO), bundledConfig(), new Date());
    expect(rest).toEqual(expected);
    expect(decidedAt).toBeGreaterThanOrEqual(before);
    expect(rest).toMatchObject({ routing_tier: 'high', reason_code: 'decided', is_safe_default: false });
    expect(typeof rest['lead_score']).toBe('number');
  });

  it('carries the disposable-mail list intact: a throw-away address decides as in the sources (capped low)', async () => {
    const domain = (disposableDomains as string[])[Math.floor((disposableDomains as string[]).length / 2)]!;
    const inputs = { ...ENGAGED_CEO, email: `ceo@${domain}` };
    const run = await runBundle('score_and_route', eventFor(inputs));
    if (!run.ok) throw new Error(run.error.message);
    const { decided_at: _a, ...rest } = run.outputFields;
    const { decided_at: _b, ...expected } = scoreAndRoute(eventFor(inputs), bundledConfig(), new Date());
    expect(rest).toEqual(expected);
    expect(rest['routing_tier']).toBe('low');
  });

  it.each([
    { name: 'no inputs', inputs: {}, code: 'inputs_missing', mention: 'No inputs' },
    { name: 'page views that are not a count', inputs: { ...ENGAGED_CEO, hs_analytics_num_page_views: 'lots' }, code: 'input_invalid', mention: 'hs_analytics_num_page_views' },
    { name: 'a negative form count', inputs: { ...ENGAGED_CEO, num_conversion_events: '-2' }, code: 'input_invalid', mention: 'num_conversion_events' },
    { name: 'a last visit that is not a date', inputs: { ...ENGAGED_CEO, hs_analytics_last_visit_timestamp: 'yesterday-ish' }, code: 'input_invalid', mention: 'hs_analytics_last_visit_timestamp' },
    { name: 'a list where a value belongs', inputs: { ...ENGAGED_CEO, company_numberofemployees: ['400'] }, code: 'input_invalid', mention: 'company_numberofemployees' },
  ])('$name → the safe default route (low) with reason $code', async ({ inputs, code, mention }) => {
    const run = await runBundle('score_and_route', eventFor(inputs));
    if (!run.ok) throw new Error(run.error.message);
    assertOutputTypes(run.outputFields);
    expect(run.outputFields).toMatchObject({ routing_tier: 'low', lead_score: 0, owner_id: '', reason_code: code, is_safe_default: true });
    expect(run.outputFields['last_decision_reason']).toContain(mention);
  });

  it('answers a broken event (no inputFields object) with the safe default, not a throw', async () => {
    const run = await runBundle('score_and_route', { inputFields: 'email=ceo@orbitsoft.io' });
    expect(run).toMatchObject({ ok: true, outputFields: { routing_tier: 'low', reason_code: 'inputs_missing' } });
  });
});
