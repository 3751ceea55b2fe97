// Routing with the team file: away owners, unknown ids, the queue, territory sources, state names,
// account aliases and the balanced mode (table tests), plus the properties issue 9 asks for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountKeyOf, nextAvailableOwner, pickBalanced, route, type RouteInputs } from '../../lib/core/route.ts';
import { decide } from '../../lib/core/pipeline.ts';
import { TeamSchema } from '../../lib/core/team-schema.ts';
import type { DecisionContext, DecisionInput } from '../../lib/core/types.ts';
import { NOW, rawDefaultTeam, testConfig, type Raw } from './helpers.ts';

const config = testConfig();
const nowMs = NOW.getTime();
const base: RouteInputs = { contactId: 'c-1', currentOwnerId: null, companyKey: null, companyOwnerId: null, countryCode: null, stateCode: null, nowMs };
type Patch = (raw: Raw) => void;
const ptoFor = (id: string, from = '2026-11-20', to = '2026-12-04'): Patch => (c) => {
  c.routing.owners.find((o) => o.id === id)!.pto = [{ from, to }];
};

describe('route with the team file', () => {
  it.each<[string, Partial<RouteInputs>, Patch | null, DecisionContext | undefined, string | null, string, string]>([
    ['moves an unworked lead off an away owner', { currentOwnerId: '103', countryCode: 'US', stateCode: 'NY' }, null, undefined, null, 'territory', 'route_owner_unavailable'],
    ['keeps a worked lead with an away owner', { currentOwnerId: '103', worked: true }, null, undefined, '103', 'kept', 'route_kept_owner_unavailable'],
    ['moves a worked lead too when moveWorked is on', { currentOwnerId: '103', worked: true, countryCode: 'JP' }, (c) => { c.routing.unavailableOwners = { moveUnworked: true, moveWorked: true }; }, undefined, null, 'territory', 'route_owner_unavailable'],
    ['keeps an unworked lead when moveUnworked is off', { currentOwnerId: '103' }, (c) => { c.routing.unavailableOwners = { moveUnworked: false, moveWorked: false }; }, undefined, '103', 'kept', 'route_kept_owner_unavailable'],
    ['moves a lead of an owner inside a PTO window', { currentOwnerId: '104', countryCode: 'DE' }, ptoFor('104'), undefined, null, 'territory', 'route_owner_unavailable'],
    ['keeps a lead of an owner whose PTO is over', { currentOwnerId: '104' }, ptoFor('104', '2026-11-01', '2026-11-26'), undefined, '104', 'kept', 'route_kept_owner'],
    ['counts the last PTO day whole', { currentOwnerId: '104', countryCode: 'DE' }, ptoFor('104', '2026-11-20', '2026-11-27'), undefined, null, 'territory', 'route_owner_unavailable'],
    ['moves a lead of an owner HubSpot marks out of office', { currentOwnerId: '106', countryCode: 'DE' }, null, { unavailableOwnerIds: ['106'] }, null, 'territory', 'route_owner_unavailable'],
    ['treats an unknown company owner as a reason, not an assignment', { companyOwnerId: '999', companyKey: 'acme.com', countryCode: 'DE' }, null, undefined, null, 'territory', 'route_territory'],
    ['queues when the pool and the fallback are away', { countryCode: 'US', stateCode: 'WA' }, ptoFor('101'), { unavailableOwnerIds: ['102'] }, null, 'none', 'route_queue'],
    ['queues when there is no fallback', { countryCode: 'JP' }, (c) => { c.routing.fallbackOwnerId = null; }, { unavailableOwnerIds: ['107', '108'] }, null, 'none', 'route_queue'],
    ['keeps the current owner when nobody else can take it', { currentOwnerId: '107', countryCode: 'JP' }, (c) => { c.routing.fallbackOwnerId = null; }, { unavailableOwnerIds: ['107', '108'] }, '107', 'kept', 'route_queue_kept'],
    ['uses an available fallback', { countryCode: 'US', stateCode: 'WA' }, null, { unavailableOwnerIds: ['102'] }, '101', 'fallback', 'route_fallback'],
    ['skips a fallback at capacity', { countryCode: 'US', stateCode: 'WA' }, (c) => { c.routing.owners[0]!.capacity = 5; }, { unavailableOwnerIds: ['102'], ownerLoad: { '101': 5 } }, null, 'none', 'route_queue'],
  ])('%s', (_name, over, patch, ctx, owner, method, code) => {
    const cfg = patch ? testConfig(patch) : config;
    const r = route({ ...base, ...over }, cfg, ctx);
    if (owner !== null) expect(r.value.ownerId).toBe(owner);
    expect(r.value.method).toBe(method);
    expect(r.reasons.map((x) => x.code)).toContain(code);
    if (method === 'territory') expect(r.value.ownerId).not.toBe(over.currentOwnerId ?? '');
  });

  it.each<[string, Partial<RouteInputs>, string, string[]]>([
    ['the contact country', { countryCode: 'JP', companyCountryCode: 'DE' }, 'apac', []],
    ['the company country', { companyCountryCode: 'DE', phoneE164: '+819012345678' }, 'emea', ['territory_company_country']],
    ['the phone calling code', { phoneE164: '+4930123456', emailDomain: 'firma.jp' }, 'emea', ['territory_phone_country']],
    ['the email ccTLD', { emailDomain: 'firma.jp' }, 'apac', ['territory_email_tld']],
    ['the UK ccTLD as GB', { emailDomain: 'shop.co.uk' }, 'emea', ['territory_email_tld']],
    ['no vanity ccTLD (.io)', { emailDomain: 'startup.io' }, 'global', []],
    ['nothing: the default pool', {}, 'global', []],
  ])('territory from %s', (_name, over, pool, codes) => {
    const r = route({ ...base, ...over }, config, undefined);
    expect(r.value.pool).toBe(pool);
    expect(r.reasons.map((x) => x.code).filter((c) => c.startsWith('territory_'))).toEqual(codes);
  });

  it('names the source in the reason', () => {
    expect(route({ ...base, phoneE164: '+4930123456' }, config, undefined).reasons[0]).toMatchInlineSnapshot(`
      {
        "code": "territory_phone_country",
        "message": "No country on the contact or company, so the phone's +49 (DE) decides the territory.",
      }
    `);
  });

  it.each([['California'], ['california'], ['CA'], ['Calif']])('matches a territory state given as %s', (state) => {
    const cfg = testConfig((c) => { c.routing.territories[0]!.states = [state, 'Washington']; });
    expect(cfg.routing.territories[0]!.states).toEqual(['CA', 'WA']);
    expect(route({ ...base, countryCode: 'US', stateCode: 'CA' }, cfg, undefined).value.pool).toBe('us_west');
    expect(route({ ...base, countryCode: 'US', stateCode: 'NY' }, cfg, undefined).value.pool).toBe('north_america');
  });

  it.each([['acme.de', 'acme.com'], ['acme.co.uk', 'acme.com'], ['acme.com', 'acme.com'], ['other.de', 'other.de']])('reads the account of %s as %s', (key, account) => {
    expect(accountKeyOf(key, config)).toBe(account);
  });

  it('sends an aliased subsidiary to the account owner and to the same hashed rep', () => {
    expect(route({ ...base, companyKey: 'acme.de' }, config, { accountOwners: { 'acme.com': '105' } }).value).toMatchObject({ ownerId: '105', method: 'account_match' });
    const parent = route({ ...base, contactId: 'a', companyKey: 'acme.com', countryCode: 'DE' }, config, undefined).value.ownerId;
    const child = route({ ...base, contactId: 'b', companyKey: 'acme.de', countryCode: 'DE' }, config, undefined).value.ownerId;
    expect(child).toBe(parent);
  });

  it.each<[string, Set<string>, DecisionContext | undefined, string[]]>([
    ['any EMEA rep', new Set(), undefined, ['104', '105', '106']],
    ['not the throttled rep', new Set(['106']), undefined, ['104', '105']],
    ['not the throttled rep nor one away', new Set(['106']), { unavailableOwnerIds: ['105'] }, ['104']],
    ['nobody when all are out', new Set(['104', '105', '106']), undefined, []],
  ])('nextAvailableOwner hands on to %s', (_name, exclude, ctx, allowed) => {
    const got = nextAvailableOwner('emea', 'acme.com', config, ctx, nowMs, exclude);
    if (allowed.length === 0) expect(got).toBeNull();
    else expect(allowed).toContain(got);
  });

  it('balanced mode gives the next lead to the rep furthest behind their weighted share', () => {
    const members = [{ ownerId: '104', weight: 1 }, { ownerId: '105', weight: 1 }, { ownerId: '106', weight: 2 }];
    const pick = (load: Record<string, number>) => pickBalanced('k', members, new Set(), config, { ownerLoad: load });
    expect(pick({ '104': 1, '105': 1, '106': 1 })).toBe('106');
    expect(pick({ '104': 1, '105': 0, '106': 2 })).toBe('105');
    expect(pick({ '104': 3, '105': 3, '106': 6 })).toBe('106');
  });
});

describe('team validation', () => {
  const problems = (patch: (t: ReturnType<typeof rawDefaultTeam>) => void): string[] => {
    const t = rawDefaultTeam();
    patch(t);
    const r = TeamSchema.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it.each<[string, (t: ReturnType<typeof rawDefaultTeam>) => void, string]>([
    ['a duplicate rep in a pool', (t) => { t.pools[0]!.members.push({ ownerId: '101', weight: 1 }); }, 'pools.0.members.3.ownerId: owner "101" is in pool north_america twice'],
    ['a pool whose reps are all away with no fallback', (t) => { t.fallbackOwnerId = null; t.owners.find((o) => o.id === '102')!.available = false; }, 'pools.1: every rep of pool us_west is unavailable and there is no fallback owner'],
    ['a state that is neither code nor name', (t) => { t.territories[0]!.states = ['Calfornia']; }, 'territories.0.states.0: "Calfornia" is neither a state code nor a known state name of US'],
    ['an unavailable fallback', (t) => { t.fallbackOwnerId = '103'; }, 'fallbackOwnerId: the fallback owner Chloe Nguyen is marked unavailable; pick an available one'],
    ['an unknown fallback', (t) => { t.fallbackOwnerId = '1'; }, 'fallbackOwnerId: unknown owner "1"'],
    ['an unknown pool owner', (t) => { t.pools[0]!.members[0]!.ownerId = '999'; }, 'pools.0.members.0.ownerId: unknown owner "999"'],
    ['an unknown territory pool', (t) => { t.territories[1]!.pool = 'mars'; }, 'territories.1.pool: unknown pool "mars"'],
    ['a lower-case country', (t) => { t.territories[2]!.countries[0] = 'de'; }, 'territories.2.countries.0: ISO 3166-1 alpha-2, upper case'],
    ['an alias of an alias', (t) => { t.accountAliases = { 'a.de': 'a.com', 'a.com': 'b.com' }; }, 'accountAliases.a.de: a.com is itself an alias; point a.de at the final account'],
    ['a PTO date that is no date', (t) => { t.owners[0]!.pto = [{ from: 'next week', to: '2026-12-01' }]; }, 'owners.0.pto.0.from: an ISO date (2026-12-24) or date-time'],
    ['a non-numeric owner id', (t) => { t.owners[0]!.id = 'ana'; }, 'owners.0.id: owner ids are HubSpot owner ids (digits)'],
  ])('rejects %s', (_name, patch, expected) => {
    expect(problems(patch)).toContain(expected);
  });

  it('accepts the shipped team', () => {
    expect(problems(() => {})).toEqual([]);
  });
});

// ---- properties ---------------------------------------------------------------------------

const DOMAINS = Array.from({ length: 60 }, (_, i) => `firm${i}.com`);
const COUNTRIES = ['US', 'Germany', 'France', 'Japan', 'Brazil', ''];
const contactArb = fc.record({
  id: fc.nat({ max: 1_000_000 }).map(String),
  local: fc.constantFrom('ana', 'bo', 'cy', 'dee', 'ed'),
  domain: fc.constantFrom(...DOMAINS),
  country: fc.constantFrom(...COUNTRIES),
  state: fc.constantFrom('', 'CA', 'NY'),
  owner: fc.constantFrom('', '', '', '104', '107'),
  worked: fc.boolean(),
});
type Contact = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;
const toInput = (c: Contact): DecisionInput => ({
  id: c.id,
  properties: {
    email: `${c.local}@${c.domain}`, country: c.country, state: c.state, hubspot_owner_id: c.owner, jobtitle: 'Engineer',
    notes_last_contacted: c.worked ? '2026-11-01T00:00:00Z' : '',
  },
  company: { properties: { domain: c.domain } },
});

describe('routing properties', () => {
  it('a PTO edit in the team moves only that rep\'s contacts and leaves every other decision key untouched', () => {
    fc.assert(fc.property(fc.array(contactArb, { minLength: 1, maxLength: 60 }), fc.constantFrom('101', '102', '104', '105', '106', '107', '108'), (contacts, rep) => {
      const away = testConfig(ptoFor(rep));
      expect(away.scoringVersion).toBe(config.scoringVersion);
      for (const c of contacts) {
        const before = decide(toInput(c), config, NOW);
        const after = decide(toInput(c), away, NOW);
        if (before.route.value.ownerId !== rep) {
          expect(after.decisionKey).toBe(before.decisionKey);
          expect(after.route.value.ownerId).toBe(before.route.value.ownerId);
        } else if (after.route.value.ownerId !== rep) {
          expect(after.decisionKey).not.toBe(before.decisionKey);
        }
      }
    }), { numRuns: 40 });
  });

  it('gives all contacts of one company key one owner', () => {
    fc.assert(fc.property(fc.constantFrom(...DOMAINS), fc.constantFrom('Germany', 'Japan', 'Brazil', ''), fc.uniqueArray(fc.nat({ max: 1_000_000 }), { minLength: 2, maxLength: 40 }), (domain, country, ids) => {
      const owners = new Set(ids.map((id) => decide({ id: String(id), properties: { email: `p${id}@${domain}`, jobtitle: 'CTO' }, company: { properties: { domain, country } } }, config, NOW).route.value.ownerId));
      expect(owners.size).toBe(1);
    }), { numRuns: 60 });
  });

  it('keeps each rep within ±3% of the weights over 10,000 accounts', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }), (salt) => {
      const counts: Record<string, number> = {};
      for (let i = 0; i < 10_000; i++) {
        const o = route({ ...base, contactId: `c${i}`, companyKey: `${salt}-${i}.com`, countryCode: 'DE' }, config, undefined).value.ownerId!;
        counts[o] = (counts[o] ?? 0) + 1;
      }
      expect(Math.abs(counts['104']! / 10_000 - 0.25)).toBeLessThan(0.03);
      expect(Math.abs(counts['105']! / 10_000 - 0.25)).toBeLessThan(0.03);
      expect(Math.abs(counts['106']! / 10_000 - 0.5)).toBeLessThan(0.03);
    }), { numRuns: 5 });
  });
});
