// Routing's HubSpot reads (owner load, out-of-office owners) and the optional Lead write over
// plain fetch, for the decide_and_write custom code action: the same calls as the api-client
// version (lib/adapters/hubspot/routing-reads.ts), checked by the same RoutingGateway contract.
import * as z from 'zod/mini';
import type { LeadSpec, OwnerAvailability, RoutingGateway } from '../ports.ts';
import { AVAILABILITY_PROPERTIES, AWAY_VALUES, LEAD_TO_CONTACT } from '../adapters/hubspot/routing-reads.ts';
import type { HubSpotCall } from './fetch-gateway.ts';

/** Search pages are 200 at most; a load beyond 10 pages is far past any capacity cap. */
const PAGE = 200;
const MAX_PAGES = 10;

const Paging = z.optional(z.object({ next: z.optional(z.object({ after: z.optional(z.string()) })) }));
const Props = z.record(z.string(), z.nullable(z.optional(z.string())));
const Page = z.object({ results: z.array(z.object({ id: z.string(), properties: z.optional(Props) })), paging: Paging });
const PropertyList = z.object({ results: z.array(z.object({ name: z.string() })) });
const OwnerPage = z.object({ results: z.array(z.object({ id: z.union([z.string(), z.number()]), email: z.optional(z.nullable(z.string())), userId: z.optional(z.nullable(z.union([z.string(), z.number()]))) })), paging: Paging });
const Links = z.object({ results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })) });
const Created = z.object({ id: z.string() });

export function createFetchRouting(call: HubSpotCall): RoutingGateway {
  let availabilityProperty: Promise<string | null> | null = null;
  const discover = (): Promise<string | null> => {
    availabilityProperty ??= call('list user properties', 'GET', '/crm/v3/properties/users', PropertyList)
      .then((res) => AVAILABILITY_PROPERTIES.find((name) => res.results.some((p) => p.name === name)) ?? null)
      .catch((error: unknown) => { availabilityProperty = null; throw error; });
    return availabilityProperty;
  };

  async function listAll<T>(read: (after: string | undefined) => Promise<{ results: T[]; paging?: { next?: { after?: string } } | undefined }>): Promise<T[]> {
    const out: T[] = [];
    let after: string | undefined;
    do {
      const res = await read(after);
      out.push(...res.results);
      after = res.paging?.next?.after;
    } while (after);
    return out;
  }

  return {
    async countOwnerLoad(ownerIds, sinceIso) {
      const counts: Record<string, number> = Object.fromEntries(ownerIds.map((id) => [id, 0]));
      if (ownerIds.length === 0) return counts;
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await call(`count owner load of ${ownerIds.length} owners`, 'POST', '/crm/v3/objects/contacts/search', Page, {
          filterGroups: [{ filters: [
            { propertyName: 'hubspot_owner_id', operator: 'IN', values: [...ownerIds] },
            { propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(Date.parse(sinceIso)) },
          ] }],
          properties: ['hubspot_owner_id'], limit: PAGE, ...(after ? { after } : {}),
        });
        for (const c of res.results) {
          const owner = c.properties?.['hubspot_owner_id'];
          if (owner && owner in counts) counts[owner]! += 1;
        }
        after = res.paging?.next?.after;
        if (!after) break;
      }
      return counts;
    },

    async readOwnerAvailability(): Promise<OwnerAvailability> {
      const property = await discover();
      if (property === null) return { property: null, unavailableOwnerIds: [] };
      const [users, owners] = await Promise.all([
        listAll((after) => call('list users', 'GET', `/crm/v3/objects/users?limit=100&properties=${encodeURIComponent(`hs_email,hs_internal_user_id,${property}`)}${after ? `&after=${encodeURIComponent(after)}` : ''}`, Page)),
        listAll((after) => call('list owners', 'GET', `/crm/v3/owners/?limit=100&archived=false${after ? `&after=${encodeURIComponent(after)}` : ''}`, OwnerPage)),
      ]);
      const ownerByEmail = new Map(owners.map((o) => [(o.email ?? '').toLowerCase(), String(o.id)]));
      const ownerByUser = new Map(owners.map((o) => [String(o.userId ?? ''), String(o.id)]));
      const away: string[] = [];
      for (const u of users) {
        const p = u.properties ?? {};
        if (!AWAY_VALUES.has(String(p[property] ?? '').toLowerCase())) continue;
        const owner = ownerByUser.get(p['hs_internal_user_id'] ?? '') ?? ownerByEmail.get((p['hs_email'] ?? '').toLowerCase());
        if (owner) away.push(owner);
      }
      return { property, unavailableOwnerIds: [...new Set(away)].sort() };
    },

    async ensureLead(spec: LeadSpec) {
      const links = await call(`read leads of contact ${spec.contactId}`, 'GET', `/crm/v4/objects/contacts/${spec.contactId}/associations/leads?limit=500`, Links);
      const existing = links.results.map((r) => String(r.toObjectId)).sort((a, b) => Number(a) - Number(b))[0];
      const properties = { hs_lead_name: spec.name, hubspot_owner_id: spec.ownerId };
      if (existing) {
        await call(`update lead ${existing}`, 'PATCH', `/crm/v3/objects/leads/${existing}`, null, { properties });
        return { id: existing, created: false };
      }
      const created = await call(`create lead for contact ${spec.contactId}`, 'POST', '/crm/v3/objects/leads', Created, {
        properties: { ...properties, hs_pipeline: spec.pipeline, hs_pipeline_stage: spec.stage },
        associations: [{ to: { id: spec.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: LEAD_TO_CONTACT }] }],
      });
      return { id: created.id, created: true };
    },
  };
}
