// A HubSpot call that never answers: the re-score gateway gives up at its deadline with an error
// that names the operation, instead of running until the function's time limit kills it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRescoreGateway } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { toFunctionError } from '../../lib/functions/shell.ts';
import { CONTACT_INPUT_PROPERTIES } from '../../lib/core/contract.ts';
import { createContact, SOFTWARE_COMPANY, startFunctionEmulator, type FunctionEmulator } from './helpers.ts';

let fx: FunctionEmulator;
beforeAll(async () => { fx = await startFunctionEmulator(); });
afterAll(async () => fx?.emu.close()); // also releases the requests still hanging

it('a hanging company read ends at the deadline as a crm_error naming the call', async () => {
  const contactId = await createContact(fx, { email: 'hang@orbitsoft.io' }, SOFTWARE_COMPANY);
  const gateway = createRescoreGateway({ accessToken: fx.env.HUBSPOT_ACCESS_TOKEN, basePath: fx.emu.url, retries: 3, timeoutMs: 300 });
  fx.emu.setFaults({ hangRate: 1, paths: '^/crm/v3/objects/companies/' });
  const error = await gateway.readSnapshot(contactId, CONTACT_INPUT_PROPERTIES, ['domain']).then(() => null, (e: unknown) => e);
  fx.emu.setFaults({ hangRate: 0, paths: '' });
  expect(toFunctionError(error)).toEqual({ code: 'crm_error', message: expect.stringMatching(/^HubSpot read company \d+ failed \(TIMEOUT\): no answer within 300 ms$/) });
});
