// The same contract, against the fetch-based gateway the decide_and_write custom code action
// bundles (lib/custom-code/fetch-gateway.ts), pointed at the local emulator.
import { Client } from '@hubspot/api-client';
import { startEmulator } from '../../local/emulator/index.ts';
import { TASK_TO_CONTACT } from '../../lib/adapters/hubspot/records.ts';
import { createFetchGateway } from '../../lib/custom-code/fetch-gateway.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';

describeRescoreGatewayContract('fetch gateway (custom code) on the emulator', async () => {
  const emu = await startEmulator({ port: 0, db: ':memory:', rateLimit: { enabled: false } });
  const accessToken = `rescore-contract-fetch-${process.pid}`;
  const gateway = createFetchGateway({ accessToken, baseUrl: emu.url, timeoutMs: 5000 });
  const seeder = new Client({ accessToken: `${accessToken}-seeder`, basePath: emu.url, numberOfApiCallRetries: 1 });
  const created = <T>(result: { ok: true; value: T } | { ok: false }, what: string): T => {
    if (!result.ok) throw new Error(`the emulator refused to create ${what}`);
    return result.value;
  };
  return {
    gateway,
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
