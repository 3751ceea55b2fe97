// Provision checks the team's owner ids against the portal's owners (on the emulator): all
// known → a line saying so; an unknown or archived id → named, exit code 1, nothing else changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index.ts';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { runProvision } from '../../lib/cli/commands/provision.ts';
import { checkTeamOwners } from '../../lib/provision/owners.ts';
import { testConfig } from '../core/helpers.ts';

let emu: RunningEmulator;
let gateway: ReturnType<typeof createHubSpotGateway>;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:' });
  gateway = createHubSpotGateway({ accessToken: 'provision-owners-token', basePath: emu.url, retries: 1 });
});
afterAll(async () => emu?.close());

describe('provision: team owners', () => {
  it('accepts the shipped team against the seeded portal', async () => {
    const config = testConfig();
    const outcome = await runProvision(gateway, config.classification.tracks, true, { crm: gateway, routing: config.routing });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines).toContain('All 8 team owners exist in the portal.');
  });

  it('reports an owner id the portal does not know, and exits 1', async () => {
    const config = testConfig((c) => { c.routing.owners.push({ id: '999', name: 'Nora Nobody', email: 'nora@example.com', team: 'EMEA', available: true, capacity: null, pto: [] }); });
    const outcome = await runProvision(gateway, config.classification.tracks, true, { crm: gateway, routing: config.routing });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines).toContain('Team owner Nora Nobody (id 999) is not an owner in this portal: fix the id in team.json.');
  });

  it('names the users-object availability property it found when the team reads availability from HubSpot', async () => {
    const config = testConfig((c) => { c.routing.availabilitySource = 'hubspot'; });
    const outcome = await runProvision(gateway, config.classification.tracks, true, { crm: gateway, routing: config.routing });
    expect(outcome.lines).toContain('Availability: users property hs_out_of_office found (name unconfirmed by HubSpot docs); 1 owner(s) out of office now.');
  });

  it.each([
    ['an archived owner', [{ id: '101', email: 'a@x', firstName: 'A', lastName: '', teams: [], archived: true }], { unknown: [], archived: ['101'] }],
    ['a missing owner', [], { unknown: ['101'], archived: [] }],
  ])('checkTeamOwners names %s', (_name, portal, expected) => {
    const routing = testConfig((c) => { c.routing.owners = c.routing.owners.slice(0, 1); c.routing.pools = c.routing.pools.map((p) => ({ ...p, members: [{ ownerId: '101', weight: 1 }] })); }).routing;
    const r = checkTeamOwners(routing, portal);
    expect({ unknown: r.unknown.map((o) => o.id), archived: r.archived.map((o) => o.id) }).toEqual(expected);
  });
});
