import { createFakeBulkCrm } from '../../lib/adapters/hubspot/fake-bulk.ts';
import { describeBulkCrmContract } from './bulk-crm.contract.ts';

describeBulkCrmContract('in-memory fake', async () => {
  const crm = createFakeBulkCrm();
  return {
    crm,
    seedCompany: async (properties) => crm.crm.state.addCompany(properties),
    seedContact: async (properties, companyId) => crm.crm.state.addContact(properties, companyId),
    writeActivity: async (id, properties) => crm.crm.updateContact(id, properties),
    close: async () => {},
  };
});
