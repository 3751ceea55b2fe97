// The routing contract against the fetch gateway the decide_and_write custom code action bundles
// (lib/custom-code/fetch-routing.ts), on the emulator like the api-client adapter.
import { createFetchGateway } from '../../lib/custom-code/fetch-gateway.ts';
import { describeRoutingGatewayContract } from './routing-gateway.contract.ts';
import { routingEmulatorSubject } from './emulator-subjects.ts';

describeRoutingGatewayContract('fetch gateway (custom code) on the emulator', () =>
  routingEmulatorSubject('routing-fetch', 5, (baseUrl, accessToken) => createFetchGateway({ accessToken, baseUrl })));
