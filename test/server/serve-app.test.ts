// The routes' refusals without a port (app.request): HubSpot-style JSON errors, health, metrics.
import { afterAll, describe, expect, it } from 'vitest';
import { functionConfig } from '../../lib/functions/shell.ts';
import { createServeApp } from '../../lib/server/app.ts';
import { createMetrics } from '../../lib/server/metrics.ts';
import { openSqliteQueue } from '../../lib/server/queue-sqlite.ts';
import { signV3 } from '../../lib/server/signatures.ts';
import { PUBLIC_URL, SECRET } from './storm.ts';

const queue = openSqliteQueue(':memory:');
const metrics = createMetrics();
const app = createServeApp({
  queue, metrics, clientSecret: SECRET, publicUrl: PUBLIC_URL, config: functionConfig(), maxBodyBytes: 4096,
  rescoreOne: () => Promise.reject(new Error('not used here')),
});
afterAll(() => queue.close());

function signed(body: string, path = '/webhooks/hubspot'): RequestInit {
  const ts = Date.now();
  return { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${PUBLIC_URL}${path}`, body, ts), 'x-hubspot-request-timestamp': String(ts) } };
}

describe('serve routes', () => {
  it.each([
    ['a signed body that is not JSON', () => app.request('/webhooks/hubspot', signed('{not json')), 400, 'VALIDATION_ERROR', 'The body is not valid JSON.'],
    ['a signed object instead of an event array', () => app.request('/webhooks/hubspot', signed('{"eventId":1}')), 400, 'VALIDATION_ERROR', 'The body is not a HubSpot webhook batch: body: Invalid input: expected array, received object'],
    ['an event without occurredAt', () => app.request('/webhooks/hubspot', signed('[{"eventId":1,"objectId":5,"subscriptionType":"object.creation"}]')), 400, 'VALIDATION_ERROR', 'The body is not a HubSpot webhook batch: 0.occurredAt: Invalid input: expected number, received undefined'],
    ['an oversize body', () => app.request('/webhooks/hubspot', signed(`[${'1,'.repeat(3000)}1]`)), 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 4096 bytes.'],
    ['an unknown route', () => app.request('/webhooks/other', { method: 'POST' }), 404, 'OBJECT_NOT_FOUND', 'No route for POST /webhooks/other. Routes: POST /webhooks/hubspot, POST /workflow-actions/decide, GET /healthz, GET /metrics.'],
    ['an unsigned webhook', () => app.request('/webhooks/hubspot', { method: 'POST', body: '[]' }), 401, 'INVALID_AUTHENTICATION', 'The request carries no X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers.'],
    ['a webhook signed for the action URL', () => app.request('/webhooks/hubspot', signed('[]', '/workflow-actions/decide')), 401, 'INVALID_AUTHENTICATION', 'The v3 signature does not match this request.'],
  ])('%s → %i %s', async (_name, send, status, category, message) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'error', category, message, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('queues a signed batch and ignores events that are not contact creations or changes', async () => {
    const events = [
      { eventId: 1, occurredAt: 10, subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 5, propertyName: 'jobtitle', propertyValue: 'CTO' },
      { eventId: 2, occurredAt: 10, subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: 6, propertyName: 'domain' },
      { eventId: 3, occurredAt: 10, subscriptionType: 'object.deletion', objectTypeId: '0-1', objectId: 7 },
      { eventId: 4, occurredAt: 11, subscriptionType: 'contact.creation', objectId: 8 },
    ];
    const res = await app.request('/webhooks/hubspot', signed(JSON.stringify(events)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', received: 4, accepted: 2, duplicates: 0, stale: 0, contacts: 2 });
    expect(await queue.depth()).toBe(2);
  });

  it('/healthz names the queue and its depth', async () => {
    const res = await app.request('/healthz');
    expect(await res.json()).toEqual({ status: 'ok', queue: 'sqlite', depth: 2 });
  });

  it('/metrics speaks Prometheus text with every figure the issue lists', async () => {
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    for (const name of ['events_received_total', 'duplicates_dropped_total', 'stale_dropped_total', 'events_applied_total', 'signatures_rejected_total', 'queue_depth', 'hubspot_calls_total', 'errors_total']) {
      expect(text).toMatch(new RegExp(`^# TYPE lead_decisions_${name} (counter|gauge)$`, 'm'));
    }
    expect(text).toMatch(/^lead_decisions_queue_depth 2$/m);
    expect(text).toMatch(/^lead_decisions_signatures_rejected_total 2$/m);
  });
});
