// The routing contract against the fake and against the real adapter on the emulator, plus what
// only the emulator can show: the Lead's association (type 578) and pipeline as HubSpot stores them.
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { createFakeCrmGateway } from '../../lib/adapters/hubspot/fake.ts';
import { createFakeRescoreGateway } from '../../lib/adapters/hubspot/fake-rescore.ts';
import { createRescoreGateway } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { describeRoutingGatewayContract } from './routing-gateway.contract.ts';
import { routingEmulatorSubject } from './emulator-subjects.ts';
import { rawDefaultTeam } from '../core/helpers.ts';

const team = rawDefaultTeam();
const OWNERS = team.owners.map((o) => ({ id: o.id, email: o.email, firstName: o.name.split(' ')[0]!, lastName: o.name.split(' ')[1] ?? '', teams: [], archived: false }));

describeRoutingGatewayContract('in-memory fake', async () => {
  const gateway = createFakeCrmGateway({ owners: OWNERS, users: OWNERS.map((o) => ({ email: o.email, outOfOffice: o.id === '105' })) });
  return { gateway, seedContact: async (p) => gateway.state.addContact(p), ownerIds: ['101', '104', '107'], awayOwnerIds: ['105'], close: async () => {} };
});

describeRoutingGatewayContract('HubSpot adapter on the emulator', () =>
  routingEmulatorSubject('routing-token', 5, (basePath, accessToken) => createHubSpotGateway({ accessToken, basePath, retries: 1 })));

// The re-score gateway carries the same methods (the card reads load and writes Leads through it).
describeRoutingGatewayContract('in-memory fake re-score gateway', async () => {
  const gateway = createFakeRescoreGateway({ owners: OWNERS, users: OWNERS.map((o) => ({ email: o.email, outOfOffice: o.id === '105' })) });
  return { gateway, seedContact: async (p) => gateway.crm.state.addContact(p), ownerIds: ['101', '104', '107'], awayOwnerIds: ['105'], close: async () => {} };
});

describeRoutingGatewayContract('HubSpot re-score gateway on the emulator', () =>
  routingEmulatorSubject('routing-rescore', 6, (basePath, accessToken) => createRescoreGateway({ accessToken, basePath })));

describe('Leads and owner load on the emulator', () => {
  let emulator: RunningEmulator;
  let client: Client;
  let gateway: ReturnType<typeof createHubSpotGateway>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, db: ':memory:', contacts: 0, rateLimit: { enabled: false } });
    const accessToken = `routing-extra-${process.pid}`;
    client = new Client({ accessToken, basePath: emulator.url });
    gateway = createHubSpotGateway({ accessToken, basePath: emulator.url, retries: 1 });
  });
  afterAll(async () => emulator?.close());

  it('stores the Lead with its pipeline, owner and a type-578 association to the contact', async () => {
    const { id: contactId } = await client.crm.contacts.basicApi.create({ properties: { email: 'lead-assoc@example.org' }, associations: [] });
    const { id } = await gateway.ensureLead({ contactId, ownerId: '104', name: 'Lead Assoc', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' });
    const lead = await client.crm.objects.basicApi.getById('leads', id, ['hs_lead_name', 'hs_pipeline', 'hs_pipeline_stage', 'hubspot_owner_id']);
    expect(lead.properties).toMatchObject({ hs_lead_name: 'Lead Assoc', hs_pipeline: 'lead-pipeline-id', hs_pipeline_stage: 'new-stage-id', hubspot_owner_id: '104' });
    const links = await client.crm.associations.v4.basicApi.getPage('leads', id, 'contacts');
    expect(links.results.map((r) => [String(r.toObjectId), r.associationTypes.map((t) => t.typeId)])).toEqual([[contactId, [578]]]);
  });

  it('reads load in one search call per pool', async () => {
    emulator.requestLog.clear();
    await gateway.countOwnerLoad(['101', '102', '103'], '2000-01-01T00:00:00.000Z');
    expect(emulator.requestLog.entries().map((e) => `${e.method} ${e.path}`)).toEqual(['POST /crm/v3/objects/contacts/search']);
  });

  it("names no property and nobody away when the portal's users object has no availability property", async () => {
    const fake = createFakeCrmGateway({ owners: OWNERS, users: [{ email: OWNERS[0]!.email, outOfOffice: true }], availabilityProperty: null });
    expect(await fake.readOwnerAvailability()).toEqual({ property: null, unavailableOwnerIds: [] });
  });
});
