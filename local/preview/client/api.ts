// The page's calls to the preview server's JSON API.
import type { ActivityCounts, ActivityKind, ContactListPage, ContactListRequest } from '../backend.ts';

interface Failure { ok: false; message: string }

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json().catch(() => ({ ok: false, message: `${path} answered ${response.status}` }))) as (T & { ok: true }) | Failure;
  if (!body.ok) throw new Error(body.message);
  return body;
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function listContacts(request: Partial<ContactListRequest> & { q: string }): Promise<ContactListPage> {
  const params = new URLSearchParams({ q: request.q, limit: String(request.limit ?? 50), sort: request.sort ?? 'score' });
  if (request.tier) params.set('tier', request.tier);
  if (request.after) params.set('after', request.after);
  const { contacts, total, after } = await call<ContactListPage>(`/api/contacts?${params}`);
  return after ? { contacts, total, after } : { contacts, total };
}

export async function getContactProperties(id: string, names: string[]): Promise<Record<string, string | null>> {
  return (await call<{ properties: Record<string, string | null> }>(`/api/contacts/${encodeURIComponent(id)}/properties`, postJson({ names }))).properties;
}

export async function runFunction(name: string, contactId: string, parameters: Record<string, unknown>): Promise<unknown> {
  return (await call<{ result: unknown }>(`/api/functions/${encodeURIComponent(name)}`, postJson({ contactId, parameters }))).result;
}

export async function simulateActivity(contactId: string, kind: ActivityKind): Promise<ActivityCounts> {
  return (await call<{ counts: ActivityCounts }>(`/api/contacts/${encodeURIComponent(contactId)}/activity`, postJson({ kind }))).counts;
}

/** Whether the webhooks' re-score has caught up with every recorded change (null: the backend cannot tell). */
export async function rescoreSettled(): Promise<boolean | null> {
  return (await call<{ settled: boolean | null }>('/api/rescore')).settled;
}

export interface ReportPage { name: string; title: string; updatedAt: string }

export async function listReportPages(): Promise<ReportPage[]> {
  return (await call<{ pages: ReportPage[] }>('/api/reports')).pages;
}
