// The same contract, against the real adapter (api-client) pointed at the local emulator.
import { Client } from '@hubspot/api-client';
import { startEmulator } from '../../local/emulator/index.ts';
import { createRescoreGateway } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { TASK_TO_CONTACT } from '../../lib/adapters/hubspot/records.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';

describeRescoreGatewayContract('HubSpot adapter on the emulator', async () => {
  const emu = await startEmulator({ port: 0, db: ':memory:', rateLimit: { enabled: false } });
  const accessToken = `rescore-contract-${process.pid}`;
  const gateway = createRescoreGateway({ accessToken, basePath: emu.url, retries: 1, timeoutMs: 5000 });
  const seeder = new Client({ accessToken: `${accessToken}-seeder`, basePath: emu.url, numberOfApiCallRetries: 1 });
  const created = <T>(result: { ok: true; value: T } | { ok: false }, what: string): T => {
    if (!result.ok) throw new Error(`the emulator refused to create ${what}`);
    return result.value;
  };
  return {
    gateway,
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
});
