// Deterministic seed data with realistic mess: companies with domains and owners, contacts with free-mail and
// mixed-case emails, phones in many formats, countries in many languages, power-law engagement, all lifecycle
// stages, deals for funnel reports. Same seed + same `now` → same data.
import { chance, createRng, intBetween, pick, type Rng } from '../prng.ts';
import type { EmulatorStore } from '../store/emulator-store.ts';
import type { WriteSource } from '../store/objects-repo.ts';
import { DEAL_STAGES, INDUSTRIES, LEAD_STATUSES, LIFECYCLE_STAGES } from '../store/standard-properties.ts';
import { DEFAULT_SCORING_VERSIONS, SeedHistory, type HistoryRow, type ScoringVersions } from './history.ts';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, COUNTRIES, COUNTRY_WEIGHTS, DEAL_PRODUCTS, FIRST_NAMES, FREE_MAIL, JOB_TITLES, LAST_NAMES, LEAD_SOURCES, MESSAGES, TLDS, type CountrySpec } from './data.ts';

export interface GenerateOptions { seed: number; contacts: number; now: number; ownerIds: string[]; scoringVersions?: ScoringVersions }
export interface GeneratedCounts { companies: number; contacts: number; deals: number; /** Contacts whose lifecycle stage a person moved (CRM_UI history). */ editedContacts: number }

const DAY = 86_400_000;
const SEED_SOURCE: WriteSource = { sourceType: 'CRM_UI', sourceId: 'userId:5000001', allowReadOnly: true, recordHistory: false, trusted: true };
const LIFECYCLE_WEIGHTS = [25, 30, 15, 8, 6, 8, 2, 2];

function weighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) { r -= weights[i] ?? 0; if (r < 0) return items[i] as T; }
  return items[items.length - 1] as T;
}

/** Pareto-distributed count: most values small, a long tail of heavy users. */
const powerLaw = (rng: Rng, alpha: number, scale: number, max: number): number => Math.min(max, Math.floor(scale * (Math.pow(1 - rng(), -1 / alpha) - 1)));
const slug = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
const iso = (ms: number): string => new Date(ms).toISOString();

interface SeedCompany { id: number; domain: string; name: string; country: CountrySpec; ownerId: string | null; contactIds: number[] }

function makeCompanies(store: EmulatorStore, rng: Rng, count: number, o: GenerateOptions): SeedCompany[] {
  const out: SeedCompany[] = [];
  const domains = new Set<string>();
  for (let i = 0; i < count; i++) {
    const name = `${pick(rng, COMPANY_PREFIXES)} ${pick(rng, COMPANY_SUFFIXES)}${i >= COMPANY_PREFIXES.length * COMPANY_SUFFIXES.length / 2 ? ` ${i}` : ''}`;
    let domain = `${slug(name.replace(/ (GmbH|AG|SARL|S\.A\.|S\.L\.|Ltd|Inc\.|LLC)$/, ''))}.${pick(rng, TLDS)}`;
    while (domains.has(domain)) domain = `${domain.split('.')[0]}${intBetween(rng, 2, 999)}.${domain.split('.').slice(1).join('.')}`;
    domains.add(domain);
    const country = weighted(rng, COUNTRIES, COUNTRY_WEIGHTS);
    const ownerId = chance(rng, 0.4) ? pick(rng, o.ownerIds) : null;
    const employees = chance(rng, 0.85) ? Math.max(1, powerLaw(rng, 0.9, 12, 250_000)) : null;
    const props: Record<string, string> = {
      name: chance(rng, 0.05) ? name.toUpperCase() : name, domain: chance(rng, 0.03) ? `www.${domain}` : domain,
      country: pick(rng, country.names), createdate: iso(o.now - intBetween(rng, 30, 1500) * DAY),
    };
    if (chance(rng, 0.85)) props.industry = pick(rng, INDUSTRIES);
    if (employees !== null) props.numberofemployees = String(employees);
    if (employees !== null && chance(rng, 0.5)) props.annualrevenue = String(employees * intBetween(rng, 80, 400) * 1000);
    if (chance(rng, 0.5)) props.website = `https://www.${domain}`;
    if (country.states && chance(rng, 0.7)) props.state = pick(rng, country.states);
    if (chance(rng, 0.6)) props.city = pick(rng, country.cities);
    if (ownerId) props.hubspot_owner_id = ownerId;
    const r = store.objects.create('companies', props, { ...SEED_SOURCE, at: Date.parse(props.createdate!) });
    if (!r.ok) throw new Error(`seed company rejected: ${r.failure.message}`);
    out.push({ id: r.value.id, domain, name, country, ownerId, contactIds: [] });
  }
  return out;
}

function makeEmail(rng: Rng, first: string, last: string, company: SeedCompany | null, used: Set<string>): string | null {
  if (chance(rng, 0.04)) return null;
  const f = slug(first) || 'info';
  const l = slug(last) || 'contact';
  const domain = company && !chance(rng, 0.1) ? company.domain : pick(rng, FREE_MAIL);
  const local = pick(rng, [`${f}.${l}`, `${f[0]}${l}`, `${f}`, `${f}_${l}`, `${l}.${f}`, `${f}${intBetween(rng, 1, 99)}`]);
  let email = chance(rng, 0.02) ? pick(rng, [`${local}@`, `${local}@@${domain}`, `${local} at ${domain}`, `${local}@${domain.split('.')[0]}`]) : `${local}@${domain}`;
  if (chance(rng, 0.1)) email = email.replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_m, c: string) => `@${c.toUpperCase()}`);
  if (chance(rng, 0.02)) email = ` ${email} `;
  let candidate = email;
  for (let n = 2; used.has(candidate.trim().toLowerCase()); n++) candidate = email.replace('@', `${n}@`);
  used.add(candidate.trim().toLowerCase());
  return candidate;
}

function contactProps(rng: Rng, o: GenerateOptions, company: SeedCompany | null, used: Set<string>): Record<string, string> {
  const country = company && chance(rng, 0.8) ? company.country : weighted(rng, COUNTRIES, COUNTRY_WEIGHTS);
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const created = o.now - Math.floor(powerLaw(rng, 1.2, 60, 1400) + rng() * 5) * DAY - intBetween(rng, 0, DAY);
  const p: Record<string, string> = { createdate: iso(created) };
  if (chance(rng, 0.95)) p.firstname = first;
  if (chance(rng, 0.9)) p.lastname = last;
  const email = makeEmail(rng, first, last, company, used);
  if (email) p.email = email;
  if (chance(rng, 0.65)) p.phone = pick(rng, country.phones)(rng);
  if (chance(rng, 0.15)) p.mobilephone = pick(rng, country.phones)(rng);
  if (chance(rng, 0.8)) p.country = pick(rng, country.names);
  if (country.states && chance(rng, 0.6)) p.state = pick(rng, country.states);
  if (chance(rng, 0.5)) p.city = pick(rng, country.cities);
  if (chance(rng, 0.85)) p.jobtitle = pick(rng, JOB_TITLES);
  if (company && chance(rng, 0.7)) p.company = chance(rng, 0.2) ? company.name.toLowerCase() : company.name;
  if (company && chance(rng, 0.3)) p.website = pick(rng, [`https://${company.domain}`, `www.${company.domain}`, `http://${company.domain}/about`, company.domain]);
  if (chance(rng, 0.92)) p.lifecyclestage = weighted(rng, LIFECYCLE_STAGES.map((s) => s[0]), LIFECYCLE_WEIGHTS);
  if (chance(rng, 0.3)) p.hs_lead_status = pick(rng, LEAD_STATUSES)[0];
  if (chance(rng, 0.3)) p.hubspot_owner_id = company?.ownerId && chance(rng, 0.7) ? company.ownerId : pick(rng, o.ownerIds);
  const views = chance(rng, 0.3) ? 0 : powerLaw(rng, 1.1, 3, 5000);
  const forms = chance(rng, 0.55) ? 0 : powerLaw(rng, 1.6, 1.5, 60);
  p.hs_analytics_num_page_views = String(views);
  p.hs_analytics_num_visits = String(Math.ceil(views / intBetween(rng, 1, 4)));
  p.num_conversion_events = String(forms);
  p.hs_analytics_source = pick(rng, LEAD_SOURCES);
  if (views > 0) {
    const lastVisit = Math.max(created, o.now - Math.floor(powerLaw(rng, 1.0, 4, 500) * DAY) - intBetween(rng, 0, DAY));
    p.hs_analytics_last_visit_timestamp = iso(lastVisit);
    p.hs_analytics_first_timestamp = iso(created);
  }
  if (forms > 0) {
    p.recent_conversion_date = iso(Math.max(created, o.now - intBetween(rng, 0, 300) * DAY));
    p.recent_conversion_event_name = pick(rng, ['Contact us', 'Demo request', 'Newsletter signup', 'Whitepaper download', 'Pricing page form']);
    p.first_conversion_date = iso(created);
    if (chance(rng, 0.6)) p.message = pick(rng, MESSAGES);
  }
  if (chance(rng, 0.2)) p.notes_last_contacted = iso(Math.max(created, o.now - intBetween(rng, 0, 200) * DAY));
  return p;
}

export function generate(store: EmulatorStore, o: GenerateOptions): GeneratedCounts {
  const rng = createRng(o.seed);
  const companies = makeCompanies(store, rng, Math.max(1, Math.round(o.contacts / 5)), o);
  const used = new Set<string>();
  const history = store.db.prepare('INSERT INTO history (id, name, value, ts, source_type, source_id) VALUES (?, ?, ?, ?, ?, ?)');
  const patch = store.db.prepare('UPDATE objects SET props = json_patch(props, ?) WHERE id = ?');
  const dated = new SeedHistory(createRng(o.seed ^ 0x5eed_da7e), o.now, o.scoringVersions ?? DEFAULT_SCORING_VERSIONS);
  const addRows = (id: number, rows: readonly HistoryRow[]) => { for (const [name, value, ts, [type, source]] of rows) history.run(id, name, value, ts, type, source); };
  let edited = 0;
  for (let i = 0; i < o.contacts; i++) {
    // Skewed: a few companies collect many contacts.
    const company = chance(rng, 0.75) ? companies[Math.floor(Math.pow(rng(), 1.8) * companies.length)]! : null;
    const props = contactProps(rng, o, company, used);
    dated.contact(props, 'c');
    const r = store.objects.create('contacts', props, { ...SEED_SOURCE, at: Date.parse(props.createdate!) });
    if (!r.ok) throw new Error(`seed contact rejected: ${r.failure.message}`);
    const id = r.value.id;
    const extra = dated.take('c');
    addRows(id, extra.rows);
    if (Object.keys(extra.product).length > 0) patch.run(JSON.stringify(extra.product), id);
    if (company) { store.associations.add('contacts', id, 'companies', company.id, 279); store.associations.add('contacts', id, 'companies', company.id, 1); company.contactIds.push(id); }
    if (props.lifecyclestage && props.lifecyclestage !== 'subscriber' && chance(rng, 0.1)) {
      // A human moved this contact along: the earlier stage stays in property history.
      const created = Date.parse(props.createdate!);
      history.run(id, 'lifecyclestage', 'subscriber', created, 'CRM_UI', 'userId:5000001');
      history.run(id, 'lifecyclestage', props.lifecyclestage, created + intBetween(rng, 1, 30) * DAY, 'CRM_UI', `userId:${5000000 + intBetween(rng, 1, 8)}`);
      edited++;
    }
  }
  let deals = 0;
  for (const company of companies) {
    if (company.contactIds.length === 0 || !chance(rng, 0.35)) continue;
    for (let k = intBetween(rng, 1, 3); k > 0; k--) {
      const stage = weighted(rng, DEAL_STAGES.map((s) => s[0]), [20, 15, 12, 10, 8, 20, 15]);
      const closed = stage === 'closedwon' || stage === 'closedlost';
      const props: Record<string, string> = {
        dealname: `${company.name} – ${pick(rng, DEAL_PRODUCTS)}`, pipeline: 'default', dealstage: stage,
        amount: String(Math.round((1000 + powerLaw(rng, 1.3, 8000, 500_000)) / 100) * 100),
        closedate: iso(o.now + (closed ? -intBetween(rng, 1, 365) : intBetween(rng, 1, 120)) * DAY),
        createdate: iso(o.now - intBetween(rng, 30, 500) * DAY), dealtype: chance(rng, 0.8) ? 'newbusiness' : 'existingbusiness',
      };
      if (company.ownerId || chance(rng, 0.7)) props.hubspot_owner_id = company.ownerId ?? pick(rng, o.ownerIds);
      const stages = dated.deal(props);
      const r = store.objects.create('deals', props, { ...SEED_SOURCE, at: Date.parse(props.createdate!) });
      if (!r.ok) throw new Error(`seed deal rejected: ${r.failure.message}`);
      addRows(r.value.id, stages);
      store.associations.add('deals', r.value.id, 'companies', company.id, 341);
      store.associations.add('deals', r.value.id, 'companies', company.id, 5);
      store.associations.add('deals', r.value.id, 'contacts', pick(rng, company.contactIds), 3);
      deals++;
    }
  }
  return { companies: companies.length, contacts: o.contacts, deals, editedContacts: edited };
}
