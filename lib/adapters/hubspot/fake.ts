// In-memory CrmGateway + PropertyAdmin + CompanyDirectory with the same observable
// behaviour as the HubSpot adapter (the contract suite runs against both).
import type {
  CompanyWithHistory, CrmRecord, OwnerRecord, PropertyDefinition, PropertyHistoryEntry, TaskSpec,
} from '../../ports.ts';
import { NotFoundError } from '../../errors.ts';
import type { HubSpotGateway } from './gateway.ts';
import { dedupeMarker, pickPrimaryCompany, unique } from './records.ts';
import { mergeById } from './batch-update.ts';
import { taskProperties } from './tasks.ts';

export interface FakeCrmSeed {
  contacts?: { id: string; properties: Record<string, string | null>; companyId?: string | null }[];
  companies?: CrmRecord[];
  owners?: OwnerRecord[];
  properties?: PropertyDefinition[];
  /** Start of the fake clock for history timestamps (ISO). */
  now?: string;
  /** Users-object records: out of office or not, matched to owners by email. */
  users?: { email: string; outOfOffice: boolean }[];
  /** Which availability property the fake portal's users object has (default hs_out_of_office; null = none). */
  availabilityProperty?: string | null;
}

interface StoredObject {
  id: string;
  history: Map<string, PropertyHistoryEntry[]>;
}

export interface FakeCrmGateway extends HubSpotGateway {
  /** Test helpers, not part of any port. */
  readonly state: {
    tasks: { id: string; contactId: string; properties: Record<string, string> }[];
    leads: { id: string; contactId: string; properties: Record<string, string> }[];
    calls: string[];
    addContact(properties: Record<string, string | null>, companyId?: string | null, sourceType?: string): string;
    addCompany(properties: Record<string, string | null>, sourceType?: string): string;
    /** Stores a task associated with the contact as given (a person's task, or one with our marker); returns its id. */
    addTask(contactId: string, properties: Record<string, string>): string;
    /** The fake clock's next instant (ISO), one second after the last write: what history timestamps use. */
    tick(): string;
  };
}

export function createFakeCrmGateway(seed: FakeCrmSeed = {}): FakeCrmGateway {
  let clock = Date.parse(seed.now ?? '2026-01-01T00:00:00.000Z');
  let nextId = 1000;
  const tick = (): string => new Date((clock += 1000)).toISOString();
  const contacts = new Map<string, StoredObject>();
  const companies = new Map<string, StoredObject>();
  const contactCompany = new Map<string, string>();
  const groups = new Set<string>();
  const propertyDefs = new Map((seed.properties ?? []).map((p) => [p.name, p] as const));
  const tasks: FakeCrmGateway['state']['tasks'] = [];
  const calls: string[] = [];
  const owners = seed.owners ?? [];
  const leads: FakeCrmGateway['state']['leads'] = [];
  const users = seed.users ?? [];
  const availabilityProperty = seed.availabilityProperty === undefined ? 'hs_out_of_office' : seed.availabilityProperty;

  function write(store: Map<string, StoredObject>, id: string, properties: Record<string, string | null>, sourceType: string): void {
    const existing = store.get(id);
    const object = existing ?? { id, history: new Map() };
    const timestamp = tick();
    for (const [name, value] of Object.entries(properties)) {
      const entries = object.history.get(name) ?? [];
      // HubSpot (and the emulator) leave a value and its history alone when a write does not change it.
      if (existing && (entries[0]?.value ?? '') === (value ?? '')) continue;
      entries.unshift({ value: value ?? '', timestamp, sourceType });
      object.history.set(name, entries);
      // Like HubSpot (and the emulator): an owner change stamps the owner assigned date.
      if (store === contacts && name === 'hubspot_owner_id') {
        const stamp = object.history.get('hubspot_owner_assigneddate') ?? [];
        stamp.unshift({ value: value ? timestamp : '', timestamp, sourceType });
        object.history.set('hubspot_owner_assigneddate', stamp);
      }
    }
    store.set(id, object);
  }

  function read(object: StoredObject, names: readonly string[]): CrmRecord {
    const properties: Record<string, string | null> = {};
    for (const name of names) {
      const latest = object.history.get(name)?.[0]?.value;
      properties[name] = latest === undefined || latest === '' ? null : latest;
    }
    properties['hs_object_id'] = object.id;
    return { id: object.id, properties };
  }

  function historyOf(object: StoredObject, names: readonly string[]): Record<string, PropertyHistoryEntry[]> {
    return Object.fromEntries(names.map((n) => [n, (object.history.get(n) ?? []).map((e) => ({ ...e }))]));
  }

  const addCompany = (properties: Record<string, string | null>, sourceType = 'CRM_UI'): string => {
    const id = String(nextId++);
    write(companies, id, properties, sourceType);
    return id;
  };
  const addContact = (properties: Record<string, string | null>, companyId?: string | null, sourceType = 'CRM_UI'): string => {
    const id = String(nextId++);
    write(contacts, id, properties, sourceType);
    if (companyId) contactCompany.set(id, companyId);
    return id;
  };
  const addTask = (contactId: string, properties: Record<string, string>): string => {
    const id = String(nextId++);
    tasks.push({ id, contactId, properties: { ...properties } });
    return id;
  };
  for (const company of seed.companies ?? []) write(companies, company.id, company.properties, 'CRM_UI');
  for (const contact of seed.contacts ?? []) {
    write(contacts, contact.id, contact.properties, 'CRM_UI');
    if (contact.companyId) contactCompany.set(contact.id, contact.companyId);
  }

  const withCompany = (id: string, contactProps: readonly string[], companyProps: readonly string[], historyProps: readonly string[] = []) => {
    const contact = contacts.get(id);
    if (!contact) return null;
    const companyId = pickPrimaryCompany(contactCompany.has(id) ? [{ id: contactCompany.get(id)!, typeIds: [1] }] : []);
    const company = companyId ? companies.get(companyId) : undefined;
    return {
      contact: read(contact, contactProps), company: company ? read(company, companyProps) : null,
      ...(historyProps.length > 0 ? { history: historyOf(contact, historyProps) } : {}),
    };
  };

  return {
    state: { tasks, leads, calls, addContact, addCompany, addTask, tick },

    async getContactWithCompany(id, contactProps, companyProps) {
      calls.push('getContactWithCompany');
      return withCompany(id, contactProps, companyProps);
    },

    async getContactsWithCompanies(ids, contactProps, companyProps, historyProps = []) {
      calls.push('getContactsWithCompanies');
      return unique(ids).flatMap((id) => withCompany(id, contactProps, companyProps, historyProps) ?? []);
    },

    async listContactsWithCompanies(page, contactProps, companyProps, historyProps = []) {
      calls.push('listContactsWithCompanies');
      const limit = Math.max(1, Math.min(historyProps.length > 0 ? 50 : 100, page.limit ?? 100));
      const ids = [...contacts.keys()].sort((a, b) => Number(a) - Number(b)).filter((id) => page.after === undefined || Number(id) > Number(page.after));
      const results = ids.slice(0, limit).flatMap((id) => withCompany(id, contactProps, companyProps, historyProps) ?? []);
      return ids.length > limit ? { results, after: results.at(-1)!.contact.id } : { results };
    },

    async updateContact(id, properties) {
      calls.push('updateContact');
      if (!contacts.has(id)) throw new NotFoundError(`update contact ${id}`, 'resource not found', { status: 404, category: 'OBJECT_NOT_FOUND' });
      write(contacts, id, properties, 'INTEGRATION');
    },

    async batchUpdateContacts(updates) {
      calls.push('batchUpdateContacts');
      const result = { ok: [] as string[], failed: [] as { id: string; message: string; status?: number }[] };
      for (const update of mergeById(updates)) {
        if (!contacts.has(update.id)) {
          result.failed.push({ id: update.id, message: `Contact ${update.id} does not exist`, status: 404 });
          continue;
        }
        write(contacts, update.id, update.properties, 'INTEGRATION');
        result.ok.push(update.id);
      }
      return result;
    },

    async ensureTask(task: TaskSpec) {
      calls.push('ensureTask');
      const marker = dedupeMarker(task.dedupeKey);
      const existing = tasks.find((t) => t.contactId === task.contactId && t.properties['hs_task_body']?.includes(marker));
      if (existing) return { id: existing.id, created: false };
      if (!contacts.has(task.contactId)) throw new NotFoundError(`create task for contact ${task.contactId}`, 'contact not found', { status: 404 });
      // The properties the HubSpot adapter writes, and the create date HubSpot stamps, so a
      // re-score gateway over the same store (fake-rescore.ts) reads the task as ours.
      const createdAt = tick();
      const id = addTask(task.contactId, { ...taskProperties(task, createdAt), hs_createdate: createdAt });
      return { id, created: true };
    },

    async getPropertyHistory(id, names) {
      calls.push('getPropertyHistory');
      const contact = contacts.get(id);
      if (!contact) throw new NotFoundError(`read property history of contact ${id}`, 'resource not found', { status: 404 });
      return historyOf(contact, names);
    },

    async countOwnerLoad(ownerIds, sinceIso) {
      calls.push('countOwnerLoad');
      const since = Date.parse(sinceIso);
      const counts: Record<string, number> = Object.fromEntries(ownerIds.map((id) => [id, 0]));
      for (const c of contacts.values()) {
        const owner = c.history.get('hubspot_owner_id')?.[0]?.value ?? '';
        const at = Date.parse(c.history.get('hubspot_owner_assigneddate')?.[0]?.value ?? '');
        if (owner in counts && at >= since) counts[owner]! += 1;
      }
      return counts;
    },

    async readOwnerAvailability() {
      calls.push('readOwnerAvailability');
      if (availabilityProperty === null) return { property: null, unavailableOwnerIds: [] };
      const byEmail = new Map(owners.map((o) => [o.email.toLowerCase(), o.id]));
      const away = users.filter((u) => u.outOfOffice).flatMap((u) => byEmail.get(u.email.toLowerCase()) ?? []);
      return { property: availabilityProperty, unavailableOwnerIds: [...new Set(away)].sort() };
    },

    async ensureLead(spec) {
      calls.push('ensureLead');
      if (!contacts.has(spec.contactId)) throw new NotFoundError(`read leads of contact ${spec.contactId}`, 'resource not found', { status: 404 });
      const existing = leads.find((l) => l.contactId === spec.contactId);
      if (existing) {
        Object.assign(existing.properties, { hs_lead_name: spec.name, hubspot_owner_id: spec.ownerId });
        return { id: existing.id, created: false };
      }
      const id = String(nextId++);
      leads.push({ id, contactId: spec.contactId, properties: { hs_lead_name: spec.name, hubspot_owner_id: spec.ownerId, hs_pipeline: spec.pipeline, hs_pipeline_stage: spec.stage } });
      return { id, created: true };
    },

    async listOwners() {
      calls.push('listOwners');
      return owners.map((o) => ({ ...o, teams: [...o.teams] }));
    },

    async ensurePropertyGroup(group) {
      calls.push('ensurePropertyGroup');
      if (groups.has(group.name)) return { created: false };
      groups.add(group.name);
      return { created: true };
    },

    async getContactProperty(name) {
      calls.push('getContactProperty');
      const def = propertyDefs.get(name);
      return def ? structuredClone(def) : null;
    },

    async listContactProperties() {
      calls.push('listContactProperties');
      return [...propertyDefs.values()].map((def) => structuredClone(def));
    },

    async createContactProperty(definition) {
      calls.push('createContactProperty');
      if (propertyDefs.has(definition.name)) return { created: false };
      propertyDefs.set(definition.name, structuredClone(definition));
      return { created: true };
    },

    async findCompanyByDomain(domain, properties) {
      calls.push('findCompanyByDomain');
      const match = [...companies.values()].find((c) => c.history.get('domain')?.[0]?.value === domain);
      return match ? read(match, properties) : null;
    },

    async getCompanyWithHistory(id, properties): Promise<CompanyWithHistory | null> {
      calls.push('getCompanyWithHistory');
      const company = companies.get(id);
      return company ? { company: read(company, properties), history: historyOf(company, properties) } : null;
    },
  };
}
