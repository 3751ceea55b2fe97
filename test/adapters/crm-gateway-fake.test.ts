import { createFakeCrmGateway } from '../../lib/adapters/hubspot/fake.ts';
import { describeCrmGatewayContract } from './crm-gateway.contract.ts';

describeCrmGatewayContract('in-memory fake', async () => {
  const gateway = createFakeCrmGateway({
    owners: [{ id: '11', email: 'rep@example.com', firstName: 'Rita', lastName: 'Rep', teams: [{ id: '1', name: 'EMEA' }], archived: false }],
  });
  return {
    gateway,
    seedCompany: async (properties) => gateway.state.addCompany(properties),
    seedContact: async (properties, companyId) => gateway.state.addContact(properties, companyId),
    close: async () => {},
  };
});
