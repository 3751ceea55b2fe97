// BulkCrm over @hubspot/api-client: every method is one HubSpot call, so the caller (bulk
// re-scoring) can count and pace them. The primary company comes from the contact's
// `associatedcompanyid` property, which HubSpot keeps in step with the primary association:
// no association call is needed, not even on a batch read (which returns no associations).
import type { BulkContact, BulkCrm, CompanyWithHistory, SearchFilter, TaskBatchResult, TaskSpec } from '../../ports.ts';
import { CrmError } from '../../errors.ts';
import type { HubSpotContext } from './context.ts';
import { batchUpdateContacts } from './batch-update.ts';
import { chunk, TASK_TO_CONTACT, toHistory, toRecord } from './records.ts';
import { markerKey } from './rescore-gateway.ts';
import { taskProperties } from './tasks.ts';
import { createRoutingReads } from './routing-reads.ts';

/** HubSpot's cap on objects per read that asks for property history (docs: /work/shared/HUBSPOT.md). */
export const HISTORY_READ_LIMIT = 50;
export const PRIMARY_COMPANY_PROPERTY = 'associatedcompanyid';

type SearchRequest = Parameters<HubSpotContext['client']['crm']['contacts']['searchApi']['doSearch']>[0];
type TaskBatchCreate = Parameters<HubSpotContext['client']['crm']['objects']['tasks']['batchApi']['create']>[0];

interface RawObject {
  id: string;
  properties?: Record<string, string | null | undefined>;
  propertiesWithHistory?: Record<string, { value: string; timestamp: Date | string; sourceType: string; sourceId?: string }[]>;
}

function toBulkContact(raw: RawObject, historyProperties: readonly string[]): BulkContact {
  const contact = toRecord(raw);
  const companyId = contact.properties[PRIMARY_COMPANY_PROPERTY];
  return {
    contact,
    history: historyProperties.length > 0 ? toHistory(raw.propertiesWithHistory, historyProperties) : {},
    companyId: companyId && /^\d+$/.test(companyId) ? companyId : null,
  };
}

/** The most objects one read may carry: 50 with history, 100 without. */
export function readLimit(historyProperties: readonly string[]): number {
  return historyProperties.length > 0 ? HISTORY_READ_LIMIT : 100;
}

export function createHubSpotBulkCrm(ctx: HubSpotContext, now: () => Date = () => new Date()): BulkCrm {
  const { client } = ctx;
  const withCompany = (properties: readonly string[]) => [...new Set([...properties, PRIMARY_COMPANY_PROPERTY])];
  const history = (names: readonly string[]) => (names.length > 0 ? [...names] : undefined);
  const routing = createRoutingReads(ctx);
  return {
    countOwnerLoad: (ownerIds, sinceIso) => routing.countOwnerLoad(ownerIds, sinceIso),
    async listContacts(page, properties, historyProperties) {
      const limit = Math.min(page.limit, readLimit(historyProperties));
      const res = await ctx.call(`list ${limit} contacts${page.after ? ` after ${page.after}` : ''}`, () =>
        client.crm.contacts.basicApi.getPage(limit, page.after, withCompany(properties), history(historyProperties)));
      const after = res.paging?.next?.after;
      return { contacts: res.results.map((c) => toBulkContact(c, historyProperties)), ...(after ? { after } : {}) };
    },

    async readContacts(ids, properties, historyProperties) {
      if (ids.length > readLimit(historyProperties)) throw new CrmError('batch read contacts', `at most ${readLimit(historyProperties)} ids per read, got ${ids.length}`);
      const unique = [...new Set(ids)];
      if (unique.length === 0) return { contacts: [], missing: [] };
      const res = await ctx.call(`batch read ${unique.length} contacts`, () =>
        client.crm.contacts.batchApi.read({ inputs: unique.map((id) => ({ id })), properties: withCompany(properties), propertiesWithHistory: [...historyProperties] }));
      const contacts = res.results.map((c) => toBulkContact(c, historyProperties));
      const found = new Set(contacts.map((c) => c.contact.id));
      return { contacts, missing: unique.filter((id) => !found.has(id)) };
    },

    async searchContactIds(filters, afterId, limit) {
      const request = {
        filterGroups: [{ filters: [...filters.map(toApiFilter), ...(afterId ? [{ propertyName: 'hs_object_id', operator: 'GT', value: afterId }] : [])] }],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: ['hs_object_id'],
        limit: Math.min(limit, 200),
      } as unknown as SearchRequest;
      const res = await ctx.call(`search contacts${afterId ? ` above id ${afterId}` : ''}`, () => client.crm.contacts.searchApi.doSearch(request));
      return res.results.map((r) => String(r.id));
    },

    async readCompanies(ids, properties, historyProperties): Promise<CompanyWithHistory[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      if (unique.length > readLimit(historyProperties)) throw new CrmError('batch read companies', `at most ${readLimit(historyProperties)} ids per read, got ${unique.length}`);
      const res = await ctx.call(`batch read ${unique.length} companies`, () =>
        client.crm.companies.batchApi.read({ inputs: unique.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [...historyProperties] }));
      return res.results.map((c) => ({ company: toRecord(c), history: toHistory(c.propertiesWithHistory, historyProperties) }));
    },

    batchUpdateContacts: (updates) => batchUpdateContacts(ctx, updates),

    async createTasks(tasks: readonly TaskSpec[]): Promise<TaskBatchResult> {
      if (tasks.length === 0) return { created: [], failed: [] };
      const timestamp = now().toISOString();
      const inputs = tasks.map((task) => ({
        properties: taskProperties(task, timestamp),
        associations: [{ to: { id: task.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }] }],
      }));
      // "create …": the pacer does not repeat it after a 5xx (the outcome is unknown); the caller checks first.
      const res = await ctx.call(`create ${tasks.length} tasks`, () => client.crm.objects.tasks.batchApi.create({ inputs } as unknown as TaskBatchCreate));
      const errors = 'errors' in res ? (res.errors ?? []) : [];
      if (errors.length === 0 && res.results.length === tasks.length) {
        // Results are not promised in input order: match them back by the marker in the body when present.
        const byKey = new Map(res.results.map((r, i) => [markerKey(r.properties['hs_task_body']) ?? `#${i}`, String(r.id)]));
        return { created: tasks.map((t, i) => ({ contactId: t.contactId, dedupeKey: t.dedupeKey, id: byKey.get(t.dedupeKey) ?? byKey.get(`#${i}`) ?? '' })), failed: [] };
      }
      const made = new Set(res.results.map((r) => markerKey(r.properties['hs_task_body'])));
      const message = errors[0]?.message ?? 'HubSpot did not confirm this task';
      return {
        created: [],
        failed: tasks.map((t) => ({ contactId: t.contactId, dedupeKey: t.dedupeKey, message: made.has(t.dedupeKey) ? 'created, to be confirmed' : message })),
      };
    },

    async findTaskKeys(contactId) {
      const taskIds: string[] = [];
      let after: string | undefined;
      do {
        const page = await ctx.call(`list tasks of contact ${contactId}`, () =>
          client.crm.associations.v4.basicApi.getPage('contacts', contactId, 'tasks', after, 500));
        taskIds.push(...page.results.map((r) => String(r.toObjectId)));
        after = page.paging?.next?.after;
      } while (after);
      const keys: string[] = [];
      for (const ids of chunk(taskIds)) {
        const res = await ctx.call(`batch read ${ids.length} tasks`, () =>
          client.crm.objects.tasks.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['hs_task_body'], propertiesWithHistory: [] }));
        for (const task of res.results) {
          const key = markerKey(task.properties['hs_task_body']);
          if (key !== null) keys.push(key);
        }
      }
      return keys;
    },
  };
}

function toApiFilter(filter: SearchFilter): { propertyName: string; operator: string; value?: string } {
  return { propertyName: filter.propertyName, operator: filter.operator, ...(filter.value !== undefined ? { value: filter.value } : {}) };
}
