// The RescoreGateway over @hubspot/api-client: a single-contact re-score in at most
// four sequential round trips (see docs/functions.md for the order and why).
import type { ContactSnapshot, CrmRecord, NotificationRecord, RescoreGateway } from '../../ports.ts';
import { CrmError, NotFoundError, RateLimitError } from '../../errors.ts';
import { withTimeout } from '../resilience.ts';
import type { HubSpotContext, HubSpotGatewayOptions } from './gateway.ts';
import { getHubSpotClient } from './client.ts';
import { callHubSpot } from './errors.ts';
import { chunk, markerKey, pickPrimaryCompany, PRIMARY_CONTACT_TO_COMPANY, toHistory, toRecord } from './records.ts';
import { taskProperties } from './tasks.ts';
import { createRoutingReads } from './routing-reads.ts';

type TaskCreate = Parameters<HubSpotContext['client']['crm']['objects']['tasks']['basicApi']['create']>[0];
type TaskSearch = Parameters<HubSpotContext['client']['crm']['objects']['tasks']['searchApi']['doSearch']>[0];

/** The newest tasks are the ones that matter for dedupe windows; older ones are not read. */
const MAX_TASKS_READ = 200;
/** Per-operation deadline, retries included: the HubSpot gateway's default. */
const DEFAULT_TIMEOUT_MS = 10_000;

export { markerKey } from './records.ts';

/**
 * A card is waiting: retries are ours, short and bounded, instead of the api-client's (which
 * waits 10 s × n after a ten-secondly 429 and retries creates after a 5xx). Create the client
 * with `retries: 1` for this gateway; `createRescoreGateway` does.
 * - 5xx, timeouts and network failures: 2 more tries, 200 ms × n apart, for reads and updates
 *   (safe to repeat); never for the task create, which the next re-score completes instead.
 * - 429 from the per-second search limit: one more try after 1 s.
 * - 429 from the ten-second or daily limit: no retry; the card says to try again in a minute.
 */
export const RESCORE_RETRY = { retries: 2, serverErrorDelayMs: 200, secondlyDelayMs: 1000 } as const;

/** How long to wait before another try, or null when the failure should reach the card now. */
export function retryDelay(error: unknown, idempotent: boolean, attempt: number): number | null {
  if (attempt > RESCORE_RETRY.retries) return null;
  if (error instanceof RateLimitError) {
    const text = `${error.policyName ?? ''} ${error.message}`;
    return /secondly limit/i.test(text) && !/ten_secondly/i.test(text) ? RESCORE_RETRY.secondlyDelayMs : null;
  }
  if (!(error instanceof CrmError) || !idempotent || error.category === 'TIMEOUT') return null;
  return error.status === undefined || error.status >= 500 ? RESCORE_RETRY.serverErrorDelayMs * attempt : null;
}

/**
 * The gateway over the process's shared client; errors name the operation and never the token.
 * Honours `timeoutMs` like the HubSpot gateway (the api-client has no deadline): a HubSpot call
 * that hangs becomes a CrmError the card can show, not a function killed by its time limit.
 */
export function createRescoreGateway(options: HubSpotGatewayOptions): RescoreGateway {
  const client = getHubSpotClient({ ...options, retries: 1 });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempt = <T>(operation: string, fn: () => Promise<T>) => withTimeout(timeoutMs, () => callHubSpot(operation, [options.accessToken], fn),
    () => new CrmError(operation, `no answer within ${timeoutMs} ms`, { category: 'TIMEOUT' }));
  return createHubSpotRescoreGateway({
    client,
    async call(operation, fn) {
      const idempotent = !operation.startsWith('create ');
      for (let n = 1; ; n++) {
        try {
          return await attempt(operation, fn);
        } catch (error) {
          const delay = retryDelay(error, idempotent, n);
          if (delay === null) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
  });
}

export function createHubSpotRescoreGateway(ctx: HubSpotContext, now: () => Date = () => new Date()): RescoreGateway {
  const { client } = ctx;
  return {
    ...createRoutingReads(ctx),
    async readSnapshot(contactId, contactProps, companyProps, historyProps = []): Promise<ContactSnapshot | null> {
      let contact;
      try {
        // The activity history rides on the same GET: one object is far below the history cap of 50.
        contact = await ctx.call(`read contact ${contactId}`, () =>
          client.crm.contacts.basicApi.getById(contactId, [...contactProps], historyProps.length > 0 ? [...historyProps] : undefined, ['companies', 'tasks']));
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
      const companyLinks = contact.associations?.['companies']?.results ?? [];
      const companyId = pickPrimaryCompany(companyLinks.map((r) => ({
        id: String(r.id), typeIds: r.type === 'contact_to_company' ? [PRIMARY_CONTACT_TO_COMPANY] : [],
      })));
      const taskIds = [...new Set((contact.associations?.['tasks']?.results ?? []).map((r) => String(r.id)))]
        .sort((a, b) => Number(b) - Number(a)).slice(0, MAX_TASKS_READ);
      const [company, notifications] = await Promise.all([
        companyId ? readCompany(ctx, companyId, companyProps) : Promise.resolve(null),
        readNotifications(ctx, taskIds),
      ]);
      return {
        contact: toRecord(contact), company: company?.record ?? null, companyHistory: company?.history ?? {},
        contactHistory: historyProps.length > 0 ? toHistory(contact.propertiesWithHistory, historyProps) : {}, notifications,
      };
    },

    async countOwnerTasksSince(ownerId, sinceIso) {
      const request = {
        filterGroups: [{ filters: [
          { propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId },
          { propertyName: 'hs_createdate', operator: 'GTE', value: String(Date.parse(sinceIso)) },
        ] }],
        properties: ['hs_object_id'],
        limit: 1,
      } as unknown as TaskSearch;
      const res = await ctx.call(`count recent tasks of owner ${ownerId}`, () => client.crm.objects.tasks.searchApi.doSearch(request));
      return res.total;
    },

    async createTask(task) {
      const input = {
        properties: taskProperties(task, now().toISOString()),
        associations: [{ to: { id: task.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] }],
      } as unknown as TaskCreate;
      const created = await ctx.call(`create task for contact ${task.contactId}`, () => client.crm.objects.tasks.basicApi.create(input));
      return { id: String(created.id) };
    },

    async updateContact(contactId, properties) {
      await ctx.call(`update contact ${contactId}`, () => client.crm.contacts.basicApi.update(contactId, { properties }));
    },

    async getPropertyHistory(contactId, names) {
      const contact = await ctx.call(`read decision history of contact ${contactId}`, () =>
        client.crm.contacts.basicApi.getById(contactId, ['hs_object_id'], [...names]));
      return toHistory(contact.propertiesWithHistory, names);
    },
  };
}

async function readCompany(ctx: HubSpotContext, companyId: string, properties: readonly string[]): Promise<{ record: CrmRecord; history: ContactSnapshot['companyHistory'] } | null> {
  try {
    const company = await ctx.call(`read company ${companyId}`, () =>
      ctx.client.crm.companies.basicApi.getById(companyId, [...properties], [...properties]));
    return { record: toRecord(company), history: toHistory(company.propertiesWithHistory, properties) };
  } catch (error) {
    if (error instanceof NotFoundError) return null; // an association to a deleted company: decide without it
    throw error;
  }
}

async function readNotifications(ctx: HubSpotContext, taskIds: readonly string[]): Promise<NotificationRecord[]> {
  const pages = await Promise.all(chunk(taskIds).map((ids) => ctx.call(`batch read ${ids.length} tasks`, () =>
    ctx.client.crm.objects.tasks.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ['hs_task_body', 'hs_createdate', 'hubspot_owner_id'], propertiesWithHistory: [] }))));
  const out: NotificationRecord[] = [];
  for (const page of pages) {
    for (const task of page.results) {
      const key = markerKey(task.properties['hs_task_body']);
      if (key === null) continue;
      const createdAt = task.properties['hs_createdate'] ?? (task.createdAt ? new Date(task.createdAt).toISOString() : null);
      if (!createdAt) continue;
      out.push({ dedupeKey: key, createdAt: normalizeTime(createdAt), ownerId: task.properties['hubspot_owner_id'] ?? null });
    }
  }
  return out;
}

function normalizeTime(value: string): string {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}
