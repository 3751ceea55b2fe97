// The same contract, against the real adapter (api-client) pointed at the local emulator.
import { createRescoreGateway } from '../../lib/adapters/hubspot/rescore-gateway.ts';
import { describeRescoreGatewayContract } from './rescore-gateway.contract.ts';
import { emulatorSubject } from './emulator-subjects.ts';

describeRescoreGatewayContract('HubSpot adapter on the emulator', () =>
  emulatorSubject('rescore-contract', (basePath, accessToken) => createRescoreGateway({ accessToken, basePath, retries: 1, timeoutMs: 5000 })));
