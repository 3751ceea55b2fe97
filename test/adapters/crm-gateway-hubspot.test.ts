// The same contract, against the real adapter (api-client) pointed at the local emulator.
import { Client } from '@hubspot/api-client';
import { startEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { describeCrmGatewayContract } from './crm-gateway.contract.ts';

describeCrmGatewayContract('HubSpot adapter on the emulator', async () => {
  // Seeding 100+ contacts through the API would trip the 190-per-10-s limit; faults.test covers limits.
  const emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 50, seed: 7, rateLimit: { enabled: false } });
  const accessToken = `contract-token-${process.pid}`;
  const gateway = createHubSpotGateway({ accessToken, basePath: emulator.url, retries: 1 });
  // Seeding goes through the public API too, with a separate plain client.
  const seeder = new Client({ accessToken, basePath: emulator.url });
  return {
    gateway,
    seedCompany: async (properties) => (await seeder.crm.companies.basicApi.create({ properties, associations: [] })).id,
    seedContact: async (properties, companyId) => {
      const { id } = await seeder.crm.contacts.basicApi.create({ properties, associations: [] });
      if (companyId) {
        await seeder.crm.associations.v4.basicApi.create('contacts', id, 'companies', companyId,
          [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] as never);
      }
      return id;
    },
    close: () => emulator.close(),
  };
});
