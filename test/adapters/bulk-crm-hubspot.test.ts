import { Client } from '@hubspot/api-client';
import { createHubSpotBulkCrm } from '../../lib/adapters/hubspot/bulk-crm.ts';
import { createHubSpotContext } from '../../lib/adapters/hubspot/gateway.ts';
import { startEmulator } from '../../local/emulator/index.ts';
import { describeBulkCrmContract } from './bulk-crm.contract.ts';

describeBulkCrmContract('HubSpot adapter on the emulator', async () => {
  const emu = await startEmulator({ port: 0, db: ':memory:', rateLimit: { enabled: false } });
  const token = 'bulk-contract-token';
  const seeder = new Client({ accessToken: token, basePath: emu.url });
  return {
    crm: createHubSpotBulkCrm(createHubSpotContext({ accessToken: token, basePath: emu.url, retries: 0 })),
    seedCompany: async (properties) => (await seeder.crm.companies.basicApi.create({ properties, associations: [] })).id,
    seedContact: async (properties, companyId) => {
      const associations = companyId ? [{ to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] }] : [];
      return (await seeder.crm.contacts.basicApi.create({ properties, associations } as never)).id;
    },
    // Analytics properties are read-only through the API: HubSpot's tracking writes them.
    writeActivity: async (id, properties) => { emu.store.updateContact(id, properties, { sourceType: 'ANALYTICS' }); },
    close: () => emu.close(),
  };
});
