// /crm/v3/owners/ (the client calls it with a trailing slash) and /crm/v3/owners/{ownerId}.
import type { Context, Hono } from 'hono';
import { notFound, validation } from '../errors.ts';
import { intParam, paging, sendFailure } from '../http.ts';
import type { EmulatorStore } from '../store/emulator-store.ts';

export function registerOwnerRoutes(app: Hono, store: EmulatorStore): void {
  const list = (c: Context): Response => {
    const limit = intParam(c, 'limit', 100);
    const after = intParam(c, 'after', 0);
    if (limit === null || limit < 1 || limit > 500) return sendFailure(c, validation('limit must be a whole number from 1 to 500.').failure);
    if (after === null) return sendFailure(c, validation('after must be a paging cursor from a previous page.').failure);
    const r = store.owners.list({ email: c.req.query('email'), after, limit, archived: c.req.query('archived') === 'true' });
    const last = r.owners[r.owners.length - 1];
    return c.json({ results: r.owners, ...paging(c, r.more && last ? last.id : undefined) });
  };
  app.get('/crm/v3/owners/', list);
  app.get('/crm/v3/owners', list);
  app.get('/crm/v3/owners/:ownerId', (c) => {
    const by = c.req.query('idProperty') === 'userId' ? 'userId' : 'id';
    const owner = store.owners.get(c.req.param('ownerId'), by);
    return owner ? c.json(owner) : sendFailure(c, notFound('owner', c.req.param('ownerId')).failure);
  });
}
