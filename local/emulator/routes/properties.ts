// /crm/v3/properties/{objectType}: definitions and groups.
import type { Hono } from 'hono';
import { notFound } from '../errors.ts';
import { objectTypeParam, readBody, sendFailure } from '../http.ts';
import { groupCreateBody, propertyCreateBody, propertyUpdateBody } from '../schemas.ts';
import type { EmulatorStore } from '../store/emulator-store.ts';

const BASE = '/crm/v3/properties/:objectType';

export function registerPropertyRoutes(app: Hono, store: EmulatorStore): void {
  app.get(`${BASE}/groups`, (c) => {
    const t = objectTypeParam(c);
    return t.ok ? c.json({ results: store.properties.groups(t.value) }) : sendFailure(c, t.failure);
  });

  app.post(`${BASE}/groups`, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, groupCreateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.properties.createGroup(t.value, body.value);
    return r.ok ? c.json(r.value, 201) : sendFailure(c, r.failure);
  });

  app.get(`${BASE}/groups/:groupName`, (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const g = store.properties.getGroup(t.value, c.req.param('groupName'));
    return g ? c.json(g) : sendFailure(c, notFound('property group', c.req.param('groupName')).failure);
  });

  app.get(BASE, (c) => {
    const t = objectTypeParam(c);
    return t.ok ? c.json({ results: store.properties.list(t.value) }) : sendFailure(c, t.failure);
  });

  app.post(BASE, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, propertyCreateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.properties.create(t.value, body.value);
    return r.ok ? c.json(r.value, 201) : sendFailure(c, r.failure);
  });

  app.get(`${BASE}/:propertyName`, (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const p = store.properties.get(t.value, c.req.param('propertyName'));
    return p ? c.json(p) : sendFailure(c, notFound('property', c.req.param('propertyName')).failure);
  });

  app.patch(`${BASE}/:propertyName`, async (c) => {
    const t = objectTypeParam(c);
    if (!t.ok) return sendFailure(c, t.failure);
    const body = await readBody(c, propertyUpdateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.properties.update(t.value, c.req.param('propertyName'), body.value);
    return r.ok ? c.json(r.value) : sendFailure(c, r.failure);
  });
}
