// Garbage values never reach a reason verbatim: "NaN industry (+4)", "-3.8e+299 industry",
// "Stays with owner NaN", owner ids with control characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/core/pipeline.ts';
import { readLabel, readOwnerId } from '../../lib/core/values.ts';
import { NOW, testConfig } from './helpers.ts';

const config = testConfig();
const GARBAGE = ['NaN', '-3.8e+299', 'Infinity', '-Infinity', 'null', 'undefined', '1e308', '  NaN  ', '12\u001b[2J', '\u0000', '42', '0x1F'];

function reasonsOf(contact: Record<string, unknown>, company: Record<string, unknown> | null): string {
  const d = decide({ id: '1', properties: { email: 'ann@acme.com', ...contact }, company: company ? { properties: company } : null }, config, NOW);
  return d.reasons.map((r) => r.message).join('\n');
}

describe('garbage never reaches a reason', () => {
  it.each(GARBAGE)('industry %j on the company or the contact reads as unknown', (value) => {
    for (const text of [reasonsOf({ industry: value }, null), reasonsOf({}, { industry: value, domain: 'acme.com' })]) {
      expect(text).toContain('unknown industry');
      expect(text).not.toContain(value.trim());
    }
  });

  it.each(GARBAGE.filter((v) => v.trim() !== '42'))('owner id %j is not an owner', (value) => {
    const text = reasonsOf({ hubspot_owner_id: value }, { hubspot_owner_id: value, domain: 'acme.com' });
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(text).not.toMatch(/NaN|Infinity|e\+\d|\u001b|\u0000/);
    expect(text).not.toContain(`owner ${value}`);
  });

  it('for any string, reasons hold no control character and no NaN/Infinity (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom(...GARBAGE), fc.double().map(String)), fc.oneof(fc.string(), fc.constantFrom(...GARBAGE)), (industry, owner) => {
      const text = reasonsOf({ industry, hubspot_owner_id: owner }, { industry, hubspot_owner_id: owner });
      // eslint-disable-next-line no-control-regex -- asserting their absence
      expect(text.replace(/\n/g, ' ')).not.toMatch(/[\u0000-\u001f\u007f]|\bNaN\b|\bInfinity\b|\de[+-]\d/);
    }), { numRuns: 300 });
  });

  it.each([
    ['Software', 'Software'], ['  Computer Software ', 'Computer Software'], ['NaN', null], ['-3.8e+299', null], ['42', null], ['a\u0007b', null], [7, null],
  ])('readLabel(%j) → %j', (raw, want) => expect(readLabel(raw)).toBe(want));

  it.each([['123', '123'], [' 77 ', '77'], ['NaN', null], ['12\u001b', null], ['-1', null], [55, '55']])('readOwnerId(%j) → %j', (raw, want) => expect(readOwnerId(raw)).toBe(want));
});
