// route: account owner first, then territory → pool, then a weighted,
// deterministic pick inside the pool (rendezvous hashing), then a fallback.
import type { Config } from './config.ts';
import { hashUnitPair } from './hash.ts';
import { SentenceMemo } from './sentences.ts';
import type { DecisionContext, Reason, RouteResult, Stage } from './types.ts';

export interface RouteInputs {
  contactId: string;
  currentOwnerId: string | null;
  companyKey: string | null;
  companyOwnerId: string | null;
  countryCode: string | null;
  stateCode: string | null;
}

type Routing = Config['routing'];
type Member = Routing['pools'][number]['members'][number];

export function route(input: RouteInputs, config: Config, context: DecisionContext | undefined): Stage<RouteResult> {
  const routing = config.routing;
  const reasons: Reason[] = [];
  if (input.currentOwnerId !== null && !routing.reassignExisting) {
    return done(input, reasons, input.currentOwnerId, 'kept', { code: 'route_kept_owner', message: KEPT_SENTENCES.get(routing, input.currentOwnerId) });
  }
  const unavailable = unavailableSet(config, context);
  const accountOwner = input.companyOwnerId ?? (input.companyKey !== null ? ownKey(context?.accountOwners, input.companyKey) : null);
  if (accountOwner !== null) {
    if (!unavailable.has(accountOwner)) {
      return done(input, reasons, accountOwner, 'account_match', { code: 'route_account_owner', message: `Goes to ${ownerName(accountOwner, config)}, who owns the account ${input.companyKey ?? 'of this company'}.` });
    }
    reasons.push({ code: 'route_account_owner_unavailable', message: `The account owner ${ownerName(accountOwner, config)} is unavailable, so territory rules decide.` });
  }
  const territory = routing.territories.find((t) => t.countries.includes(input.countryCode ?? '') && stateMatches(t.states, input.stateCode));
  const poolId = territory?.pool ?? routing.defaultPool;
  const where = territory ? `territory ${territory.name}` : `the default pool (${input.countryCode === null ? 'no country' : `no territory covers ${input.countryCode}`})`;
  const members = routing.pools.find((p) => p.id === poolId)?.members ?? [];
  const owner = pickOwner(input.contactId, members, unavailable, config, context);
  if (owner !== null) {
    return done(input, reasons, owner, 'territory', { code: territory ? 'route_territory' : 'route_default_pool', message: `Assigned to ${ownerName(owner, config)} by ${where}, weighted among the available reps.` }, poolId);
  }
  return done(input, reasons, routing.fallbackOwnerId, 'fallback', { code: 'route_fallback', message: `Nobody in ${where} is available or under capacity, so ${ownerName(routing.fallbackOwnerId, config)} (fallback) takes it.` }, poolId);
}

// Owned contacts are the common case, and their sentence depends only on the owner.
const KEPT_SENTENCES = new SentenceMemo((routing: Routing, ownerId: string) => `Stays with ${nameIn(routing, ownerId)}, who already owns this contact.`);

function done(input: RouteInputs, reasons: Reason[], ownerId: string, method: RouteResult['method'], reason: Reason, pool?: string): Stage<RouteResult> {
  reasons.push(reason);
  const value: RouteResult = { ownerId, method, changed: ownerId !== input.currentOwnerId };
  if (pool !== undefined) value.pool = pool;
  return { value, reasons };
}

/**
 * Weighted rendezvous hashing: each owner gets −weight / ln(u) with u a hash of
 * (contact, owner); the highest wins. Shares follow the weights, the same
 * contact always lands on the same owner, and removing one owner only moves
 * that owner's contacts.
 */
export function pickOwner(contactId: string, members: readonly Member[], unavailable: ReadonlySet<string>, config: Config, context?: DecisionContext): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const m of members) {
    if (unavailable.has(m.ownerId) || atCapacity(m.ownerId, config, context)) continue;
    const s = -m.weight / Math.log(hashUnitPair(contactId, m.ownerId));
    if (s > bestScore) {
      bestScore = s;
      best = m.ownerId;
    }
  }
  return best;
}

/**
 * The rep of `poolId` this contact would go to if the reps `skip` says no to
 * (e.g. over their task throttle) were away too: the same weighted pick as
 * routing, so it is stable run to run. Null when nobody is left.
 */
export function nextAvailableOwner(contactId: string, poolId: string, skip: (ownerId: string) => boolean, config: Config, context?: DecisionContext): string | null {
  const members = config.routing.pools.find((p) => p.id === poolId)?.members ?? [];
  const unavailable = new Set(unavailableSet(config, context));
  for (const m of members) if (skip(m.ownerId)) unavailable.add(m.ownerId);
  return pickOwner(contactId, members, unavailable, config, context);
}

const configUnavailable = new WeakMap<object, Set<string>>();

export function unavailableSet(config: Config, context: DecisionContext | undefined): ReadonlySet<string> {
  let base = configUnavailable.get(config.routing);
  if (!base) {
    base = new Set(config.routing.owners.filter((o) => !o.available).map((o) => o.id));
    configUnavailable.set(config.routing, base);
  }
  const extra = Array.isArray(context?.unavailableOwnerIds) ? context.unavailableOwnerIds : [];
  if (extra.length === 0) return base;
  return new Set([...base, ...extra.map(String)]);
}

type Owner = Routing['owners'][number];
const ownerTables = new WeakMap<object, Map<string, Owner>>();

function ownerById(id: string, routing: Routing): Owner | undefined {
  let table = ownerTables.get(routing);
  if (!table) {
    table = new Map(routing.owners.map((o) => [o.id, o]));
    ownerTables.set(routing, table);
  }
  return table.get(id);
}

function atCapacity(ownerId: string, config: Config, context: DecisionContext | undefined): boolean {
  if (context?.ownerLoad === undefined) return false;
  const owner = ownerById(ownerId, config.routing);
  if (!owner || owner.capacity === null) return false;
  const load = context?.ownerLoad?.[ownerId];
  return typeof load === 'number' && load >= owner.capacity;
}

function stateMatches(states: readonly string[] | undefined, state: string | null): boolean {
  if (!states || states.length === 0) return true;
  if (state === null) return false;
  const s = state.toUpperCase();
  return states.some((x) => x.toUpperCase() === s);
}

function ownKey(map: Record<string, string> | undefined, key: string): string | null {
  if (!map || !Object.prototype.hasOwnProperty.call(map, key)) return null;
  const v = map[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

export function ownerName(id: string, config: Config): string {
  return nameIn(config.routing, id);
}

function nameIn(routing: Routing, id: string): string {
  const o = ownerById(id, routing);
  return o ? o.name : `owner ${id.slice(0, 20)}`;
}
