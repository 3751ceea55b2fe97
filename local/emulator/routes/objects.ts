// /crm/v3/objects/{objectType}: get, list, create, update, archive, batch read/create/update/upsert, search.
import type { Hono } from 'hono';
import { validation } from '../errors.ts';
import { batchResponse, intParam, listParam, objectTypeParam, paging, readBody, sendFailure } from '../http.ts';
import { batchArchiveBody, batchCreateBody, batchReadBody, batchUpdateBody, batchUpsertBody, createBody, HISTORY_LIMIT_MESSAGE, HISTORY_READ_LIMIT, searchBody, updateBody } from '../schemas.ts';
import type { EmulatorStore } from '../store/emulator-store.ts';

const BASE = '/crm/v3/objects/:objectType';

export function registerObjectRoutes(app: Hono, store: EmulatorStore): void {
  app.post(`${BASE}/search`, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, searchBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const b = body.value;
    const r = store.search(t.value, { filterGroups: b.filterGroups, sort: b.sorts[0], query: b.query, limit: b.limit, after: b.after ?? 0 }, b.properties);
    if (!r.ok) return sendFailure(c, r.failure);
    return c.json({ total: r.value.total, results: r.value.results, ...(r.value.nextAfter ? { paging: { next: { after: r.value.nextAfter } } } : {}) });
  });

  app.post(`${BASE}/batch/read`, async (c) => {
    const startedAt = new Date().toISOString();
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, batchReadBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const b = body.value;
    // Like HubSpot: a batch read that asks for property history takes at most 50 inputs.
    if ((b.propertiesWithHistory ?? []).length > 0 && b.inputs.length > HISTORY_READ_LIMIT) return sendFailure(c, validation(HISTORY_LIMIT_MESSAGE).failure);
    const r = store.batchRead(t.value, b.inputs.map((i) => i.id), { properties: b.properties ?? [], propertiesWithHistory: b.propertiesWithHistory, idProperty: b.idProperty });
    if (!r.ok) return sendFailure(c, r.failure);
    return batchResponse(c, r.value.results, r.value.errors, startedAt, 200);
  });

  app.post(`${BASE}/batch/create`, async (c) => {
    const startedAt = new Date().toISOString();
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, batchCreateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.batchCreate(t.value, body.value.inputs);
    return batchResponse(c, r.results, r.errors, startedAt, 201);
  });

  app.post(`${BASE}/batch/update`, async (c) => {
    const startedAt = new Date().toISOString();
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, batchUpdateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const ids = body.value.inputs.map((i) => i.id);
    if (new Set(ids).size !== ids.length) return sendFailure(c, validation('Duplicate IDs found in batch input: each id may appear once.', { context: { ids: ids.filter((id, i) => ids.indexOf(id) !== i) } }).failure);
    const r = store.batchUpdate(t.value, body.value.inputs, body.value.inputs[0]?.idProperty);
    return batchResponse(c, r.results, r.errors, startedAt, 200);
  });

  app.post(`${BASE}/batch/upsert`, async (c) => {
    const startedAt = new Date().toISOString();
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, batchUpsertBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.batchUpsert(t.value, body.value.inputs);
    return batchResponse(c, r.results, r.errors, startedAt, 200);
  });

  app.post(`${BASE}/batch/archive`, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, batchArchiveBody);
    if (!body.ok) return sendFailure(c, body.failure);
    // HubSpot answers 204 even for ids that do not exist.
    store.transaction(() => { for (const input of body.value.inputs) store.archive(t.value, input.id); });
    return c.body(null, 204);
  });

  app.get(BASE, (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const limit = intParam(c, 'limit', 10);
    const after = intParam(c, 'after', 0);
    if (limit === null || limit < 1 || limit > 100) return sendFailure(c, validation('limit must be a whole number from 1 to 100.').failure);
    if (after === null) return sendFailure(c, validation('after must be a paging cursor from a previous page.').failure);
    const propertiesWithHistory = listParam(c, 'propertiesWithHistory');
    // Like HubSpot: a page that carries property history holds at most 50 objects.
    if ((propertiesWithHistory ?? []).length > 0 && limit > HISTORY_READ_LIMIT) return sendFailure(c, validation(HISTORY_LIMIT_MESSAGE).failure);
    const r = store.list(t.value, {
      limit, after, archived: c.req.query('archived') === 'true',
      properties: listParam(c, 'properties'), propertiesWithHistory, associations: listParam(c, 'associations'),
    });
    return c.json({ results: r.results, ...paging(c, r.nextAfter) });
  });

  app.post(BASE, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, createBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.create(t.value, body.value.properties, body.value.associations);
    return r.ok ? c.json(r.value, 201) : sendFailure(c, r.failure);
  });

  app.get(`${BASE}/:objectId`, (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const r = store.read(t.value, c.req.param('objectId'), {
      properties: listParam(c, 'properties'), propertiesWithHistory: listParam(c, 'propertiesWithHistory'), associations: listParam(c, 'associations'),
      idProperty: c.req.query('idProperty'), archived: c.req.query('archived') === 'true',
    });
    return r.ok ? c.json(r.value) : sendFailure(c, r.failure);
  });

  app.patch(`${BASE}/:objectId`, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, updateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.update(t.value, c.req.param('objectId'), body.value.properties, c.req.query('idProperty'));
    return r.ok ? c.json(r.value) : sendFailure(c, r.failure);
  });

  app.delete(`${BASE}/:objectId`, (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const r = store.archive(t.value, c.req.param('objectId'));
    return r.ok ? c.body(null, 204) : sendFailure(c, r.failure);
  });
}
