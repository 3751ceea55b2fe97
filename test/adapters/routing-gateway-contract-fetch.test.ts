// The routing contract against the fetch gateway the decide_and_write custom code action bundles
// (lib/custom-code/fetch-routing.ts), on the emulator like the api-client adapter.
import { Client } from '@hubspot/api-client';
import { startEmulator } from '../../local/emulator/index.ts';
import { createFetchGateway } from '../../lib/custom-code/fetch-gateway.ts';
import { describeRoutingGatewayContract } from './routing-gateway.contract.ts';

describeRoutingGatewayContract('fetch gateway (custom code) on the emulator', async () => {
  const emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 20, seed: 5, rateLimit: { enabled: false } });
  const accessToken = `routing-fetch-${process.pid}`;
  const gateway = createFetchGateway({ accessToken, baseUrl: emulator.url });
  const seeder = new Client({ accessToken, basePath: emulator.url });
  return {
    gateway,
    seedContact: async (properties) => (await seeder.crm.contacts.basicApi.create({ properties, associations: [] })).id,
    ownerIds: ['101', '104', '107'],
    awayOwnerIds: ['105'],
    close: () => emulator.close(),
  };
});
