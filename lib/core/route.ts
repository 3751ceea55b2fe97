// route: current owner (unless away and the lead is unworked), then the account owner, then
// territory (country from contact → company → phone → email ccTLD) → pool, then a weighted
// pick inside the pool keyed by the ACCOUNT (one account, one rep), then an available fallback,
// else the queue. How and why: docs/routing.md.
import type { Config, Routing } from './config.ts';
import { hashUnitPair } from './hash.ts';
import { SentenceMemo } from './sentences.ts';
import { inferCountry } from './territory-country.ts';
import type { DecisionContext, Reason, RouteResult, Stage } from './types.ts';

export interface RouteInputs {
  contactId: string;
  currentOwnerId: string | null;
  companyKey: string | null;
  companyOwnerId: string | null;
  countryCode: string | null;
  stateCode: string | null;
  /** Territory fall-backs, in this order after the contact's own country. */
  companyCountryCode?: string | null;
  phoneE164?: string | null;
  emailDomain?: string | null;
  /** Someone has already worked this lead (sales activity, last contacted). */
  worked?: boolean;
  /** Decision time, for PTO windows; no PTO window applies without it. */
  nowMs?: number;
}

type Member = Routing['pools'][number]['members'][number];

export function route(input: RouteInputs, config: Config, context: DecisionContext | undefined): Stage<RouteResult> {
  const reasons: Reason[] = [];
  const unavailable = unavailableSet(config, context, input.nowMs);
  const kept = keepCurrentOwner(input, config, unavailable, reasons);
  if (kept) return kept;
  const accountKey = accountKeyOf(input.companyKey, config);
  const account = matchAccount(input, accountKey, config, context, unavailable, reasons);
  if (account) return account;
  return routeByTerritory(input, accountKey, config, context, unavailable, reasons);
}

/** The current owner keeps the contact unless re-routing is on, or they are away and the lead may move. */
function keepCurrentOwner(input: RouteInputs, config: Config, unavailable: ReadonlySet<string>, reasons: Reason[]): Stage<RouteResult> | null {
  const routing = config.routing;
  const current = input.currentOwnerId;
  if (current === null || routing.reassignExisting) return null;
  if (!unavailable.has(current)) {
    return done(input, reasons, current, 'kept', { code: 'route_kept_owner', message: KEPT_SENTENCES.get(routing, current) });
  }
  const move = input.worked === true ? routing.unavailableOwners.moveWorked : routing.unavailableOwners.moveUnworked;
  if (!move) {
    const why = input.worked === true ? 'has already worked this lead' : 'owns it and unworked leads are set to stay';
    return done(input, reasons, current, 'kept', { code: 'route_kept_owner_unavailable', message: `Stays with ${ownerName(current, config)}, who is away but ${why}.` });
  }
  reasons.push({ code: 'route_owner_unavailable', message: `${ownerName(current, config)} is away and nobody has worked this lead yet, so it is routed again.` });
  return null;
}

/** Lead-to-account: the company's owner, else the account's known owner, if a rep of the team who is in. */
function matchAccount(input: RouteInputs, accountKey: string | null, config: Config, context: DecisionContext | undefined, unavailable: ReadonlySet<string>, reasons: Reason[]): Stage<RouteResult> | null {
  const accountOwner = input.companyOwnerId ?? (accountKey !== null ? ownKey(context?.accountOwners, accountKey) : null);
  if (accountOwner === null) return null;
  if (!isKnownOwner(accountOwner, config.routing)) {
    reasons.push({ code: 'route_account_owner_unknown', message: `The account's owner id ${accountOwner.slice(0, 20)} is not a rep in the team file, so territory rules decide.` });
    return null;
  }
  if (unavailable.has(accountOwner)) {
    reasons.push({ code: 'route_account_owner_unavailable', message: `The account owner ${ownerName(accountOwner, config)} is unavailable, so territory rules decide.` });
    return null;
  }
  return done(input, reasons, accountOwner, 'account_match', { code: 'route_account_owner', message: `Goes to ${ownerName(accountOwner, config)}, who owns the account ${accountKey ?? 'of this company'}.` });
}

/** Territory → pool → a rep keyed by the account; else an available fallback; else the queue. */
function routeByTerritory(input: RouteInputs, accountKey: string | null, config: Config, context: DecisionContext | undefined, unavailable: ReadonlySet<string>, reasons: Reason[]): Stage<RouteResult> {
  const routing = config.routing;
  const country = inferCountry(input);
  if (country.reason) reasons.push(country.reason);
  const state = country.source === 'contact' ? input.stateCode : null;
  const territory = routing.territories.find((t) => t.countries.includes(country.code ?? '') && stateMatches(t.states, state));
  const poolId = territory?.pool ?? routing.defaultPool;
  const owner = nextAvailableOwner(poolId, accountKey ?? input.contactId, config, context, input.nowMs);
  if (owner !== null) {
    const assigned = ASSIGNED_SENTENCES.get(routing, territory, country.code, owner);
    const message = routing.mode === 'balanced' || accountKey === null ? assigned.plain : `${assigned.keyed}${accountKey}.`;
    return done(input, reasons, owner, 'territory', { code: territory ? 'route_territory' : 'route_default_pool', message }, poolId);
  }
  const where = whereOf(territory, country.code);
  const fallback = routing.fallbackOwnerId;
  if (fallback !== null && !unavailable.has(fallback) && !atCapacity(fallback, config, context)) {
    return done(input, reasons, fallback, 'fallback', { code: 'route_fallback', message: `Nobody in ${where} is available or under capacity, so ${ownerName(fallback, config)} (fallback) takes it.` }, poolId);
  }
  const noFallback = fallback === null ? 'there is no fallback owner' : `the fallback ${ownerName(fallback, config)} is unavailable or at capacity`;
  const current = input.currentOwnerId;
  if (current !== null) {
    return done(input, reasons, current, 'kept', { code: 'route_queue_kept', message: `Nobody in ${where} can take it and ${noFallback}, so it stays with ${ownerName(current, config)} for now.` }, poolId);
  }
  return done(input, reasons, null, 'none', { code: 'route_queue', message: `Nobody in ${where} can take it and ${noFallback}, so it waits unassigned in the queue.` }, poolId);
}

// "Assigned to Ana by territory EMEA, weighted among the available reps.": per territory (or
// country, for the default pool) and owner, built once; only an account key is added per contact.
const ASSIGNED_SENTENCES = {
  tables: new WeakMap<Routing, Map<unknown, Map<string, { plain: string; keyed: string }>>>(),
  get(routing: Routing, territory: Territory | undefined, countryCode: string | null, owner: string): { plain: string; keyed: string } {
    const where = territory ?? countryCode ?? '';
    let byWhere = this.tables.get(routing);
    if (!byWhere) this.tables.set(routing, (byWhere = new Map()));
    let byOwner = byWhere.get(where);
    if (!byOwner) {
      if (byWhere.size >= 1_000) byWhere.clear();
      byWhere.set(where, (byOwner = new Map()));
    }
    let sentence = byOwner.get(owner);
    if (!sentence) {
      const start = `Assigned to ${nameIn(routing, owner)} by ${whereOf(territory, countryCode)}, `;
      sentence = routing.mode === 'balanced'
        ? { plain: `${start}the rep furthest behind on today's share.`, keyed: `${start}the rep furthest behind on today's share.` }
        : { plain: `${start}weighted among the available reps.`, keyed: `${start}weighted among the available reps, keyed by the account ` };
      byOwner.set(owner, sentence);
    }
    return sentence;
  },
};

type Territory = Routing['territories'][number];

function whereOf(territory: Territory | undefined, countryCode: string | null): string {
  return territory ? `territory ${territory.name}` : `the default pool (${countryCode === null ? 'no country' : `no territory covers ${countryCode}`})`;
}

// Owned contacts are the common case, and their sentence depends only on the owner.
const KEPT_SENTENCES = new SentenceMemo((routing: Routing, ownerId: string) => `Stays with ${nameIn(routing, ownerId)}, who already owns this contact.`);

function done(input: RouteInputs, reasons: Reason[], ownerId: string | null, method: RouteResult['method'], reason: Reason, pool?: string): Stage<RouteResult> {
  reasons.push(reason);
  const value: RouteResult = { ownerId, method, changed: ownerId !== null && ownerId !== input.currentOwnerId };
  if (pool !== undefined) value.pool = pool;
  return { value, reasons };
}

/**
 * The next available rep of a pool for a key (an account key, else a contact id), honouring
 * availability, PTO and capacity, in the team's mode. Also what notify calls to hand a task on
 * when the owner is over the throttle: pass `exclude` with that owner.
 */
export function nextAvailableOwner(poolId: string, key: string, config: Config, context?: DecisionContext, nowMs?: number, exclude?: ReadonlySet<string>): string | null {
  const members = poolById(poolId, config.routing)?.members ?? [];
  const unavailable = unavailableSet(config, context, nowMs);
  const skip = exclude && exclude.size > 0 ? new Set([...unavailable, ...exclude]) : unavailable;
  return config.routing.mode === 'balanced'
    ? pickBalanced(key, members, skip, config, context)
    : pickOwner(key, members, skip, config, context);
}

/**
 * Weighted rendezvous hashing: each owner gets −weight / ln(u) with u a hash of
 * (key, owner); the highest wins. Shares follow the weights, the same key
 * always lands on the same owner, and removing one owner only moves that
 * owner's keys.
 */
export function pickOwner(key: string, members: readonly Member[], unavailable: ReadonlySet<string>, config: Config, context?: DecisionContext): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const m of members) {
    if (unavailable.has(m.ownerId) || atCapacity(m.ownerId, config, context)) continue;
    const s = -m.weight / Math.log(hashUnitPair(key, m.ownerId));
    if (s > bestScore) {
      bestScore = s;
      best = m.ownerId;
    }
  }
  return best;
}

/**
 * Deficit round robin over the period's owner load: the rep whose (load + 1) / weight is
 * lowest is the furthest behind their share, so they get the next lead (ties by hash, so
 * the order is stable). Over any run of leads each rep stays within about one lead of
 * their weighted share, where hashing drifts by several on a 20-lead day.
 */
export function pickBalanced(key: string, members: readonly Member[], unavailable: ReadonlySet<string>, config: Config, context?: DecisionContext): string | null {
  let best: string | null = null;
  let bestNeed = Infinity;
  let bestTie = -1;
  for (const m of members) {
    if (unavailable.has(m.ownerId) || atCapacity(m.ownerId, config, context)) continue;
    const load = context?.ownerLoad?.[m.ownerId];
    const need = ((typeof load === 'number' && load > 0 ? load : 0) + 1) / m.weight;
    const tie = hashUnitPair(key, m.ownerId);
    if (need < bestNeed - 1e-12 || (Math.abs(need - bestNeed) <= 1e-12 && tie > bestTie)) {
      bestNeed = need;
      bestTie = tie;
      best = m.ownerId;
    }
  }
  return best;
}

/** The account a company key belongs to: `acme.de` → `acme.com` through the team's aliases. */
export function accountKeyOf(companyKey: string | null, config: Config): string | null {
  if (companyKey === null) return null;
  return ownKey(config.routing.accountAliases, companyKey) ?? companyKey;
}

const configUnavailable = new WeakMap<object, Set<string>>();

/** Owners marked unavailable, away in a PTO window at `nowMs`, or named unavailable by the context (HubSpot). */
export function unavailableSet(config: Config, context: DecisionContext | undefined, nowMs?: number): ReadonlySet<string> {
  let base = configUnavailable.get(config.routing);
  if (!base) {
    base = new Set(config.routing.owners.filter((o) => !o.available).map((o) => o.id));
    configUnavailable.set(config.routing, base);
  }
  const away = nowMs === undefined ? [] : onPto(config.routing, nowMs);
  const extra = Array.isArray(context?.unavailableOwnerIds) ? context.unavailableOwnerIds.map(String) : [];
  if (extra.length === 0 && away.length === 0) return base;
  return new Set([...base, ...away, ...extra]);
}

const DAY_MS = 86_400_000;
const ptoWindows = new WeakMap<object, { id: string; from: number; to: number }[]>();

function onPto(routing: Routing, nowMs: number): string[] {
  let windows = ptoWindows.get(routing);
  if (!windows) {
    windows = routing.owners.flatMap((o) => o.pto.map((w) => ({ id: o.id, from: Date.parse(w.from), to: endOf(w.to) })));
    ptoWindows.set(routing, windows);
  }
  const out: string[] = [];
  for (const w of windows) if (nowMs >= w.from && nowMs <= w.to) out.push(w.id);
  return out;
}

/** A bare date as the last day means the whole day. */
function endOf(to: string): number {
  const ms = Date.parse(to);
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? ms + DAY_MS - 1 : ms;
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

export function isKnownOwner(id: string, routing: Routing): boolean {
  return ownerById(id, routing) !== undefined;
}

function poolById(id: string, routing: Routing): Routing['pools'][number] | undefined {
  return routing.pools.find((p) => p.id === id);
}

/** Owner ids of a pool (what the gateway's owner-load read counts, one call per pool). */
export function poolOwnerIds(poolId: string, config: Config): string[] {
  return (poolById(poolId, config.routing)?.members ?? []).map((m) => m.ownerId);
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
