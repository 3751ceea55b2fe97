// In-memory BulkCrm over the fake CRM gateway's store, with the HubSpot adapter's observable
// behaviour (test/adapters/bulk-crm.contract.ts runs against both): history reads take ≤ 50
// objects, ids in order, the primary company as `associatedcompanyid`, tasks marked by key.
import type { BulkContact, BulkCrm, SearchFilter, TaskSpec } from '../../ports.ts';
import { CrmError, NotFoundError } from '../../errors.ts';
import { PRIMARY_COMPANY_PROPERTY, readLimit } from './bulk-crm.ts';
import { createFakeCrmGateway, type FakeCrmGateway, type FakeCrmSeed } from './fake.ts';
import { markerKey } from './rescore-gateway.ts';
import { taskProperties } from './tasks.ts';

export interface FakeBulkCrm extends BulkCrm {
  /** The store underneath (not part of the port). */
  readonly crm: FakeCrmGateway;
  /** BulkCrm operations in call order. */
  readonly calls: string[];
}

export function createFakeBulkCrm(seed: FakeCrmSeed & { crm?: FakeCrmGateway } = {}): FakeBulkCrm {
  const crm = seed.crm ?? createFakeCrmGateway(seed);
  const calls: string[] = [];

  async function bulkContact(id: string, properties: readonly string[], historyProperties: readonly string[]): Promise<BulkContact | null> {
    const found = await crm.getContactWithCompany(id, properties, []);
    if (!found) return null;
    const companyId = found.company?.id ?? null;
    return {
      contact: { id, properties: { ...found.contact.properties, [PRIMARY_COMPANY_PROPERTY]: companyId } },
      history: historyProperties.length > 0 ? await crm.getPropertyHistory(id, historyProperties) : {},
      companyId,
    };
  }

  async function allIds(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await crm.listContactsWithCompanies({ after, limit: 100 }, [], []);
      ids.push(...page.results.map((r) => r.contact.id));
      after = page.after;
    } while (after);
    return ids;
  }

  function checkSize(operation: string, n: number, historyProperties: readonly string[]): void {
    if (n > readLimit(historyProperties)) throw new CrmError(operation, `at most ${readLimit(historyProperties)} ids per read, got ${n}`);
  }

  return {
    crm,
    calls,
    countOwnerLoad: (ownerIds, sinceIso) => { calls.push('countOwnerLoad'); return crm.countOwnerLoad(ownerIds, sinceIso); },

    async listContacts(page, properties, historyProperties) {
      calls.push('listContacts');
      const limit = Math.min(page.limit, readLimit(historyProperties));
      const listed = await crm.listContactsWithCompanies({ after: page.after, limit }, [], []);
      const contacts = (await Promise.all(listed.results.map((r) => bulkContact(r.contact.id, properties, historyProperties)))).filter((c): c is BulkContact => c !== null);
      return { contacts, ...(listed.after ? { after: listed.after } : {}) };
    },

    async readContacts(ids, properties, historyProperties) {
      calls.push('readContacts');
      checkSize('batch read contacts', ids.length, historyProperties);
      const unique = [...new Set(ids)];
      const read = await Promise.all(unique.map((id) => bulkContact(id, properties, historyProperties)));
      return { contacts: read.filter((c): c is BulkContact => c !== null), missing: unique.filter((_, i) => read[i] === null) };
    },

    async searchContactIds(filters, afterId, limit) {
      calls.push('searchContactIds');
      const names = [...new Set(filters.map((f) => f.propertyName))];
      const out: string[] = [];
      for (const id of await allIds()) {
        if (afterId !== null && Number(id) <= Number(afterId)) continue;
        const found = await crm.getContactWithCompany(id, names, []);
        if (found && filters.every((f) => matches(f, found.contact.properties[f.propertyName] ?? null))) out.push(id);
        if (out.length >= Math.min(limit, 200)) break;
      }
      return out;
    },

    async readCompanies(ids, properties, historyProperties) {
      calls.push('readCompanies');
      checkSize('batch read companies', new Set(ids).size, historyProperties);
      const read = await Promise.all([...new Set(ids)].map((id) => crm.getCompanyWithHistory(id, properties)));
      return read.flatMap((c) => (c ? [{ company: c.company, history: Object.fromEntries(historyProperties.map((n) => [n, c.history[n] ?? []])) }] : []));
    },

    async batchUpdateContacts(updates) {
      calls.push('batchUpdateContacts');
      return crm.batchUpdateContacts(updates);
    },

    async createTasks(tasks: readonly TaskSpec[]) {
      calls.push('createTasks');
      for (const task of tasks) {
        // HubSpot refuses the whole batch when one association points nowhere.
        if (!(await crm.getContactWithCompany(task.contactId, [], []))) throw new NotFoundError(`create ${tasks.length} tasks`, `contact ${task.contactId} not found`, { status: 404 });
      }
      const created = tasks.map((task) => {
        const createdAt = crm.state.tick();
        const id = crm.state.addTask(task.contactId, { ...taskProperties(task, createdAt), hs_createdate: createdAt });
        return { contactId: task.contactId, dedupeKey: task.dedupeKey, id };
      });
      return { created, failed: [] };
    },

    async findTaskKeys(contactId) {
      calls.push('findTaskKeys');
      return crm.state.tasks.filter((t) => t.contactId === contactId).flatMap((t) => markerKey(t.properties['hs_task_body']) ?? []);
    },
  };
}

/** HubSpot's comparison for the operators bulk re-scoring uses: numbers as numbers, datetimes as epoch ms. */
function matches(filter: SearchFilter, value: string | null): boolean {
  if (filter.operator === 'HAS_PROPERTY') return value !== null && value !== '';
  if (value === null) return filter.operator === 'NEQ';
  const wanted = filter.value ?? '';
  if (filter.operator === 'EQ') return value.toLowerCase() === wanted.toLowerCase();
  if (filter.operator === 'NEQ') return value.toLowerCase() !== wanted.toLowerCase();
  const a = numeric(value);
  const b = numeric(wanted);
  switch (filter.operator) {
    case 'GT': return a > b;
    case 'GTE': return a >= b;
    case 'LT': return a < b;
    case 'LTE': return a <= b;
  }
}

function numeric(value: string): number {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
}
