import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hash64Hex, hashFields, hashUnit, hashUnitPair } from '../../lib/core/hash.ts';

describe('hashes', () => {
  it('tells field types and positions apart', () => {
    const keys = [['1'], [1], [true], [null], [''], ['a', 'b'], ['b', 'a'], ['ab'], ['a', null], [null, 'a'], [0], [false]].map((f) => hashFields(f));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives 16 hex characters and is stable for equal content', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (fields) => {
      const a = hashFields(fields);
      expect(a).toMatch(/^[0-9a-f]{16}$/);
      expect(hashFields(structuredClone(fields))).toBe(a);
    }));
  });

  it('pairs hash like the joined string, without building it', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const u = hashUnitPair(a, b);
      expect(u).toBe(hashUnit(`${a}\u0000${b}`));
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }));
  });

  it('pins known digests so keys stay stable across releases', () => {
    expect(hash64Hex('lead-decisions')).toMatchInlineSnapshot(`"1bce3f0eaa49331d"`);
    expect(hashFields(['2026.11.1+abc', 'acme.com', true, 82, null])).toMatchInlineSnapshot(`"c10c1c380c74cd30"`);
  });

  it('serialises objects canonically', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });
});
