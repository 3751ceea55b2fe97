// Whole-portal reads for `simulate` and `report`: every contact page by page with the history of
// chosen properties (HubSpot allows 50 per page when history is asked for), its primary company,
// and the deals and tasks associated with a set of contacts (v4 batch associations, 100 per call).
// Nothing here writes. Once the gateway's own batch reads with history land (BULK-10), `contactPages`
// can move onto them.
import { callHubSpot } from './errors.ts';
import { getHubSpotClient, type LimiterOptions } from './client.ts';
import { chunk, pickPrimaryCompany, toHistory, toRecord, unique, PRIMARY_CONTACT_TO_COMPANY } from './records.ts';
import type { CrmRecord, PropertyHistoryEntry } from '../../ports.ts';

export const HISTORY_PAGE_LIMIT = 50;

export interface PortalContact {
  contact: CrmRecord;
  history: Record<string, PropertyHistoryEntry[]>;
  company: CrmRecord | null;
}

export interface PortalReadOptions { accessToken: string; basePath?: string; retries?: number; limiter?: LimiterOptions }

export interface PortalReader {
  /** All contacts, in id order, one page (≤ 50) at a time. */
  contactPages(properties: readonly string[], historyProperties: readonly string[], companyProperties: readonly string[]): AsyncGenerator<PortalContact[]>;
  /** Contact id → ids of its associated objects of the given type. */
  associatedIds(contactIds: readonly string[], to: 'deals' | 'tasks'): Promise<Map<string, string[]>>;
  /** Many deals or tasks by id (batch read, 100 per call). */
  readObjects(type: 'deals' | 'tasks', ids: readonly string[], properties: readonly string[], historyProperties?: readonly string[]): Promise<(CrmRecord & { history: Record<string, PropertyHistoryEntry[]> })[]>;
}

export function createPortalReader(options: PortalReadOptions): PortalReader {
  const client = getHubSpotClient(options);
  const call = <T>(operation: string, fn: () => Promise<T>) => callHubSpot(operation, [options.accessToken], fn);

  async function companies(ids: readonly string[], properties: readonly string[]): Promise<Map<string, CrmRecord>> {
    const out = new Map<string, CrmRecord>();
    for (const part of chunk(unique(ids))) {
      const res = await call(`batch read ${part.length} companies`, () =>
        client.crm.companies.batchApi.read({ inputs: part.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] }));
      for (const c of res.results) out.set(String(c.id), toRecord(c));
    }
    return out;
  }

  return {
    async *contactPages(properties, historyProperties, companyProperties) {
      let after: string | undefined;
      do {
        const res = await call(`list contacts${after ? ` after ${after}` : ''}`, () =>
          client.crm.contacts.basicApi.getPage(HISTORY_PAGE_LIMIT, after, [...properties], historyProperties.length ? [...historyProperties] : undefined, ['companies']));
        const companyOf = new Map(res.results.map((c) => [String(c.id), pickPrimaryCompany((c.associations?.['companies']?.results ?? []).map((r) => ({
          id: String(r.id), typeIds: r.type === 'contact_to_company' ? [PRIMARY_CONTACT_TO_COMPANY] : [],
        })))] as const));
        const found = await companies([...companyOf.values()].filter((id): id is string => id !== null), companyProperties);
        yield res.results.map((c) => {
          const companyId = companyOf.get(String(c.id));
          return { contact: toRecord(c), history: toHistory(c.propertiesWithHistory, historyProperties), company: (companyId && found.get(companyId)) || null };
        });
        after = res.paging?.next?.after;
      } while (after);
    },

    async associatedIds(contactIds, to) {
      const out = new Map<string, string[]>();
      for (const part of chunk(unique(contactIds))) {
        const res = await call(`batch read ${to} associations of ${part.length} contacts`, () =>
          client.crm.associations.v4.batchApi.getPage('contacts', to, { inputs: part.map((id) => ({ id })) }));
        for (const link of res.results) out.set(String(link._from.id), link.to.map((t) => String(t.toObjectId)));
      }
      return out;
    },

    async readObjects(type, ids, properties, historyProperties = []) {
      const out: (CrmRecord & { history: Record<string, PropertyHistoryEntry[]> })[] = [];
      const api = type === 'deals' ? client.crm.deals.batchApi : client.crm.objects.tasks.batchApi;
      // HubSpot (and the emulator) take at most 50 objects in a read that asks for history.
      for (const part of chunk(unique(ids), historyProperties.length > 0 ? 50 : 100)) {
        const res = await call(`batch read ${part.length} ${type}`, () =>
          api.read({ inputs: part.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [...historyProperties] }));
        for (const o of res.results) out.push({ ...toRecord(o), history: toHistory(o.propertiesWithHistory, historyProperties) });
      }
      return out;
    },
  };
}
