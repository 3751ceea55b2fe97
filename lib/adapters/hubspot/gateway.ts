// CrmGateway + PropertyAdmin + CompanyDirectory over @hubspot/api-client 14.
import type { Client } from '@hubspot/api-client';
import type {
  BatchWriteResult, CompanyDirectory, ContactPage, ContactWithCompany, CrmGateway, CrmRecord, OwnerRecord,
  PropertyAdmin, PropertyHistoryEntry,
} from '../../ports.ts';
import { getHubSpotClient, type LimiterOptions } from './client.ts';
import { callHubSpot } from './errors.ts';
import { chunk, pickPrimaryCompany, toHistory, toRecord, unique, PRIMARY_CONTACT_TO_COMPANY } from './records.ts';
import { createTaskEnsurer } from './tasks.ts';
import { createHubSpotPropertyAdmin } from './property-admin.ts';
import { createHubSpotCompanyDirectory } from './companies.ts';
import { CrmError, NotFoundError } from '../../errors.ts';
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

export function createHubSpotGateway(options: HubSpotGatewayOptions): HubSpotGateway {
  const client = getHubSpotClient(options);
  const secrets = [options.accessToken];
  const timeoutMs = options.timeoutMs ?? 10_000;
  const ctx: HubSpotContext = {
    client,
    call: (operation, fn) => withTimeout(timeoutMs, () => callHubSpot(operation, secrets, fn),
      () => new CrmError(operation, `no answer within ${timeoutMs} ms`, { category: 'TIMEOUT' })),
  };
  return {
    getContactWithCompany: (id, contactProps, companyProps) => getContactWithCompany(ctx, id, contactProps, companyProps),
    getContactsWithCompanies: (ids, contactProps, companyProps) => getContactsWithCompanies(ctx, ids, contactProps, companyProps),
    listContactsWithCompanies: (page, contactProps, companyProps) => listContactsWithCompanies(ctx, page, contactProps, companyProps),
    updateContact: async (id, properties) => {
      await ctx.call(`update contact ${id}`, () => client.crm.contacts.basicApi.update(id, { properties }));
    },
    batchUpdateContacts: (updates) => batchUpdateContacts(ctx, updates),
    ensureTask: createTaskEnsurer(ctx),
    getPropertyHistory: (id, names) => getPropertyHistory(ctx, id, names),
    listOwners: () => listOwners(ctx),
    ...createHubSpotPropertyAdmin(ctx),
    ...createHubSpotCompanyDirectory(ctx),
  };
}

async function getContactWithCompany(ctx: HubSpotContext, contactId: string, contactProps: readonly string[], companyProps: readonly string[]): Promise<ContactWithCompany | null> {
  let contact;
  try {
    contact = await ctx.call(`read contact ${contactId}`, () =>
      ctx.client.crm.contacts.basicApi.getById(contactId, [...contactProps], undefined, ['companies']));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  const companyId = primaryCompanyOf(contact.associations);
  let company: CrmRecord | null = null;
  if (companyId) {
    try {
      company = toRecord(await ctx.call(`read company ${companyId}`, () =>
        ctx.client.crm.companies.basicApi.getById(companyId, [...companyProps])));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return { contact: toRecord(contact), company };
}

async function getContactsWithCompanies(ctx: HubSpotContext, contactIds: readonly string[], contactProps: readonly string[], companyProps: readonly string[]): Promise<ContactWithCompany[]> {
  const out: ContactWithCompany[] = [];
  for (const ids of chunk(unique(contactIds))) {
    const contacts = await ctx.call(`batch read ${ids.length} contacts`, () =>
      ctx.client.crm.contacts.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: [...contactProps], propertiesWithHistory: [] }));
    const found = contacts.results.map(toRecord);
    if (found.length === 0) continue;
    const links = await ctx.call(`batch read company associations of ${found.length} contacts`, () =>
      ctx.client.crm.associations.v4.batchApi.getPage('contacts', 'companies', { inputs: found.map((c) => ({ id: c.id })) }));
    const companyOf = new Map<string, string>();
    for (const link of links.results) {
      const companyId = pickPrimaryCompany(link.to.map((to) => ({
        id: String(to.toObjectId),
        typeIds: to.associationTypes.map((t) => t.typeId),
      })));
      if (companyId) companyOf.set(String(link._from.id), companyId);
    }
    const companies = await readCompanies(ctx, unique([...companyOf.values()]), companyProps);
    const byId = new Map(found.map((c) => [c.id, c]));
    for (const id of ids) {
      const contact = byId.get(id);
      if (!contact) continue;
      const companyId = companyOf.get(id);
      out.push({ contact, company: (companyId && companies.get(companyId)) || null });
    }
  }
  return out;
}

async function listContactsWithCompanies(ctx: HubSpotContext, page: { after?: string; limit?: number }, contactProps: readonly string[], companyProps: readonly string[]): Promise<ContactPage> {
  const limit = Math.max(1, Math.min(100, page.limit ?? 100));
  const res = await ctx.call(`list contacts${page.after ? ` after ${page.after}` : ''}`, () =>
    ctx.client.crm.contacts.basicApi.getPage(limit, page.after, [...contactProps], undefined, ['companies']));
  const companyOf = new Map(res.results.map((contact) => [contact.id, primaryCompanyOf(contact.associations)] as const));
  const companies = await readCompanies(ctx, unique([...companyOf.values()].filter((id): id is string => id !== null)), companyProps);
  const results = res.results.map((contact) => {
    const companyId = companyOf.get(contact.id);
    return { contact: toRecord(contact), company: (companyId && companies.get(companyId)) || null };
  });
  const after = res.paging?.next?.after;
  return after ? { results, after } : { results };
}

/** The primary company among v3 associations (`contact_to_company` is the primary label). */
function primaryCompanyOf(associations: { [key: string]: { results: { id: string; type: string }[] } } | undefined): string | null {
  return pickPrimaryCompany((associations?.['companies']?.results ?? []).map((r) => ({
    id: String(r.id),
    typeIds: r.type === 'contact_to_company' ? [PRIMARY_CONTACT_TO_COMPANY] : [],
  })));
}

async function readCompanies(ctx: HubSpotContext, ids: readonly string[], properties: readonly string[]): Promise<Map<string, CrmRecord>> {
  const out = new Map<string, CrmRecord>();
  for (const part of chunk(ids)) {
    const res = await ctx.call(`batch read ${part.length} companies`, () =>
      ctx.client.crm.companies.batchApi.read({ inputs: part.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] }));
    for (const company of res.results) out.set(String(company.id), toRecord(company));
  }
  return out;
}

async function batchUpdateContacts(ctx: HubSpotContext, updates: readonly { id: string; properties: Record<string, string> }[]): Promise<BatchWriteResult> {
  const result: BatchWriteResult = { ok: [], failed: [] };
  for (const part of chunk(updates)) {
    let res;
    try {
      res = await ctx.call(`batch update ${part.length} contacts`, () =>
        ctx.client.crm.contacts.batchApi.update({ inputs: part.map((u) => ({ id: u.id, properties: u.properties })) }));
    } catch (error) {
      if (!isRecordLevelRejection(error)) throw error;
      // HubSpot rejects a whole batch for one bad record: find out which, one update each.
      await updateOneByOne(ctx, part, result);
      continue;
    }
    const failedIds = new Set<string>();
    for (const error of ('errors' in res ? res.errors ?? [] : [])) {
      const ids = error.context?.['ids'] ?? [];
      for (const id of ids) {
        failedIds.add(id);
        result.failed.push({ id, message: error.message, status: Number(error.status) || undefined });
      }
    }
    const okIds = new Set(res.results.map((r) => String(r.id)));
    for (const { id } of part) {
      if (okIds.has(id)) result.ok.push(id);
      else if (!failedIds.has(id)) result.failed.push({ id, message: 'HubSpot did not confirm this update' });
    }
  }
  return result;
}

/** A 4xx that concerns the records sent, not auth or rate: worth retrying record by record. */
function isRecordLevelRejection(error: unknown): boolean {
  return error instanceof CrmError && error.status !== undefined && [400, 404, 409, 422].includes(error.status);
}

async function updateOneByOne(ctx: HubSpotContext, part: readonly { id: string; properties: Record<string, string> }[], result: BatchWriteResult): Promise<void> {
  for (const update of part) {
    try {
      await ctx.call(`update contact ${update.id}`, () => ctx.client.crm.contacts.basicApi.update(update.id, { properties: update.properties }));
      result.ok.push(update.id);
    } catch (error) {
      if (!isRecordLevelRejection(error)) throw error;
      const crmError = error as CrmError;
      result.failed.push({ id: update.id, message: crmError.message, status: crmError.status });
    }
  }
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
