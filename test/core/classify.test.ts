import { describe, expect, it } from 'vitest';
import { classifyByRules, type ClassifyFields } from '../../lib/core/classify.ts';
import { containsWord } from '../../lib/core/text-match.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();
const base: ClassifyFields = { persona: 'other', industry: null, lifecycle: 'lead', text: '', pageViews: 0 };
const run = (over: Partial<ClassifyFields>) => classifyByRules({ ...base, ...over }, config);

describe('classifyByRules', () => {
  it.each([
    ['no signals → default track, low', {}, 'getting_started', 'low'],
    ['engineer asking about the API', { persona: 'engineering', text: 'Does your API support webhooks?' }, 'technical_evaluation', 'high'],
    ['engineer alone', { persona: 'engineering' }, 'technical_evaluation', 'medium'],
    ['security persona at a bank', { persona: 'it_security', industry: 'Banking' }, 'security_compliance', 'medium'],
    ['German privacy question', { text: 'Wie steht es um Datenschutz und DSGVO?' }, 'security_compliance', 'high'],
    ['CFO on pricing', { persona: 'finance', text: 'What is the pricing?' }, 'business_value', 'high'],
    ['Spanish budget question', { text: '¿Cuál es el precio?' }, 'business_value', 'medium'],
    ['customers get the expansion track', { lifecycle: 'customer', persona: 'engineering' }, 'customer_expansion', 'high'],
    ['engaged research lifts the band', { persona: 'engineering', pageViews: 25 }, 'technical_evaluation', 'medium'],
    ['"api" inside another word does not count', { text: 'rapid therapist' }, 'getting_started', 'low'],
  ] as const)('%s', (_n, over, track, band) => {
    const r = run(over).value;
    expect([r.contentTrack, r.confidenceBand]).toEqual([track, band]);
    expect(r.source).toBe('rules');
  });

  it.each([
    ['It is too expensive for our budget', ['price']],
    ['We already use Salesforce, maybe next quarter', ['timing', 'competitor']],
    ['Das ist zu teuer, vielleicht später', ['price', 'timing']],
    ['', []],
  ])('finds objections in "%s"', (text, objections) => {
    expect(run({ text }).value.objections).toEqual(objections);
  });

  it('gives the asset, subject line and a readable reason', () => {
    const r = run({ persona: 'engineering', text: 'API and SDK docs?' });
    expect(r.value.nextBestAsset).toBe('Technical architecture guide');
    expect(r.value.subjectLine).toBe('How engineering teams integrate in a day');
    expect(r.reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "classify_rules_track",
          "message": "Technical evaluation track: engineering persona, mentions "api", "sdk" (confidence high).",
        },
      ]
    `);
  });

  it('keeps the track when the lifecycle only moves forward inside the funnel', () => {
    const stages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', null];
    const tracks = stages.map((lifecycle) => run({ lifecycle, persona: 'finance' }).value.contentTrack);
    expect(new Set(tracks).size).toBe(1);
  });
});

describe('containsWord', () => {
  it.each([
    ['the api works', 'api', true],
    ['rapid', 'api', false],
    ['api.', 'api', true],
    ['sécurité des données', 'sécurité', true],
    ['insécurité', 'sécurité', false],
    ['soc 2 report', 'soc 2', true],
  ])('%s contains %s: %s', (text, word, expected) => {
    expect(containsWord(text, word)).toBe(expected);
  });
});
