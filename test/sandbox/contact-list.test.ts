// The sandbox's contact list against the emulator, through the real client and the preview's HTTP
// route: tier filter, paging, placeholder-name search, and new unscored contacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotGateway, getHubSpotClient } from '../../lib/adapters/index.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { loadConfig } from '../../lib/config/load.ts';
import type { Config } from '../../lib/core/config.ts';
import { createSandboxBackend } from '../../lib/sandbox/preview-backend.ts';
import { createPreviewApp, placeholderId, type ContactListPage, type ContactListRequest, type PreviewBackend } from '../../local/preview/index.ts';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';

let emu: RunningEmulator;
let backend: PreviewBackend;
let unnamedId: string;
const stored = (tier: string | null) => emu.store.db.prepare(
  `SELECT count(*) FROM objects WHERE type = 'contacts' AND archived = 0 AND ${tier === null ? "json_extract(props, '$.routing_tier') IS NULL" : "json_extract(props, '$.routing_tier') = ?"}`,
).pluck().get(...(tier === null ? [] : [tier])) as number;

beforeAll(async () => {
  emu = await startEmulator({ db: ':memory:', port: 0, contacts: 180, seed: 5 });
  await runProvision(createHubSpotGateway({ accessToken: 't', basePath: emu.url }), [{ id: 'general', label: 'General' }]);
  const loaded = await loadConfig();
  if (!loaded.ok) throw new Error(loaded.message);
  const config: Config = loaded.config;
  // As the sandbox builds it: paced and retrying, since search is limited to 5 calls a second.
  const client = getHubSpotClient({ accessToken: 't', basePath: emu.url, retries: 3, limiter: { maxConcurrent: 1, minTime: 210 } });
  backend = createSandboxBackend(client, { HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_BASE_URL: emu.url }, config);
  // A contact created after scoring, with neither a name nor an email: listed as "Contact <id>", not scored.
  unnamedId = (await client.crm.contacts.basicApi.create({ properties: { jobtitle: 'CTO' }, associations: [] })).id;
});
afterAll(async () => { await emu.close(); });

const list = (r: Partial<ContactListRequest>) => backend.listContacts({ q: '', sort: 'score', limit: 50, ...r });

async function all(r: Partial<ContactListRequest>): Promise<ContactListPage['contacts']> {
  const out: ContactListPage['contacts'] = [];
  let after: string | undefined;
  do {
    const page = await list({ ...r, ...(after ? { after } : {}) });
    out.push(...page.contacts);
    after = page.after;
  } while (after);
  return out;
}

describe('the sandbox contact list', () => {
  it.each(['high', 'medium', 'low'] as const)('filters by tier %s and pages through all of them', async (tier) => {
    const first = await list({ tier });
    expect(first.total).toBe(stored(tier));
    const every = await all({ tier });
    expect(every).toHaveLength(first.total);
    expect(new Set(every.map((c) => c.id)).size).toBe(every.length);
    expect(every.every((c) => c.tier === tier)).toBe(true);
  });

  it('lists the unscored contacts, the newly created one first when sorted by newest', async () => {
    const unscored = await list({ tier: 'unscored', sort: 'newest' });
    expect(unscored.total).toBe(stored(null));
    expect(unscored.contacts[0]).toEqual({ id: unnamedId, name: `Contact ${unnamedId}`, email: null, tier: null, leadScore: null });
    expect((await list({ sort: 'newest', limit: 1 })).contacts[0]!.id).toBe(unnamedId);
  });

  it.each([(id: string) => `Contact ${id}`, (id: string) => `contact #${id}`, (id: string) => ` ${id} `])('finds a placeholder name by its id (%#)', async (query) => {
    const found = await list({ q: query(unnamedId) });
    expect(found.contacts.map((c) => c.id)).toEqual([unnamedId]);
  });

  it.each([['Contact 2620', '2620'], ['contact #17', '17'], ['42', '42'], ['Contact Anna', null], ['2620 Main St', null]])('placeholderId(%j) = %j', (q, id) => {
    expect(placeholderId(q)).toBe(id);
  });
});

describe('the list route', () => {
  it('passes tier, sort and paging through and refuses bad values', async () => {
    const app = await createPreviewApp(backend);
    const res = await app.request('/api/contacts?q=&tier=high&limit=10&sort=newest');
    const body = await res.json() as { ok: boolean } & ContactListPage;
    expect(body.ok).toBe(true);
    expect(body.contacts).toHaveLength(Math.min(10, stored('high')));
    expect(body.total).toBe(stored('high'));
    const next = await app.request(`/api/contacts?q=&tier=high&limit=10&sort=newest&after=${body.after}`);
    const page2 = await next.json() as ContactListPage;
    expect(page2.contacts.map((c) => c.id).some((id) => body.contacts.some((c) => c.id === id))).toBe(false);
    for (const bad of ['tier=top', 'sort=name', 'after=abc', 'limit=500']) {
      expect((await app.request(`/api/contacts?${bad}`)).status).toBe(400);
    }
  });
});
