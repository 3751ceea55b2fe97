import { createFakeRescoreGateway } from '../../lib/adapters/hubspot/fake-rescore.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';

describeRescoreGatewayContract('in-memory fake', async () => {
  const gateway = createFakeRescoreGateway();
  const { state } = gateway.crm;
  return {
    gateway,
    seedCompany: async (properties) => state.addCompany(properties, 'CRM_UI'),
    seedContact: async (properties, companyId) => state.addContact(properties, companyId),
    seedTask: async (contactId, { body, ownerId, createdAt }) =>
      state.addTask(contactId, { hs_task_subject: 'Follow up', hs_task_body: body, hubspot_owner_id: ownerId, hs_createdate: createdAt }),
    close: async () => {},
  };
});
