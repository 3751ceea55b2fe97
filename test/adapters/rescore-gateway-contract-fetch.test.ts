// The same contract, against the fetch-based gateway the decide_and_write custom code action
// bundles (lib/custom-code/fetch-gateway.ts), pointed at the local emulator.
import { createFetchGateway } from '../../lib/custom-code/fetch-gateway.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';
import { emulatorSubject } from './emulator-subjects.ts';

describeRescoreGatewayContract('fetch gateway (custom code) on the emulator', () =>
  emulatorSubject('rescore-contract-fetch', (baseUrl, accessToken) => createFetchGateway({ accessToken, baseUrl, timeoutMs: 5000 })));
