// The RescoreGateway over plain fetch: what `decide_and_write` needs from HubSpot in a few
// kilobytes, instead of the whole @hubspot/api-client (megabytes, and nothing preinstalled in
// a Node 24 custom code action can be relied on). Same calls as the api-client gateway
// (lib/adapters/hubspot/rescore-gateway.ts): at most four sequential round trips.
import * as z from 'zod/mini';
import { CrmError, NotFoundError, RateLimitError, redactSecrets } from '../errors.ts';
import type { ContactSnapshot, CrmRecord, NotificationRecord, RescoreGateway } from '../ports.ts';
import { chunk, markerKey, pickPrimaryCompany, PRIMARY_CONTACT_TO_COMPANY, TASK_TO_CONTACT, toHistory } from '../adapters/hubspot/records.ts';
import { taskProperties } from '../adapters/hubspot/tasks.ts';
import { createFetchRouting } from './fetch-routing.ts';

export interface FetchGatewayOptions {
  accessToken: string;
  baseUrl: string;
  /** Per request; a custom code action has 20 s in all. */
  timeoutMs?: number;
  now?: () => Date;
}

const MAX_TASKS_READ = 200;
const Props = z.record(z.string(), z.nullable(z.optional(z.string())));
const HistoryEntry = z.object({ value: z.string(), timestamp: z.string(), sourceType: z.string(), sourceId: z.optional(z.string()) });
const ObjectSchema = z.object({
  id: z.string(),
  properties: z.optional(Props),
  propertiesWithHistory: z.optional(z.record(z.string(), z.array(HistoryEntry))),
  associations: z.optional(z.record(z.string(), z.object({ results: z.array(z.object({ id: z.union([z.string(), z.number()]), type: z.optional(z.string()) })) }))),
});
const BatchSchema = z.object({ results: z.array(ObjectSchema) });
const SearchSchema = z.object({ total: z.number() });
const ErrorBody = z.object({ message: z.optional(z.string()), category: z.optional(z.string()), correlationId: z.optional(z.string()), policyName: z.optional(z.string()) });

/** One HubSpot request as a typed result; failures as the CrmError family, never with the token. */
export type HubSpotCall = <S extends z.ZodMiniType>(operation: string, method: string, path: string, schema: S | null, body?: unknown) => Promise<z.infer<S>>;

export function createFetchCall(options: FetchGatewayOptions): HubSpotCall {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5_000;
  return async (operation, method, path, schema, body) => {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${options.accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The deadline covers the body too: a reply that stalls half-way is a timeout like any other.
      text = await res.text();
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      const detail = timedOut ? `no answer within ${timeoutMs} ms` : redactSecrets(err instanceof Error ? err.message : String(err), [options.accessToken]);
      throw new CrmError(operation, detail, { category: timedOut ? 'TIMEOUT' : 'NETWORK' });
    }
    if (!res.ok) throw errorOf(operation, res.status, text, options.accessToken);
    if (!schema) return undefined as z.infer<NonNullable<typeof schema>>;
    const parsed = z.safeParse(schema, parseJson(text));
    if (!parsed.success) throw new CrmError(operation, `unexpected answer (${parsed.error.issues[0]?.message ?? 'not JSON'})`, { status: res.status });
    return parsed.data;
  };
}

/** Query string of comma-joined lists, empty lists left out. */
export const queryOf = (params: Record<string, readonly string[]>): string =>
  Object.entries(params).filter(([, v]) => v.length > 0).map(([k, v]) => `${k}=${encodeURIComponent(v.join(','))}`).join('&');

export function createFetchGateway(options: FetchGatewayOptions): RescoreGateway {
  const call = createFetchCall(options);
  const now = options.now ?? (() => new Date());
  const qs = queryOf;

  async function readCompany(id: string, props: readonly string[]): Promise<{ record: CrmRecord; history: ContactSnapshot['companyHistory'] } | null> {
    try {
      const company = await call(`read company ${id}`, 'GET', `/crm/v3/objects/companies/${id}?${qs({ properties: props, propertiesWithHistory: props })}`, ObjectSchema);
      return { record: record(company), history: toHistory(company.propertiesWithHistory, props) };
    } catch (error) {
      if (error instanceof NotFoundError) return null; // an association to a deleted company: decide without it
      throw error;
    }
  }

  async function readNotifications(taskIds: readonly string[]): Promise<NotificationRecord[]> {
    const pages = await Promise.all(chunk(taskIds).map((ids) => call(`batch read ${ids.length} tasks`, 'POST', '/crm/v3/objects/tasks/batch/read', BatchSchema,
      { inputs: ids.map((id) => ({ id })), properties: ['hs_task_body', 'hs_createdate', 'hubspot_owner_id'], propertiesWithHistory: [] })));
    const out: NotificationRecord[] = [];
    for (const task of pages.flatMap((p) => p.results)) {
      const p = task.properties ?? {};
      const key = markerKey(p['hs_task_body']);
      const createdAt = p['hs_createdate'];
      if (key !== null && createdAt) out.push({ dedupeKey: key, createdAt: isoOf(createdAt), ownerId: p['hubspot_owner_id'] ?? null });
    }
    return out;
  }

  const gateway: RescoreGateway = {
    ...createFetchRouting(call),
    async readSnapshot(contactId, contactProps, companyProps, historyProps = []) {
      let contact;
      try {
        // The activity history rides on the same GET (one object: far below HubSpot's history cap of 50).
        const query = historyProps.length > 0
          ? qs({ properties: contactProps, propertiesWithHistory: historyProps, associations: ['companies', 'tasks'] })
          : qs({ properties: contactProps, associations: ['companies', 'tasks'] });
        contact = await call(`read contact ${contactId}`, 'GET', `/crm/v3/objects/contacts/${contactId}?${query}`, ObjectSchema);
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
      const links = contact.associations?.['companies']?.results ?? [];
      const companyId = pickPrimaryCompany(links.map((r) => ({ id: String(r.id), typeIds: r.type === 'contact_to_company' ? [PRIMARY_CONTACT_TO_COMPANY] : [] })));
      const taskIds = [...new Set((contact.associations?.['tasks']?.results ?? []).map((r) => String(r.id)))]
        .sort((a, b) => Number(b) - Number(a)).slice(0, MAX_TASKS_READ);
      const [company, notifications] = await Promise.all([companyId ? readCompany(companyId, companyProps) : null, readNotifications(taskIds)]);
      return {
        contact: record(contact), company: company?.record ?? null, companyHistory: company?.history ?? {},
        contactHistory: historyProps.length > 0 ? toHistory(contact.propertiesWithHistory, historyProps) : {}, notifications,
      };
    },

    async countOwnerTasksSince(ownerId, sinceIso) {
      const res = await call(`count recent tasks of owner ${ownerId}`, 'POST', '/crm/v3/objects/tasks/search', SearchSchema, {
        filterGroups: [{ filters: [
          { propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId },
          { propertyName: 'hs_createdate', operator: 'GTE', value: String(Date.parse(sinceIso)) },
        ] }],
        properties: ['hs_object_id'], limit: 1,
      });
      return res.total;
    },

    async createTask(task) {
      const created = await call(`create task for contact ${task.contactId}`, 'POST', '/crm/v3/objects/tasks', ObjectSchema, {
        properties: taskProperties(task, now().toISOString()),
        associations: [{ to: { id: task.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }] }],
      });
      return { id: created.id };
    },

    async updateContact(contactId, properties) {
      await call(`update contact ${contactId}`, 'PATCH', `/crm/v3/objects/contacts/${contactId}`, null, { properties });
    },

    async getPropertyHistory(contactId, names) {
      const contact = await call(`read decision history of contact ${contactId}`, 'GET', `/crm/v3/objects/contacts/${contactId}?${qs({ properties: ['hs_object_id'], propertiesWithHistory: names })}`, ObjectSchema);
      return toHistory(contact.propertiesWithHistory, names);
    },
  };
  return gateway;
}

function record(object: z.infer<typeof ObjectSchema>): CrmRecord {
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(object.properties ?? {})) properties[name] = value ?? null;
  return { id: object.id, properties };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** HubSpot's JSON error body as our typed error; the token never reaches the message. */
function errorOf(operation: string, status: number, text: string, token: string): CrmError {
  const parsed = z.safeParse(ErrorBody, parseJson(text));
  const body = parsed.success ? parsed.data : {};
  const detail = redactSecrets(body.message ?? `HTTP ${status}`, [token]);
  const details = { status, category: body.category, correlationId: body.correlationId };
  if (status === 429) return new RateLimitError(operation, detail, { ...details, policyName: body.policyName });
  if (status === 404) return new NotFoundError(operation, detail, details);
  return new CrmError(operation, detail, details);
}

function isoOf(value: string): string {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}
