// In-memory RescoreGateway over the fake CRM gateway's state, with the same observable
// behaviour as the HubSpot adapter (test/adapters/rescore-gateway.contract.ts runs against both):
// tasks carry the dedupe marker in their body exactly as `createTask` writes it, and their
// `hs_createdate` comes from the fake clock that also stamps property history.
import type { ContactSnapshot, NotificationRecord, RescoreGateway, TaskSpec } from '../../ports.ts';
import { CrmError, NotFoundError } from '../../errors.ts';
import { createFakeCrmGateway, type FakeCrmGateway, type FakeCrmSeed } from './fake.ts';
import { markerKey } from './rescore-gateway.ts';
import { taskProperties } from './tasks.ts';

/** The real adapter reads only the newest tasks of a contact; so does the fake. */
const MAX_TASKS_READ = 200;

export interface FakeRescoreSeed extends FakeCrmSeed {
  /** Share contacts, companies, tasks and the clock with this fake CRM gateway instead of a new one. */
  crm?: FakeCrmGateway;
}

export interface FakeRescoreGateway extends RescoreGateway {
  /** The store underneath: `crm.state.addContact`, `addCompany`, `addTask`, `tasks`, `tick`. Not part of the port. */
  readonly crm: FakeCrmGateway;
  /** Rescore operations in call order. */
  readonly calls: string[];
}

export function createFakeRescoreGateway(seed: FakeRescoreSeed = {}): FakeRescoreGateway {
  const crm = seed.crm ?? createFakeCrmGateway(seed);
  const calls: string[] = [];

  function notificationsOf(contactId: string): NotificationRecord[] {
    const newest = crm.state.tasks.filter((t) => t.contactId === contactId)
      .sort((a, b) => Number(b.id) - Number(a.id)).slice(0, MAX_TASKS_READ);
    return newest.flatMap((task) => {
      const dedupeKey = markerKey(task.properties['hs_task_body']);
      const createdAt = toIso(task.properties['hs_createdate']);
      // Like the adapter: tasks people made carry no marker, and a task without a create date is skipped.
      if (dedupeKey === null || createdAt === null) return [];
      return [{ dedupeKey, createdAt, ownerId: task.properties['hubspot_owner_id'] || null }];
    });
  }

  return {
    crm,
    calls,

    async readSnapshot(contactId, contactProps, companyProps, historyProps = []): Promise<ContactSnapshot | null> {
      calls.push('readSnapshot');
      const found = await crm.getContactWithCompany(contactId, contactProps, companyProps);
      if (!found) return null;
      const company = found.company ? await crm.getCompanyWithHistory(found.company.id, companyProps) : null;
      return {
        contact: found.contact,
        company: company?.company ?? null,
        companyHistory: company?.history ?? {},
        contactHistory: historyProps.length > 0 ? await crm.getPropertyHistory(contactId, historyProps) : {},
        notifications: notificationsOf(contactId),
      };
    },

    async countOwnerTasksSince(ownerId, sinceIso) {
      calls.push('countOwnerTasksSince');
      const since = Date.parse(sinceIso);
      if (!Number.isFinite(since)) {
        throw new CrmError(`count recent tasks of owner ${ownerId}`, `"${sinceIso}" is not a time`, { status: 400, category: 'VALIDATION_ERROR' });
      }
      return crm.state.tasks.filter((t) => t.properties['hubspot_owner_id'] === ownerId
        && (Date.parse(toIso(t.properties['hs_createdate']) ?? '') >= since)).length;
    },

    async createTask(task: TaskSpec) {
      calls.push('createTask');
      const operation = `create task for contact ${task.contactId}`;
      const exists = await crm.getContactWithCompany(task.contactId, [], []);
      if (!exists) throw new NotFoundError(operation, 'contact not found', { status: 404, category: 'OBJECT_NOT_FOUND' });
      const createdAt = crm.state.tick();
      const id = crm.state.addTask(task.contactId, { ...taskProperties(task, createdAt), hs_createdate: createdAt });
      return { id };
    },

    async updateContact(contactId, properties) {
      calls.push('updateContact');
      await crm.updateContact(contactId, properties);
    },

    async getPropertyHistory(contactId, names) {
      calls.push('getPropertyHistory');
      return crm.getPropertyHistory(contactId, names);
    },

    async countOwnerLoad(ownerIds, sinceIso) {
      calls.push('countOwnerLoad');
      return crm.countOwnerLoad(ownerIds, sinceIso);
    },

    async readOwnerAvailability() {
      calls.push('readOwnerAvailability');
      return crm.readOwnerAvailability();
    },

    async ensureLead(spec) {
      calls.push('ensureLead');
      return crm.ensureLead(spec);
    },
  };
}

/** HubSpot keeps create dates as ISO text or epoch milliseconds; notifications use ISO. */
function toIso(value: string | undefined): string | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
