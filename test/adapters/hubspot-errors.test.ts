// The real adapter against a throwaway server that answers with HubSpot-shaped errors.
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotGateway } from '../../lib/adapters/hubspot/gateway.ts';
import { CrmError, NotFoundError, RateLimitError } from '../../lib/errors.ts';
import { sendJson, startServer, type ThrowawayServer } from './throwaway-server.ts';

let server: ThrowawayServer | undefined;
afterEach(async () => server?.close());

const errorBody = (status: number, category: string, message: string, extra: object = {}) =>
  ({ status: 'error', message, correlationId: `corr-${status}`, category, ...extra });

let tokenCounter = 0;
const freshToken = () => `pat-na1-secret-${process.pid}-${++tokenCounter}`;

describe('HubSpot adapter errors', () => {
  it.each([
    { status: 404, category: 'OBJECT_NOT_FOUND', type: NotFoundError },
    { status: 429, category: 'RATE_LIMITS', type: RateLimitError },
    { status: 401, category: 'INVALID_AUTHENTICATION', type: CrmError },
    { status: 400, category: 'VALIDATION_ERROR', type: CrmError },
  ])('maps $status to $type.name with status, category and correlation id', async ({ status, category, type }) => {
    server = await startServer((_req, res) => sendJson(res, status, errorBody(status, category, 'Nope')));
    const gateway = createHubSpotGateway({ accessToken: freshToken(), basePath: server.url, retries: 1 });
    const error = await gateway.getPropertyHistory('42', ['jobtitle']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, category, correlationId: `corr-${status}`, operation: 'read property history of contact 42' });
    expect((error as Error).message).toBe(`HubSpot read property history of contact 42 failed (${status} ${category}): Nope`);
  });

  it('never puts the token in an error message, even when the server echoes it', async () => {
    const token = freshToken();
    server = await startServer((req, res) => sendJson(res, 401, errorBody(401, 'INVALID_AUTHENTICATION', `Bad token ${req.headers.authorization ?? ''}`)));
    const gateway = createHubSpotGateway({ accessToken: token, basePath: server.url, retries: 1 });
    const error = (await gateway.listOwners().catch((e: unknown) => e)) as CrmError;
    expect(error.message).not.toContain(token);
    expect(error.message).toContain('[redacted]');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(server.requests[0]?.url).not.toContain(token);
  });

  it('reports an unreachable server as a CrmError naming the operation', async () => {
    const token = freshToken();
    const gateway = createHubSpotGateway({ accessToken: token, basePath: 'http://127.0.0.1:9', retries: 1 });
    const error = (await gateway.updateContact('7', { jobtitle: 'x' }).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.message).toMatch(/^HubSpot update contact 7 failed/);
    expect(error.message).not.toContain(token);
  });

  it('retries a 5xx (the client waits 200 ms × n) and then succeeds', async () => {
    server = await startServer((_req, res, i) => (i === 0
      ? sendJson(res, 502, errorBody(502, 'BAD_GATEWAY', 'upstream'))
      : sendJson(res, 200, { results: [{ id: '5', email: 'a@b.c', firstName: 'A', lastName: 'B', archived: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', teams: [] }] })));
    const gateway = createHubSpotGateway({ accessToken: freshToken(), basePath: server.url, retries: 2 });
    expect(await gateway.listOwners()).toEqual([{ id: '5', email: 'a@b.c', firstName: 'A', lastName: 'B', teams: [], archived: false }]);
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to one update per contact when HubSpot rejects a whole batch', async () => {
    server = await startServer((req, res) => {
      if (req.url.includes('/batch/update')) return sendJson(res, 400, errorBody(400, 'VALIDATION_ERROR', 'Property values were not valid'));
      if (req.url.endsWith('/2')) return sendJson(res, 400, errorBody(400, 'VALIDATION_ERROR', 'jobtitle is not valid'));
      sendJson(res, 200, { id: '1', properties: {}, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', archived: false });
    });
    const gateway = createHubSpotGateway({ accessToken: freshToken(), basePath: server.url, retries: 1 });
    const result = await gateway.batchUpdateContacts([{ id: '1', properties: { jobtitle: 'a' } }, { id: '2', properties: { jobtitle: 'b' } }]);
    expect(result.ok).toEqual(['1']);
    expect(result.failed).toEqual([{ id: '2', status: 400, message: 'HubSpot update contact 2 failed (400 VALIDATION_ERROR): jobtitle is not valid' }]);
  });
});
