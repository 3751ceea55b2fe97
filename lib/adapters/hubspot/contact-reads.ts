// Reading contacts with their primary company: one, many by id, or all page by page.
import type { ContactPage, ContactWithCompany, CrmRecord } from '../../ports.ts';
import { NotFoundError } from '../../errors.ts';
import type { HubSpotContext } from './gateway.ts';
import { BATCH_LIMIT, chunk, pickPrimaryCompany, toHistory, toRecord, unique, PRIMARY_CONTACT_TO_COMPANY } from './records.ts';
import { HISTORY_READ_LIMIT } from './bulk-crm.ts';

export async function getContactWithCompany(ctx: HubSpotContext, contactId: string, contactProps: readonly string[], companyProps: readonly string[]): Promise<ContactWithCompany | null> {
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

export async function getContactsWithCompanies(ctx: HubSpotContext, contactIds: readonly string[], contactProps: readonly string[], companyProps: readonly string[], historyProps: readonly string[] = []): Promise<ContactWithCompany[]> {
  const out: ContactWithCompany[] = [];
  // HubSpot answers 400 to a history read of more than 50 objects.
  for (const ids of chunk(unique(contactIds), historyProps.length > 0 ? HISTORY_READ_LIMIT : BATCH_LIMIT)) {
    const contacts = await ctx.call(`batch read ${ids.length} contacts`, () =>
      ctx.client.crm.contacts.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: [...contactProps], propertiesWithHistory: [...historyProps] }));
    const found = contacts.results.map(toRecord);
    const histories = new Map(contacts.results.map((c) => [String(c.id), toHistory(c.propertiesWithHistory, historyProps)]));
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
      out.push({ contact, company: (companyId && companies.get(companyId)) || null, ...(historyProps.length > 0 ? { history: histories.get(id) ?? {} } : {}) });
    }
  }
  return out;
}

export async function listContactsWithCompanies(ctx: HubSpotContext, page: { after?: string; limit?: number }, contactProps: readonly string[], companyProps: readonly string[], historyProps: readonly string[] = []): Promise<ContactPage> {
  const limit = Math.max(1, Math.min(historyProps.length > 0 ? HISTORY_READ_LIMIT : BATCH_LIMIT, page.limit ?? 100));
  const res = await ctx.call(`list contacts${page.after ? ` after ${page.after}` : ''}`, () =>
    ctx.client.crm.contacts.basicApi.getPage(limit, page.after, [...contactProps], historyProps.length > 0 ? [...historyProps] : undefined, ['companies']));
  const companyOf = new Map(res.results.map((contact) => [contact.id, primaryCompanyOf(contact.associations)] as const));
  const companies = await readCompanies(ctx, unique([...companyOf.values()].filter((id): id is string => id !== null)), companyProps);
  const results = res.results.map((contact) => {
    const companyId = companyOf.get(contact.id);
    return { contact: toRecord(contact), company: (companyId && companies.get(companyId)) || null, ...(historyProps.length > 0 ? { history: toHistory(contact.propertiesWithHistory, historyProps) } : {}) };
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
