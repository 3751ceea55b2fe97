// Routing's HubSpot reads (owner load, out-of-office owners) and the optional Lead write over
// plain fetch, for the decide_and_write custom code action: the same calls as the api-client
// version (lib/adapters/hubspot/routing-reads.ts), checked by the same RoutingGateway contract.
import * as z from 'zod/mini';
import type { LeadSpec, OwnerAvailability, RoutingGateway } from '../ports.ts';
import { addOwnerLoad, AVAILABILITY_PROPERTIES, awayOwnerIds, leadCreateInput, leadProperties, listAll, MAX_PAGES, oldestLeadId, ownerLoadSearch } from '../adapters/hubspot/routing-reads.ts';
import type { HubSpotCall } from './fetch-gateway.ts';

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


  return {
    async countOwnerLoad(ownerIds, sinceIso) {
      const counts: Record<string, number> = Object.fromEntries(ownerIds.map((id) => [id, 0]));
      if (ownerIds.length === 0) return counts;
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await call(`count owner load of ${ownerIds.length} owners`, 'POST', '/crm/v3/objects/contacts/search', Page, ownerLoadSearch(ownerIds, sinceIso, after));
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
        listAll((after) => call('list users', 'GET', `/crm/v3/objects/users?limit=100&properties=${encodeURIComponent(`hs_email,hs_internal_user_id,${property}`)}${after ? `&after=${encodeURIComponent(after)}` : ''}`, Page)),
        listAll((after) => call('list owners', 'GET', `/crm/v3/owners/?limit=100&archived=false${after ? `&after=${encodeURIComponent(after)}` : ''}`, OwnerPage)),
      ]);
      return { property, unavailableOwnerIds: awayOwnerIds(users, owners, property) };
    },

    async ensureLead(spec: LeadSpec) {
      const links = await call(`read leads of contact ${spec.contactId}`, 'GET', `/crm/v4/objects/contacts/${spec.contactId}/associations/leads?limit=500`, Links);
      const existing = oldestLeadId(links.results);
      if (existing) {
        await call(`update lead ${existing}`, 'PATCH', `/crm/v3/objects/leads/${existing}`, null, { properties: leadProperties(spec) });
        return { id: existing, created: false };
      }
      const created = await call(`create lead for contact ${spec.contactId}`, 'POST', '/crm/v3/objects/leads', Created, leadCreateInput(spec));
      return { id: created.id, created: true };
    },
  };
}
