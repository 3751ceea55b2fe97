// The team schema for config/team.json: owners, pools, weights, availability (PTO windows),
// capacities, territories, the fallback, account aliases and the optional Leads switch.
// Kept apart from the rules so a PTO edit never changes scoring_version (see docs/routing.md).
import { z } from 'zod';
import { TIERS } from './contract.ts';
import { normalizeState } from './normalize/state.ts';

const Id = z.string().min(1).max(64);
const OwnerId = z.string().regex(/^\d+$/, 'owner ids are HubSpot owner ids (digits)');
const Domain = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case domain like acme.com');
const IsoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(s) && Number.isFinite(Date.parse(s)), 'an ISO date (2026-12-24) or date-time');

const PtoSchema = z.strictObject({
  from: IsoDate.describe('First day away (inclusive; a date means 00:00 UTC)'),
  to: IsoDate.describe('Last day away (inclusive; a date means the whole day, UTC)'),
  note: z.string().max(200).optional(),
});

const OwnerSchema = z.strictObject({
  id: OwnerId,
  name: z.string().min(1),
  email: z.email(),
  team: z.string().min(1),
  available: z.boolean().describe('false while away for an open-ended time: no new contacts'),
  capacity: z.int().positive().nullable().describe('Max contacts assigned to this owner per capacity period (owner load read from HubSpot); null = no cap'),
  pto: z.array(PtoSchema).default([]).describe('Dated absences: unavailable inside each window'),
});

const TerritorySchema = z.strictObject({
  name: z.string().min(1),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case')).min(1),
  states: z.array(z.string().min(1)).optional().describe('Limit to these states/regions: codes or names (US and Canadian names become codes)'),
  pool: Id,
});

const LeadsSchema = z.strictObject({
  enabled: z.boolean().describe('Create or update a HubSpot Lead (Sales workspace) for routed contacts'),
  tiers: z.array(z.enum(TIERS)).min(1).describe('Tiers that get a Lead'),
  pipeline: z.string().min(1).describe('hs_pipeline of new Leads'),
  stage: z.string().min(1).describe('hs_pipeline_stage of new Leads'),
});

export const DEFAULT_LEADS = { enabled: false, tiers: ['high'], pipeline: 'lead-pipeline-id', stage: 'new-stage-id' } as const;

const TeamObject = z.strictObject({
  $schema: z.string().optional(),
  reassignExisting: z.boolean().describe('Re-route contacts that already have an owner'),
  mode: z.enum(['hashed', 'balanced']).default('hashed')
    .describe('hashed: weighted rendezvous hashing of the account (stable, no state); balanced: deficit round robin over the period\'s owner load'),
  unavailableOwners: z.strictObject({
    moveUnworked: z.boolean().describe('Move contacts of an unavailable owner nobody has worked yet (no sales activity)'),
    moveWorked: z.boolean().describe('Also move contacts the owner has already worked'),
  }).default({ moveUnworked: true, moveWorked: false }),
  availabilitySource: z.enum(['config', 'hubspot']).default('config')
    .describe('hubspot: also read out-of-office from the HubSpot users object (property name unconfirmed, see docs/routing.md)'),
  capacityPeriodHours: z.number().positive().max(24 * 31).default(24).describe('Owner load counts contacts assigned within this many hours'),
  owners: z.array(OwnerSchema).min(1),
  pools: z.array(z.strictObject({
    id: Id,
    members: z.array(z.strictObject({ ownerId: z.string(), weight: z.number().positive().max(1000) })).min(1),
  })).min(1),
  territories: z.array(TerritorySchema),
  defaultPool: Id.describe('Pool for contacts no territory matches'),
  fallbackOwnerId: OwnerId.nullable().describe('Owner when nobody in the pool can take the contact; null = leave unassigned (queue)'),
  accountAliases: z.record(Domain, Domain).default({}).describe('Company key → the account it belongs to (acme.de → acme.com)'),
  leads: LeadsSchema.default({ ...DEFAULT_LEADS, tiers: [...DEFAULT_LEADS.tiers] }),
});

type RawTeam = z.output<typeof TeamObject>;

export const TeamSchema = TeamObject.superRefine(checkTeam).transform(statesToCodes);

function checkTeam(t: RawTeam, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  const owners = new Map(t.owners.map((o) => [o.id, o]));
  const pools = new Set(t.pools.map((p) => p.id));
  if (owners.size !== t.owners.length) issue(['owners'], 'owner ids must be unique');
  const fallback = t.fallbackOwnerId === null ? null : owners.get(t.fallbackOwnerId);
  if (t.fallbackOwnerId !== null && !fallback) issue(['fallbackOwnerId'], `unknown owner "${t.fallbackOwnerId}"`);
  if (fallback && !fallback.available) issue(['fallbackOwnerId'], `the fallback owner ${fallback.name} is marked unavailable; pick an available one`);
  t.pools.forEach((p, i) => {
    const seen = new Set<string>();
    p.members.forEach((m, j) => {
      if (!owners.has(m.ownerId)) issue(['pools', i, 'members', j, 'ownerId'], `unknown owner "${m.ownerId}"`);
      if (seen.has(m.ownerId)) issue(['pools', i, 'members', j, 'ownerId'], `owner "${m.ownerId}" is in pool ${p.id} twice`);
      seen.add(m.ownerId);
    });
    if (t.fallbackOwnerId === null && p.members.every((m) => owners.get(m.ownerId)?.available === false)) {
      issue(['pools', i], `every rep of pool ${p.id} is unavailable and there is no fallback owner`);
    }
  });
  t.territories.forEach((ter, i) => {
    if (!pools.has(ter.pool)) issue(['territories', i, 'pool'], `unknown pool "${ter.pool}"`);
    (ter.states ?? []).forEach((s, j) => {
      if (stateCode(s, ter.countries) === undefined) {
        issue(['territories', i, 'states', j], `"${s}" is neither a state code nor a known state name of ${ter.countries.filter(hasStateTable).join('/')}`);
      }
    });
  });
  if (!pools.has(t.defaultPool)) issue(['defaultPool'], `unknown pool "${t.defaultPool}"`);
  for (const [from, to] of Object.entries(t.accountAliases)) {
    if (Object.prototype.hasOwnProperty.call(t.accountAliases, to)) issue(['accountAliases', from], `${to} is itself an alias; point ${from} at the final account`);
  }
}

const hasStateTable = (country: string): boolean => country === 'US' || country === 'CA';

/** The postal code for a state given as code or name, the text itself outside the US/Canada, undefined when unknown. */
function stateCode(state: string, countries: readonly string[]): string | undefined {
  const tables = countries.filter(hasStateTable);
  if (tables.length === 0) return state.trim();
  for (const country of tables) {
    const r = normalizeState(state, country);
    if (r.value !== null && r.reasons.some((x) => x.code === 'state_recognized')) return r.value;
  }
  return undefined;
}

function statesToCodes(t: RawTeam): RawTeam {
  return {
    ...t,
    territories: t.territories.map((ter) => ter.states === undefined ? ter : { ...ter, states: ter.states.map((s) => stateCode(s, ter.countries) ?? s) }),
  };
}
