// CrmGateway + PropertyAdmin + CompanyDirectory over @hubspot/api-client 14.
import type { Client } from '@hubspot/api-client';
import type { CompanyDirectory, CrmGateway, OwnerRecord, PropertyAdmin, PropertyHistoryEntry } from '../../ports.ts';
import { getHubSpotClient, type LimiterOptions } from './client.ts';
import { callHubSpot } from './errors.ts';
import { toHistory } from './records.ts';
import { getContactsWithCompanies, getContactWithCompany, listContactsWithCompanies } from './contact-reads.ts';
import { batchUpdateContacts } from './batch-update.ts';
import { createTaskEnsurer } from './tasks.ts';
import { createHubSpotPropertyAdmin } from './property-admin.ts';
import { createHubSpotCompanyDirectory } from './companies.ts';
import { createRoutingReads } from './routing-reads.ts';
import { CrmError } from '../../errors.ts';
import { withTimeout } from '../resilience.ts';

export interface HubSpotGatewayOptions {
  accessToken: string;
  basePath?: string;
  retries?: number;
  limiter?: LimiterOptions;
  /** Per-operation deadline, retries included (the api-client has none of its own). Default 10 s. */
  timeoutMs?: number;
}

export type HubSpotGateway = CrmGateway & PropertyAdmin & CompanyDirectory;

/** Everything a gateway method needs: the shared client and the secrets to scrub from errors. */
export interface HubSpotContext {
  client: Client;
  call<T>(operation: string, fn: () => Promise<T>): Promise<T>;
}

/** The shared client, each call with a deadline and typed, token-free errors. */
export function createHubSpotContext(options: HubSpotGatewayOptions): HubSpotContext {
  const client = getHubSpotClient(options);
  const secrets = [options.accessToken];
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    client,
    call: (operation, fn) => withTimeout(timeoutMs, () => callHubSpot(operation, secrets, fn),
      () => new CrmError(operation, `no answer within ${timeoutMs} ms`, { category: 'TIMEOUT' })),
  };
}

export function createHubSpotGateway(options: HubSpotGatewayOptions): HubSpotGateway {
  const ctx = createHubSpotContext(options);
  const { client } = ctx;
  return {
    getContactWithCompany: (id, contactProps, companyProps) => getContactWithCompany(ctx, id, contactProps, companyProps),
    getContactsWithCompanies: (ids, contactProps, companyProps, historyProps) => getContactsWithCompanies(ctx, ids, contactProps, companyProps, historyProps),
    listContactsWithCompanies: (page, contactProps, companyProps, historyProps) => listContactsWithCompanies(ctx, page, contactProps, companyProps, historyProps),
    updateContact: async (id, properties) => {
      await ctx.call(`update contact ${id}`, () => client.crm.contacts.basicApi.update(id, { properties }));
    },
    batchUpdateContacts: (updates) => batchUpdateContacts(ctx, updates),
    ensureTask: createTaskEnsurer(ctx),
    getPropertyHistory: (id, names) => getPropertyHistory(ctx, id, names),
    listOwners: () => listOwners(ctx),
    ...createHubSpotPropertyAdmin(ctx),
    ...createHubSpotCompanyDirectory(ctx),
    ...createRoutingReads(ctx),
  };
}

async function getPropertyHistory(ctx: HubSpotContext, contactId: string, names: readonly string[]): Promise<Record<string, PropertyHistoryEntry[]>> {
  const contact = await ctx.call(`read property history of contact ${contactId}`, () =>
    ctx.client.crm.contacts.basicApi.getById(contactId, ['hs_object_id'], [...names]));
  return toHistory(contact.propertiesWithHistory, names);
}

async function listOwners(ctx: HubSpotContext): Promise<OwnerRecord[]> {
  const owners: OwnerRecord[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.call('list owners', () => ctx.client.crm.owners.ownersApi.getPage(undefined, after, 100, false));
    for (const owner of page.results) {
      owners.push({
        id: String(owner.id),
        email: owner.email ?? '',
        firstName: owner.firstName ?? '',
        lastName: owner.lastName ?? '',
        teams: (owner.teams ?? []).map((t) => ({ id: String(t.id), name: t.name })),
        archived: owner.archived,
      });
    }
    after = page.paging?.next?.after;
  } while (after);
  return owners;
}
