// Routing's HubSpot reads (owner load per pool, out-of-office from the users object) and the
// optional Lead write. Shared by the CRM gateway and the re-score gateway.
import type { LeadSpec, OwnerAvailability, RoutingGateway } from '../../ports.ts';
import type { HubSpotContext } from './context.ts';

type ContactSearch = Parameters<HubSpotContext['client']['crm']['contacts']['searchApi']['doSearch']>[0];
type ObjectCreate = Parameters<HubSpotContext['client']['crm']['objects']['basicApi']['create']>[1];

/** Search pages are 200 at most; a load beyond 10 pages is far past any capacity cap. */
const PAGE = 200;
export const MAX_PAGES = 10;

/**
 * Candidate availability properties of the users object, in order of preference. Neither name is
 * confirmed in a real portal (docs/routing.md): the reader uses whichever the portal lists.
 */
export const AVAILABILITY_PROPERTIES = ['hs_out_of_office', 'hs_availability_status'] as const;
/** Values of the availability property that mean away. */
export const AWAY_VALUES = new Set(['true', 'away', 'unavailable', 'out_of_office', 'ooo']);

/** HubSpot-defined lead → contact association (primary contact). */
export const LEAD_TO_CONTACT = 578;

export function createRoutingReads(ctx: HubSpotContext): RoutingGateway {
  let availabilityProperty: Promise<string | null> | null = null;
  const discover = (): Promise<string | null> => {
    // One look at the portal's user properties per gateway: the answer does not change between re-scores.
    availabilityProperty ??= ctx.call('list user properties', () => ctx.client.crm.properties.coreApi.getAll('users'))
      .then((res) => AVAILABILITY_PROPERTIES.find((name) => res.results.some((p) => p.name === name)) ?? null)
      .catch((error: unknown) => { availabilityProperty = null; throw error; });
    return availabilityProperty;
  };
  return {
    async countOwnerLoad(ownerIds, sinceIso) {
      const counts: Record<string, number> = Object.fromEntries(ownerIds.map((id) => [id, 0]));
      if (ownerIds.length === 0) return counts;
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const request = ownerLoadSearch(ownerIds, sinceIso, after) as unknown as ContactSearch;
        const res = await ctx.call(`count owner load of ${ownerIds.length} owners`, () => ctx.client.crm.contacts.searchApi.doSearch(request));
        addOwnerLoad(counts, res.results);
        after = res.paging?.next?.after;
        if (!after) break;
      }
      return counts;
    },

    async readOwnerAvailability(): Promise<OwnerAvailability> {
      const property = await discover();
      if (property === null) return { property: null, unavailableOwnerIds: [] };
      const [users, owners] = await Promise.all([
        listAll((after) => ctx.call('list users', () => ctx.client.crm.objects.basicApi.getPage('users', 100, after, ['hs_email', 'hs_internal_user_id', property]))),
        listAll((after) => ctx.call('list owners', () => ctx.client.crm.owners.ownersApi.getPage(undefined, after, 100, false))),
      ]);
      return { property, unavailableOwnerIds: awayOwnerIds(users, owners, property) };
    },

    async ensureLead(spec: LeadSpec) {
      const links = await ctx.call(`read leads of contact ${spec.contactId}`, () =>
        ctx.client.crm.associations.v4.basicApi.getPage('contacts', spec.contactId, 'leads', undefined, 500));
      const existing = oldestLeadId(links.results);
      if (existing) {
        await ctx.call(`update lead ${existing}`, () => ctx.client.crm.objects.basicApi.update('leads', existing, { properties: leadProperties(spec) }));
        return { id: existing, created: false };
      }
      const input = leadCreateInput(spec) as unknown as ObjectCreate;
      const created = await ctx.call(`create lead for contact ${spec.contactId}`, () => ctx.client.crm.objects.basicApi.create('leads', input));
      return { id: String(created.id), created: true };
    },
  };
}

// What both transports share: this adapter (api-client) and the custom code action's fetch
// version (lib/custom-code/fetch-routing.ts) send the same requests and read the answers alike.

/** The contact search that counts owner load: contacts of these owners assigned since `sinceIso`. */
export function ownerLoadSearch(ownerIds: readonly string[], sinceIso: string, after: string | undefined) {
  return {
    filterGroups: [{ filters: [
      { propertyName: 'hubspot_owner_id', operator: 'IN', values: [...ownerIds] },
      { propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(Date.parse(sinceIso)) },
    ] }],
    properties: ['hubspot_owner_id'],
    limit: PAGE,
    ...(after ? { after } : {}),
  };
}

/** Adds a search page's contacts to the counts of the owners asked about. */
export function addOwnerLoad(counts: Record<string, number>, results: readonly { properties?: Record<string, string | null | undefined> | undefined }[]): void {
  for (const c of results) {
    const owner = c.properties?.['hubspot_owner_id'];
    if (owner && owner in counts) counts[owner]! += 1;
  }
}

interface UserRow { properties?: Record<string, string | null | undefined> | undefined }
interface OwnerRow { id: string | number; email?: string | null | undefined; userId?: string | number | null | undefined }

/** The owner ids of users marked away in `property`, matched by user id, else by email; sorted, once each. */
export function awayOwnerIds(users: readonly UserRow[], owners: readonly OwnerRow[], property: string): string[] {
  const ownerByEmail = new Map(owners.map((o) => [(o.email ?? '').toLowerCase(), String(o.id)]));
  const ownerByUser = new Map(owners.map((o) => [String(o.userId ?? ''), String(o.id)]));
  const away: string[] = [];
  for (const u of users) {
    const p = u.properties ?? {};
    if (!AWAY_VALUES.has(String(p[property] ?? '').toLowerCase())) continue;
    const owner = ownerByUser.get(p['hs_internal_user_id'] ?? '') ?? ownerByEmail.get((p['hs_email'] ?? '').toLowerCase());
    if (owner) away.push(owner);
  }
  return [...new Set(away)].sort();
}

/** The contact's oldest lead (lowest id), if it has any. */
export function oldestLeadId(links: readonly { toObjectId: string | number }[]): string | undefined {
  return links.map((r) => String(r.toObjectId)).sort((a, b) => Number(a) - Number(b))[0];
}

export function leadProperties(spec: LeadSpec): Record<string, string> {
  return { hs_lead_name: spec.name, hubspot_owner_id: spec.ownerId };
}

/** A new lead in the spec's pipeline stage, associated with its contact as primary. */
export function leadCreateInput(spec: LeadSpec) {
  return {
    properties: { ...leadProperties(spec), hs_pipeline: spec.pipeline, hs_pipeline_stage: spec.stage },
    associations: [{ to: { id: spec.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: LEAD_TO_CONTACT }] }],
  };
}

/** Every page of a list, following `paging.next.after`. */
export async function listAll<T>(read: (after: string | undefined) => Promise<{ results: T[]; paging?: { next?: { after?: string | undefined } | undefined } | undefined }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const res = await read(after);
    out.push(...res.results);
    after = res.paging?.next?.after;
  } while (after);
  return out;
}
