// The preview page's backend in the sandbox: contacts from the emulator through the real
// HubSpot client, and the real app-function handlers run in-process, as HubSpot would run them.
import type { Client } from '@hubspot/api-client';
import type { PreviewBackend } from '../../local/preview/index.ts';
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

/** `config` is the sandbox's rules (its --config), so Re-score decides as the start-up scoring did. */
export function createSandboxBackend(client: Client, env: Env, config: Config): PreviewBackend {
  return {
    async listContacts(query, limit) {
      const request = {
        query: query.trim() || undefined,
        sorts: [{ propertyName: 'lead_score', direction: 'DESCENDING' }],
        properties: ['firstname', 'lastname', 'email', 'routing_tier', 'lead_score'],
        limit,
      } as unknown as SearchRequest;
      const res = await client.crm.contacts.searchApi.doSearch(request);
      return res.results.map((c) => {
        const p = c.properties;
        const name = [p['firstname'], p['lastname']].filter(Boolean).join(' ') || p['email'] || `Contact ${c.id}`;
        const score = p['lead_score'];
        return { id: String(c.id), name, email: p['email'] ?? null, tier: p['routing_tier'] ?? null, leadScore: score ? Number(score) : null };
      });
    },
    async getContactProperties(id, names) {
      const contact = await client.crm.contacts.basicApi.getById(id, names);
      return Object.fromEntries(names.map((n) => [n, contact.properties[n] ?? null]));
    },
    async runFunction(name, parameters, contactId) {
      const fn = APP_FUNCTIONS[name];
      if (!fn) throw new Error(`No app function named "${name}" (known: ${Object.keys(APP_FUNCTIONS).join(', ')})`);
      return fn({ parameters: { contactId, ...parameters } }, env, config);
    },
  };
}
