import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickOwner, route, type RouteInputs } from '../../lib/core/route.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();
const base: RouteInputs = { contactId: 'c-1', currentOwnerId: null, companyKey: null, companyOwnerId: null, countryCode: null, stateCode: null };
const run = (over: Partial<RouteInputs>, ctx?: Parameters<typeof route>[2], cfg = config) => route({ ...base, ...over }, cfg, ctx);

describe('route', () => {
  it.each([
    ['keeps an existing owner', { currentOwnerId: '555' }, undefined, '555', 'kept', 'route_kept_owner'],
    ['gives the company owner', { companyOwnerId: '104', companyKey: 'acme.com' }, undefined, '104', 'account_match', 'route_account_owner'],
    ['matches an owned account from context', { companyKey: 'acme.com' }, { accountOwners: { 'acme.com': '107' } }, '107', 'account_match', 'route_account_owner'],
    ['skips an account owner on PTO', { companyOwnerId: '103', companyKey: 'acme.com', countryCode: 'DE' }, undefined, null, 'territory', 'route_territory'],
    ['routes Germany to EMEA', { countryCode: 'DE' }, undefined, null, 'territory', 'route_territory'],
    ['routes California to US West', { countryCode: 'US', stateCode: 'CA' }, undefined, '102', 'territory', 'route_territory'],
    ['routes an unknown country to the default pool', { countryCode: 'BR' }, undefined, null, 'territory', 'route_default_pool'],
    ['falls back when the pool is empty', { countryCode: 'US', stateCode: 'WA' }, { unavailableOwnerIds: ['102'] }, '101', 'fallback', 'route_fallback'],
  ] as const)('%s', (_name, over, ctx, owner, method, code) => {
    const r = run(over, ctx as Parameters<typeof route>[2]);
    if (owner !== null) expect(r.value.ownerId).toBe(owner);
    expect(r.value.method).toBe(method);
    expect(r.reasons.at(-1)!.code).toBe(code);
  });

  it('puts EMEA contacts only on EMEA reps', () => {
    for (let i = 0; i < 200; i++) {
      expect(['104', '105', '106']).toContain(run({ contactId: `c${i}`, countryCode: 'FR' }).value.ownerId);
    }
  });

  it('never assigns the PTO owner (103) from the North America pool', () => {
    for (let i = 0; i < 500; i++) expect(run({ contactId: `x${i}`, countryCode: 'US', stateCode: 'NY' }).value.ownerId).not.toBe('103');
  });

  it('reassigns existing owners only when the config says so', () => {
    const reassign = testConfig((c) => { c.routing.reassignExisting = true; });
    const r = run({ currentOwnerId: '555', countryCode: 'JP' }, undefined, reassign);
    expect(['107', '108']).toContain(r.value.ownerId);
    expect(r.value.changed).toBe(true);
  });

  it('skips an owner at capacity', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `cap-${i}`);
    expect(ids.map((contactId) => run({ contactId, countryCode: 'JP' }, { ownerLoad: { '108': 500 } }).value.ownerId).every((o) => o === '107')).toBe(true);
  });

  it('explains the assignment', () => {
    expect(run({ countryCode: 'US', stateCode: 'CA' }).reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "route_territory",
          "message": "Assigned to Ben Carter by territory US West, weighted among the available reps.",
        },
      ]
    `);
  });
});

describe('weighted rendezvous assignment', () => {
  const members = [{ ownerId: '1', weight: 1 }, { ownerId: '2', weight: 2 }, { ownerId: '3', weight: 3 }, { ownerId: '4', weight: 4 }];
  const ids = Array.from({ length: 10_000 }, (_, i) => `contact-${i * 7919}`);
  const none = new Set<string>();

  it('honours weights within ±3% over 10,000 contacts', () => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const o = pickOwner(id, members, none, config)!;
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    for (const m of members) {
      const share = (counts.get(m.ownerId) ?? 0) / ids.length;
      expect(Math.abs(share - m.weight / 10)).toBeLessThanOrEqual(0.03);
    }
  });

  it('moves only the unavailable owner\'s contacts when one goes on PTO', () => {
    fc.assert(fc.property(fc.constantFrom('1', '2', '3', '4'), (away) => {
      const pto = new Set([away]);
      for (const id of ids.slice(0, 2000)) {
        const before = pickOwner(id, members, none, config);
        const after = pickOwner(id, members, pto, config);
        if (before === away) expect(after).not.toBe(away);
        else expect(after).toBe(before);
      }
    }), { numRuns: 4 });
  });

  it('is deterministic for any contact id', () => {
    fc.assert(fc.property(fc.string(), (id) => {
      expect(pickOwner(id, members, none, config)).toBe(pickOwner(id, members, none, config));
    }));
  });
});
