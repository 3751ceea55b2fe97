// Associations v4: list, create (labelled and default), archive, and the batch read/create/default/archive endpoints.
import type { Context, Hono } from 'hono';
import { fail, notFound, type Result } from '../errors.ts';
import { batchResponse, intParam, objectTypeParam, readBody, sendFailure } from '../http.ts';
import { v4BatchArchiveBody, v4BatchCreateBody, v4BatchDefaultBody, v4BatchReadBody, v4LabelsBody } from '../schemas.ts';
import type { BatchError, EmulatorStore } from '../store/emulator-store.ts';
import { associationType, objectTypeId, singular, type ObjectType } from '../store/object-types.ts';

const typeView = (id: number) => {
  const def = associationType(id);
  return { category: 'HUBSPOT_DEFINED', typeId: id, label: def?.primary ? 'Primary' : null };
};

function pair(c: Context): Result<{ from: ObjectType; to: ObjectType }> {
  const from = objectTypeParam(c, 'fromObjectType');
  if (!from.ok) return from;
  const to = objectTypeParam(c, 'toObjectType');
  if (!to.ok) return to;
  return { ok: true, value: { from: from.value, to: to.value } };
}

export function registerAssociationRoutes(app: Hono, store: EmulatorStore): void {
  const exists = (t: ObjectType, id: string): boolean => /^\d+$/.test(id) && store.objects.get(t, Number(id)) !== undefined;
  const missing = (t: ObjectType, id: string) => notFound(singular(t), id).failure;

  app.get('/crm/v4/objects/:fromObjectType/:objectId/associations/:toObjectType', (c) => {
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const id = c.req.param('objectId');
    if (!exists(p.value.from, id)) return sendFailure(c, missing(p.value.from, id));
    const limit = intParam(c, 'limit', 500) ?? 500;
    const after = intParam(c, 'after', 0) ?? 0;
    const { links, more } = store.associations.list(Number(id), p.value.to, after, Math.min(Math.max(limit, 1), 500));
    const results = links.map((l) => ({ toObjectId: l.toId, associationTypes: l.typeIds.map(typeView) }));
    const last = links[links.length - 1];
    return c.json({ results, ...(more && last ? { paging: { next: { after: String(last.toId) } } } : {}) });
  });

  app.put('/crm/v4/objects/:fromObjectType/:objectId/associations/default/:toObjectType/:toObjectId', (c) => {
    const startedAt = new Date().toISOString();
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const [fromId, toId] = [c.req.param('objectId'), c.req.param('toObjectId')];
    if (!exists(p.value.from, fromId)) return sendFailure(c, missing(p.value.from, fromId));
    if (!exists(p.value.to, toId)) return sendFailure(c, missing(p.value.to, toId));
    const r = store.transaction(() => store.associations.addDefault(p.value.from, Number(fromId), p.value.to, Number(toId)));
    if (!r.ok) return sendFailure(c, r.failure);
    const results = r.value.flatMap((typeId) => [
      { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } },
      { from: { id: toId }, to: { id: fromId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: associationType(typeId)!.inverse } },
    ]);
    return batchResponse(c, results, [], startedAt, 200);
  });

  app.put('/crm/v4/objects/:fromObjectType/:objectId/associations/:toObjectType/:toObjectId', async (c) => {
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const [fromId, toId] = [c.req.param('objectId'), c.req.param('toObjectId')];
    if (!exists(p.value.from, fromId)) return sendFailure(c, missing(p.value.from, fromId));
    if (!exists(p.value.to, toId)) return sendFailure(c, missing(p.value.to, toId));
    const body = await readBody(c, v4LabelsBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const r = store.transaction(() => {
      for (const ty of body.value) {
        const added = store.associations.add(p.value.from, Number(fromId), p.value.to, Number(toId), ty.associationTypeId);
        if (!added.ok) return added;
      }
      return { ok: true as const, value: true };
    });
    if (!r.ok) return sendFailure(c, r.failure);
    return c.json(labelsBetween(p.value.from, Number(fromId), p.value.to, Number(toId), body.value.map((t) => t.associationTypeId)), 201);
  });

  app.delete('/crm/v4/objects/:fromObjectType/:objectId/associations/:toObjectType/:toObjectId', (c) => {
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    store.associations.remove(p.value.from, Number(c.req.param('objectId')), p.value.to, Number(c.req.param('toObjectId')));
    return c.body(null, 204);
  });

  app.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/read', async (c) => {
    const startedAt = new Date().toISOString();
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const body = await readBody(c, v4BatchReadBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const results = [];
    const errors: BatchError[] = [];
    for (const input of body.value.inputs) {
      const links = exists(p.value.from, input.id) ? store.associations.list(Number(input.id), p.value.to, Number(input.after ?? 0), 500) : null;
      if (!links || links.links.length === 0) {
        errors.push({
          status: 'error', category: 'OBJECT_NOT_FOUND', context: { fromObjectId: [input.id] },
          message: `No ${singular(p.value.to)} is associated with ${singular(p.value.from)} ${input.id}.`,
        });
        continue;
      }
      const last = links.links[links.links.length - 1]!;
      results.push({
        from: { id: input.id },
        to: links.links.map((l) => ({ toObjectId: l.toId, associationTypes: l.typeIds.map(typeView) })),
        ...(links.more ? { paging: { next: { after: String(last.toId) } } } : {}),
      });
    }
    return batchResponse(c, results, errors, startedAt, 200);
  });

  app.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/create', async (c) => {
    const startedAt = new Date().toISOString();
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const body = await readBody(c, v4BatchCreateBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const results: ReturnType<typeof labelsBetween>[] = [];
    const errors: BatchError[] = [];
    store.transaction(() => {
      for (const input of body.value.inputs) {
        const bad = !exists(p.value.from, input.from.id) ? missing(p.value.from, input.from.id) : !exists(p.value.to, input.to.id) ? missing(p.value.to, input.to.id) : null;
        const failure = bad ?? input.types.map((ty) => store.associations.add(p.value.from, Number(input.from.id), p.value.to, Number(input.to.id), ty.associationTypeId)).find((r) => !r.ok)?.failure;
        if (failure) errors.push({ status: 'error', category: failure.category, message: failure.message, context: { fromObjectId: [input.from.id], toObjectId: [input.to.id] } });
        else results.push(labelsBetween(p.value.from, Number(input.from.id), p.value.to, Number(input.to.id), input.types.map((t) => t.associationTypeId)));
      }
    });
    return batchResponse(c, results, errors, startedAt, 201);
  });

  app.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default', async (c) => {
    const startedAt = new Date().toISOString();
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const body = await readBody(c, v4BatchDefaultBody);
    if (!body.ok) return sendFailure(c, body.failure);
    const results = [];
    const errors: BatchError[] = [];
    for (const input of body.value.inputs) {
      const ok = exists(p.value.from, input.from.id) && exists(p.value.to, input.to.id);
      const r = ok ? store.associations.addDefault(p.value.from, Number(input.from.id), p.value.to, Number(input.to.id)) : fail(404, 'OBJECT_NOT_FOUND', `Cannot associate ${singular(p.value.from)} ${input.from.id} with ${singular(p.value.to)} ${input.to.id}: one of them does not exist.`);
      if (!r.ok) { errors.push({ status: 'error', category: r.failure.category, message: r.failure.message }); continue; }
      for (const typeId of r.value) results.push({ from: { id: input.from.id }, to: { id: input.to.id }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } });
    }
    return batchResponse(c, results, errors, startedAt, 200);
  });

  app.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive', async (c) => {
    const p = pair(c);
    if (!p.ok) return sendFailure(c, p.failure);
    const body = await readBody(c, v4BatchArchiveBody);
    if (!body.ok) return sendFailure(c, body.failure);
    store.transaction(() => {
      for (const input of body.value.inputs) for (const to of input.to) store.associations.remove(p.value.from, Number(input.from.id), p.value.to, Number(to.id));
    });
    return c.body(null, 204);
  });
}

function labelsBetween(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeIds: number[]) {
  return {
    fromObjectTypeId: objectTypeId(from), fromObjectId: fromId, toObjectTypeId: objectTypeId(to), toObjectId: toId,
    labels: typeIds.flatMap((id) => (associationType(id)?.primary ? ['Primary'] : [])),
  };
}
