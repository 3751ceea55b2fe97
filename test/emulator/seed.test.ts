// The seed generator: deterministic, realistic mess, owners from config, and only on an empty db.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorStore, seedIfEmpty, seedStore } from '../../local/emulator/index.ts';

const NOW = Date.UTC(2026, 10, 1);
const NO_CONFIG = '/nonexistent/decisions.json';
const stores: EmulatorStore[] = [];
function seeded(seed: number, contacts: number, ownersConfig = NO_CONFIG): EmulatorStore {
  const s = new EmulatorStore(':memory:');
  stores.push(s);
  seedStore(s, { seed, contacts, now: NOW, ownersConfig });
  return s;
}
afterAll(() => { for (const s of stores) s.close(); });

const allProps = (s: EmulatorStore, type: 'contacts' | 'companies' | 'deals') =>
  (s.db.prepare('SELECT id, props FROM objects WHERE type = ? ORDER BY id').all(type) as { id: number; props: string }[]);

describe('determinism', () => {
  it('gives the same records for the same seed and a different set for another seed', () => {
    const [a, b, c] = [seeded(5, 300), seeded(5, 300), seeded(6, 300)];
    expect(allProps(a, 'contacts')).toEqual(allProps(b, 'contacts'));
    expect(allProps(a, 'deals')).toEqual(allProps(b, 'deals'));
    expect(allProps(a, 'contacts')).not.toEqual(allProps(c, 'contacts'));
  });
});

describe('realistic mess in 3,000 contacts', () => {
  let s: EmulatorStore;
  let contacts: Record<string, string>[];
  beforeAll(() => {
    s = seeded(1, 3000);
    contacts = allProps(s, 'contacts').map((r) => JSON.parse(r.props) as Record<string, string>);
  });
  const share = (pred: (c: Record<string, string>) => boolean) => contacts.filter(pred).length / contacts.length;

  it('has free-mail, mixed-case, invalid and missing emails', () => {
    expect(share((c) => /@(gmail\.com|yahoo\.com|gmx\.de|hotmail\.com|outlook\.com|web\.de|orange\.fr)$/i.test(c.email ?? ''))).toBeGreaterThan(0.05);
    expect(share((c) => c.email !== undefined && c.email !== c.email.toLowerCase())).toBeGreaterThan(0.03);
    expect(share((c) => c.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email))).toBeGreaterThan(0.005);
    expect(share((c) => c.email === undefined)).toBeGreaterThan(0.01);
  });

  it('has phones in many formats, countries in several languages and international job titles', () => {
    const phones = contacts.flatMap((c) => (c.phone ? [c.phone] : []));
    expect(phones.some((p) => p.startsWith('+49'))).toBe(true);
    expect(phones.some((p) => p.startsWith('0049'))).toBe(true);
    expect(phones.some((p) => /^\(\d{3}\) /.test(p))).toBe(true);
    expect(share((c) => c.phone === undefined)).toBeGreaterThan(0.2);
    const countries = new Set(contacts.map((c) => c.country));
    for (const name of ['Germany', 'Deutschland', 'USA', 'España', 'Royaume-Uni']) expect(countries).toContain(name);
    const titles = new Set(contacts.map((c) => c.jobtitle));
    for (const title of ['Geschäftsführer', 'Directeur Général', 'Director General', 'CEO', 'Student']) expect(titles).toContain(title);
  });

  it('skews engagement like a power law and covers every lifecycle stage', () => {
    const views = contacts.map((c) => Number(c.hs_analytics_num_page_views)).sort((a, b) => a - b);
    const median = views[Math.floor(views.length / 2)]!;
    expect(views[views.length - 1]!).toBeGreaterThan(20 * Math.max(1, median));
    expect(share((c) => c.hs_analytics_num_page_views === '0')).toBeGreaterThan(0.2);
    expect(share((c) => Number(c.num_conversion_events) > 0)).toBeGreaterThan(0.2);
    expect(share((c) => c.hs_analytics_last_visit_timestamp !== undefined && Date.parse(c.hs_analytics_last_visit_timestamp) <= NOW)).toBeGreaterThan(0.5);
    expect(new Set(contacts.map((c) => c.lifecyclestage))).toEqual(new Set(['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other', undefined]));
  });

  it('associates contacts to companies, several per domain, and has deals tied to both', () => {
    const perCompany = s.db.prepare("SELECT to_id, count(*) n FROM assoc WHERE to_type = 'companies' AND type_id = 279 GROUP BY to_id ORDER BY n DESC").all() as { n: number }[];
    expect(perCompany[0]!.n).toBeGreaterThan(5);
    const deals = allProps(s, 'deals').map((r) => JSON.parse(r.props) as Record<string, string>);
    expect(deals.length).toBeGreaterThan(50);
    expect(new Set(deals.map((d) => d.dealstage))).toContain('closedwon');
    expect(deals.every((d) => Number(d.amount) >= 1000 && d.closedate !== undefined)).toBe(true);
    const dealId = allProps(s, 'deals')[0]!.id;
    expect(s.associations.list(dealId, 'contacts').links).toHaveLength(1);
    expect(s.associations.list(dealId, 'companies').links).toHaveLength(1);
  });

  it('keeps the human edits of some contacts in property history as CRM_UI', () => {
    const row = s.db.prepare("SELECT id FROM history WHERE name = 'lifecyclestage' LIMIT 1").get() as { id: number };
    const view = s.read('contacts', String(row.id), { properties: ['lifecyclestage'], propertiesWithHistory: ['lifecyclestage', 'email'] });
    if (!view.ok) throw new Error(view.failure.message);
    const history = view.value.propertiesWithHistory!;
    expect(history.lifecyclestage!.map((h) => h.sourceType)).toEqual(['CRM_UI', 'CRM_UI']);
    expect(history.lifecyclestage!.at(-1)!.value).toBe('subscriber');
  });
});

describe('owners and seeding rules', () => {
  it('reads owners from routing.owners in the config, else uses the default 101–108', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-owners-'));
    const file = join(dir, 'decisions.json');
    writeFileSync(file, JSON.stringify({ routing: { owners: [{ id: '201', name: 'Zed Zulu', email: 'zed@example.com', team: 'Mars', available: false }] } }));
    const fromConfig = seeded(1, 0, file);
    expect(fromConfig.owners.list({ limit: 10, archived: false }).owners.map((o) => [o.id, o.firstName, o.lastName, o.teams[0]!.name])).toEqual([['201', 'Zed', 'Zulu', 'Mars']]);
    const fallback = seeded(1, 0);
    expect(fallback.owners.list({ limit: 10, archived: false }).owners.map((o) => o.id)).toEqual(['101', '102', '103', '104', '105', '106', '107', '108']);
  });

  it('seeds only an empty db', () => {
    const s = new EmulatorStore(':memory:');
    stores.push(s);
    expect(seedIfEmpty(s, { contacts: 50, now: NOW, ownersConfig: NO_CONFIG })?.contacts).toBe(50);
    expect(seedIfEmpty(s, { contacts: 50, now: NOW, ownersConfig: NO_CONFIG })).toBeNull();
    expect(s.count('contacts')).toBe(50);
  });

  it('indexes seeded values so search finds them, non-ASCII case included', () => {
    const s = seeded(2, 400);
    const anyGerman = allProps(s, 'contacts').map((r) => JSON.parse(r.props) as Record<string, string>).find((c) => c.lastname === 'Müller')!;
    const r = s.search('contacts', { filterGroups: [{ filters: [{ propertyName: 'lastname', operator: 'EQ', value: 'MÜLLER' }] }], limit: 200, after: 0 }, ['lastname']);
    if (!r.ok) throw new Error(r.failure.message);
    expect(r.value.total).toBeGreaterThan(0);
    expect(r.value.results.every((x) => x.properties.lastname === anyGerman.lastname)).toBe(true);
  });

  it('keeps search right when seeded records are edited before their property was first searched', () => {
    const s = seeded(4, 200);
    const id = String(allProps(s, 'contacts')[10]!.id);
    const edited = s.update('contacts', id, { jobtitle: 'Chief Emulator Officer' });
    if (!edited.ok) throw new Error(edited.failure.message);
    const find = (value: string) => {
      const r = s.search('contacts', { filterGroups: [{ filters: [{ propertyName: 'jobtitle', operator: 'EQ', value }] }], limit: 200, after: 0 }, []);
      if (!r.ok) throw new Error(r.failure.message);
      return r.value.results.map((x) => x.id);
    };
    expect(find('chief emulator officer')).toEqual([id]);
    const other = allProps(s, 'contacts').map((r) => ({ id: String(r.id), title: (JSON.parse(r.props) as Record<string, string>).jobtitle })).find((c) => c.title && c.id !== id)!;
    expect(find(other.title!)).toContain(other.id);
  });
});
