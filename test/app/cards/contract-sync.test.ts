// The card cannot import lib/ (HubSpot builds src/app/cards on its own), so it keeps
// a copy of the contract. These tests fail as soon as the two drift apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../../../lib/core/contract.ts';
import * as card from '../../../src/app/cards/contract.ts';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

/** Drops comments, imports and layout so only the code itself is compared. */
function normalizeSource(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^\s*import\s[^;]+;\s*$/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}()[\],:;=<>.|])\s*/g, '$1')
    .trim();
}

function cardReplySection(source: string): string {
  const match = /\/\/ ---- BEGIN copy of lib\/core\/reply\.ts[^\n]*\n([\s\S]*?)\/\/ ---- END copy/.exec(source);
  if (!match?.[1]) throw new Error('src/app/cards/contract.ts lost its BEGIN/END copy markers');
  return match[1];
}

describe('card contract stays in sync with lib/core', () => {
  it('carries a verbatim copy of the reply schemas in lib/core/reply.ts', () => {
    const coreReply = normalizeSource(read('lib/core/reply.ts'));
    const cardReply = normalizeSource(cardReplySection(read('src/app/cards/contract.ts')));
    expect(coreReply.length).toBeGreaterThan(500);
    expect(cardReply).toBe(coreReply);
  });

  it('has the same tiers and contract properties', () => {
    expect(card.TIERS).toEqual(core.TIERS);
    expect(card.CONTRACT_PROPERTIES).toEqual(core.CONTRACT_PROPERTIES);
  });

  it('reads only contract properties, and exactly the ones the card shows', () => {
    for (const name of card.CARD_PROPERTIES) expect(core.CONTRACT_PROPERTIES).toContain(name);
    expect([...card.CARD_PROPERTIES].sort()).toEqual([
      'confidence_band', 'content_track', 'decision_key', 'enrichment_confidence', 'fit_score', 'intent_score',
      'last_decision_at', 'last_decision_reason', 'last_enrichment_source', 'lead_score', 'next_best_asset_id', 'reengagement_status',
      'routing_tier', 'scoring_version',
    ]);
  });

  it('normalizes comments and layout but not code', () => {
    expect(normalizeSource("import { z } from 'zod';\n// note\nexport const A = z.object({ a: z.string() }); /* x */"))
      .toBe(normalizeSource('export const A = z.object({\n  a: z.string()\n});'));
    expect(normalizeSource('z.string()')).not.toBe(normalizeSource('z.number()'));
  });
});
