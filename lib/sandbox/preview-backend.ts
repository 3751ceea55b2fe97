// The preview page's backend in the sandbox: contacts from the emulator through the real
// HubSpot client, and the real app-function handlers run in-process, as HubSpot would run them.
// Simulated activity goes straight into the emulator's store, as HubSpot's tracking would write it.
import type { Client } from '@hubspot/api-client';
import type { EmulatorStore } from '../../local/emulator/store/emulator-store.ts';
import { PAGE_VIEWS_PER_VISIT, UnknownFunctionError, placeholderId, type ActivityCounts, type ActivityKind, type PreviewBackend } from '../../local/preview/index.ts';
import { handleHistory } from '../functions/decision_history.ts';
import { handleRescore } from '../functions/rescore_contact.ts';
import type { Config } from '../core/config.ts';
import type { Env } from '../functions/shell.ts';

type SearchRequest = Parameters<Client['crm']['contacts']['searchApi']['doSearch']>[0];

type AppFunction = (context: { parameters: Record<string, unknown> }, env: Env, config: Config) => Promise<unknown>;

export const APP_FUNCTIONS: Record<string, AppFunction> = {
  rescore_contact: handleRescore,
  decision_history: (context, env) => handleHistory(context, env),
};

/** What simulating activity needs: the emulator's store (it may write read-only properties) and a clock. */
export interface ActivityRecorder {
  store: Pick<EmulatorStore, 'getContact' | 'updateContact'>;
  now: () => Date;
}

/** The conversion a simulated form submission records: a high-intent form, so it shows in the score. */
export const SANDBOX_FORM = 'Demo request';

// Tracking, not a person or an integration, sets these in HubSpot; the history says so. Every step
// is one dated history entry per counter, the same shape the seed and HubSpot give the engine.
const TRACKING_SOURCE = { sourceType: 'ANALYTICS', sourceId: 'lead-decisions-sandbox' };

const count = (value: unknown) => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** Adds one visit of PAGE_VIEWS_PER_VISIT pages, or one form submission (made during a visit), at `now`. */
export function recordActivity(recorder: ActivityRecorder, contactId: string, kind: ActivityKind): ActivityCounts {
  const contact = recorder.store.getContact(contactId);
  if (!contact) throw new Error(`Contact ${contactId} does not exist`);
  const p = contact.properties;
  const counts = { pageViews: count(p['hs_analytics_num_page_views']), formSubmissions: count(p['num_conversion_events']) };
  const when = recorder.now();
  const at = when.toISOString();
  if (kind === 'page_views') counts.pageViews += PAGE_VIEWS_PER_VISIT;
  else counts.formSubmissions += 1;
  const write = kind === 'page_views'
    ? { hs_analytics_num_page_views: String(counts.pageViews), hs_analytics_last_visit_timestamp: at }
    : { num_conversion_events: String(counts.formSubmissions), recent_conversion_date: at, recent_conversion_event_name: SANDBOX_FORM, hs_analytics_last_visit_timestamp: at };
  // Dated at the recorder's clock (not the store's), so each step is an increment at its own time.
  const written = recorder.store.updateContact(contactId, write, { ...TRACKING_SOURCE, at: when.getTime() });
  if (!written.ok) throw new Error(`The emulator refused the activity: ${written.failure.message}`);
  return counts;
}

/**
 * `config` is the sandbox's rules (its --config), so Re-score decides as the start-up scoring did.
 * With `activity`, the page also offers "Simulate activity" (PreviewBackend.simulateActivity).
 */
export function createSandboxBackend(client: Client, env: Env, config: Config, activity?: ActivityRecorder, options: { autoRescore?: boolean; rescoreSettled?: () => Promise<boolean> } = {}): PreviewBackend {
  const backend: PreviewBackend = {
    autoRescore: options.autoRescore ?? false,
    async listContacts(req) {
      const id = placeholderId(req.q);
      const filters = [
        ...(id ? [{ propertyName: 'hs_object_id', operator: 'EQ', value: id }] : []),
        ...(req.tier === 'unscored' ? [{ propertyName: 'routing_tier', operator: 'NOT_HAS_PROPERTY' }] : req.tier ? [{ propertyName: 'routing_tier', operator: 'EQ', value: req.tier }] : []),
      ];
      const request = {
        // "Contact 2620" is the placeholder the list shows for a contact without a name or email: look it up by id.
        query: id ? undefined : req.q.trim() || undefined,
        filterGroups: filters.length > 0 ? [{ filters }] : [],
        sorts: [req.sort === 'newest' ? { propertyName: 'createdate', direction: 'DESCENDING' } : { propertyName: 'lead_score', direction: 'DESCENDING' }],
        properties: ['firstname', 'lastname', 'email', 'routing_tier', 'lead_score'],
        limit: req.limit,
        ...(req.after ? { after: req.after } : {}),
      } as unknown as SearchRequest;
      const res = await client.crm.contacts.searchApi.doSearch(request);
      const contacts = res.results.map((c) => {
        const p = c.properties;
        const name = [p['firstname'], p['lastname']].filter(Boolean).join(' ') || p['email'] || `Contact ${c.id}`;
        const score = p['lead_score'];
        return { id: String(c.id), name, email: p['email'] ?? null, tier: p['routing_tier'] ?? null, leadScore: score ? Number(score) : null };
      });
      const after = res.paging?.next?.after;
      return after ? { contacts, total: res.total, after } : { contacts, total: res.total };
    },
    async getContactProperties(id, names) {
      const contact = await client.crm.contacts.basicApi.getById(id, names);
      return Object.fromEntries(names.map((n) => [n, contact.properties[n] ?? null]));
    },
    async runFunction(name, parameters, contactId) {
      // Own keys only: "constructor" or "toString" must not reach Object.prototype.
      const fn = Object.hasOwn(APP_FUNCTIONS, name) ? APP_FUNCTIONS[name] : undefined;
      if (!fn) throw new UnknownFunctionError(`No app function named "${name}" (known: ${Object.keys(APP_FUNCTIONS).join(', ')})`);
      return fn({ parameters: { contactId, ...parameters } }, env, config);
    },
  };
  if (options.rescoreSettled) backend.rescoreSettled = options.rescoreSettled;
  if (activity) backend.simulateActivity = async (contactId, kind) => recordActivity(activity, contactId, kind);
  return backend;
}
