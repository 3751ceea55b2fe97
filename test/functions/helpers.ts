// A provisioned throwaway emulator for the app-function tests, contacts built from plain
// properties, and the sequential round-trip depth of a call read from the request log.
import { Client } from '@hubspot/api-client';
import { startEmulator, type EmulatorOptions, type RequestLogEntry, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { runProvision } from '../../lib/provision/outcome.ts';
import { functionConfig } from '../../lib/functions/shell.ts';
import { FUNCTION_RETRIES } from '../../lib/functions/adapters.ts';

export interface FunctionEmulator {
  emu: RunningEmulator;
  client: Client;
  /** What the functions read from process.env inside HubSpot, pointed at the emulator. */
  env: { HUBSPOT_ACCESS_TOKEN: string; HUBSPOT_BASE_URL: string };
}

/**
 * Starts an in-memory emulator on a random port and provisions the contract properties.
 * The api-client keeps one Client per (base URL, token), so provisioning uses the functions' own
 * retry count for the same token.
 */
export async function startFunctionEmulator(options: EmulatorOptions = {}, token = 'test'): Promise<FunctionEmulator> {
  const emu = await startEmulator({ port: 0, db: ':memory:', contacts: 5, seed: 11, ...options });
  const outcome = await runProvision(createHubSpotGateway({ accessToken: token, basePath: emu.url, retries: FUNCTION_RETRIES }), functionConfig().classification.tracks);
  if (outcome.exitCode !== 0) throw new Error(`provisioning failed: ${outcome.lines.join(' / ')}`);
  // The api-client's retry setting is process-global and set by the newest Client: give this one
  // the functions' own count, or it would turn off their retries.
  const client = new Client({ accessToken: 'test-reader', basePath: emu.url, numberOfApiCallRetries: FUNCTION_RETRIES });
  return { emu, client, env: { HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_BASE_URL: emu.url } };
}

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

/** A contact that scores high: engaged this week, a CEO at a mid-size software company. */
export const HIGH_INTENT_CONTACT = (suffix: string): Record<string, string> => ({
  email: `ceo.${suffix}@orbitsoft.io`, firstname: 'Ada', lastname: `Lovelace ${suffix}`, jobtitle: 'CEO',
  country: 'Germany', phone: '+49 30 901820', lifecyclestage: 'lead',
  hs_analytics_num_page_views: '5', num_conversion_events: '3', hs_analytics_last_visit_timestamp: daysAgo(1),
});
export const SOFTWARE_COMPANY = { domain: 'orbitsoft.io', name: 'Orbit Soft', industry: 'COMPUTER_SOFTWARE', numberofemployees: '400' };

/** Properties HubSpot computes itself (read-only through the API): set as the emulator's own analytics would. */
const isAnalytics = (name: string): boolean => name.startsWith('hs_analytics_') || name === 'num_conversion_events' || name === 'recent_conversion_date';

/** Creates a contact (and its company, associated as primary, when given) through the API. */
export async function createContact(fx: FunctionEmulator, properties: Record<string, string>, company?: Record<string, string>): Promise<string> {
  const associations = [];
  if (company) {
    const created = await fx.client.crm.companies.basicApi.create({ properties: company, associations: [] });
    associations.push({ to: { id: created.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] });
  }
  const writable = Object.fromEntries(Object.entries(properties).filter(([k]) => !isAnalytics(k)));
  const analytics = Object.fromEntries(Object.entries(properties).filter(([k]) => isAnalytics(k)));
  const contact = await fx.client.crm.contacts.basicApi.create({ properties: writable, associations } as never);
  if (Object.keys(analytics).length > 0) setAnalytics(fx, contact.id, analytics);
  return contact.id;
}

/** Changes what HubSpot tracks about a contact (page views, form submissions), as its analytics would. */
export function setAnalytics(fx: FunctionEmulator, contactId: string, properties: Record<string, string>): void {
  const updated = fx.emu.store.updateContact(contactId, properties, { sourceType: 'ANALYTICS', sourceId: 'analytics' });
  if (!updated.ok) throw new Error(`could not set ${Object.keys(properties).join(', ')} on contact ${contactId}`);
}

/** Ids of the tasks associated with a contact, read from the emulator's store (no API call, so faults do not touch it). */
export function taskIdsOf(fx: FunctionEmulator, contactId: string): string[] {
  return fx.emu.store.associations.list(Number(contactId), 'tasks').links.map((l) => String(l.toId));
}

/** The contact as the emulator stores it (every property, no API call). */
export function storedContact(emu: RunningEmulator, contactId: string): Record<string, string | null> {
  const view = emu.store.getContact(contactId);
  if (!view) throw new Error(`contact ${contactId} is not in the emulator`);
  return view.properties as Record<string, string | null>;
}

/** Method and path of each logged request, e.g. "PATCH /crm/v3/objects/contacts/12". */
export const callsIn = (entries: readonly RequestLogEntry[]): string[] => entries.map((e) => `${e.method} ${e.path}`);

/**
 * The longest chain of requests where each one started only after the previous one ended:
 * how many HubSpot round trips a caller waited for one after another. Requests that ran side
 * by side overlap in time, provided the emulator adds latency (setFaults({ latencyMs })) so that
 * two concurrent requests cannot be served back to back; `overlapMs` (half that latency) absorbs
 * the millisecond rounding of the log's timestamps.
 */
export function sequentialDepth(entries: readonly RequestLogEntry[], overlapMs: number): number {
  const spans = entries.map((e) => ({ start: e.at - e.durationMs, end: e.at })).sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    let best = 1;
    for (let j = 0; j < i; j++) {
      if (spans[i]!.start >= spans[j]!.end - overlapMs) best = Math.max(best, depth[j]! + 1);
    }
    depth.push(best);
  }
  return Math.max(0, ...depth);
}
