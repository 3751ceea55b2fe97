// Contract subjects on a fresh local emulator: the gateway under test talks to it, and the
// contract's records are seeded as a person (companies, tasks) or an integration (contacts) would.
import { Client } from '@hubspot/api-client';
import { startEmulator } from '../../local/emulator/index.ts';
import { TASK_TO_CONTACT } from '../../lib/adapters/hubspot/records.ts';
import type { RescoreGateway } from '../../lib/ports.ts';
import type { RescoreContractSubject } from './rescore-gateway.contract.ts';
import type { RoutingSubject } from './routing-gateway.contract.ts';

/** The re-score gateway contract's subject. */
export async function emulatorSubject(tokenPrefix: string, gatewayFor: (url: string, accessToken: string) => RescoreGateway): Promise<RescoreContractSubject> {
  const emu = await startEmulator({ port: 0, db: ':memory:', rateLimit: { enabled: false } });
  const accessToken = `${tokenPrefix}-${process.pid}`;
  const seeder = new Client({ accessToken: `${accessToken}-seeder`, basePath: emu.url, numberOfApiCallRetries: 1 });
  const created = <T>(result: { ok: true; value: T } | { ok: false }, what: string): T => {
    if (!result.ok) throw new Error(`the emulator refused to create ${what}`);
    return result.value;
  };
  return {
    gateway: gatewayFor(emu.url, accessToken),
    // Typed by a person in the HubSpot UI: the store's own writes are CRM_UI.
    seedCompany: async (properties) => String(created(emu.store.createObjectAsUser('companies', properties), 'a company').id),
    seedContact: async (properties, companyId) => {
      const associations = companyId ? [{ to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] }] : [];
      return (await seeder.crm.contacts.basicApi.create({ properties, associations } as never)).id;
    },
    seedTask: async (contactId, { body, ownerId, createdAt }) => {
      const at = Date.parse(createdAt);
      const view = created(emu.store.createObjectAsUser('tasks', { hs_task_subject: 'Follow up', hs_task_body: body, hubspot_owner_id: ownerId, hs_timestamp: createdAt }, { at }), 'a task');
      created(emu.store.associations.add('tasks', Number(view.id), 'contacts', Number(contactId), TASK_TO_CONTACT), 'a task association');
      return String(view.id);
    },
    close: () => emu.close(),
  };
}

/** The routing contract's subject: a seeded team (owner 105 is away) and a few generated contacts. */
export async function routingEmulatorSubject(tokenPrefix: string, seed: number, gatewayFor: (url: string, accessToken: string) => RoutingSubject['gateway']): Promise<RoutingSubject> {
  const emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 20, seed, rateLimit: { enabled: false } });
  const accessToken = `${tokenPrefix}-${process.pid}`;
  const seeder = new Client({ accessToken: `${accessToken}-seeder`, basePath: emulator.url });
  return {
    gateway: gatewayFor(emulator.url, accessToken),
    seedContact: async (properties) => (await seeder.crm.contacts.basicApi.create({ properties, associations: [] })).id,
    ownerIds: ['101', '104', '107'],
    awayOwnerIds: ['105'],
    close: () => emulator.close(),
  };
}
