// The preview's HTTP app: the page, its two scripts, and a small JSON API the
// page's SDK globals call (contacts, properties, app functions), plus the sandbox's
// "Simulate activity" endpoint when the backend can record activity.
import { Hono } from 'hono';
import {
  ActivityRequestSchema, CONTACT_ID, FUNCTION_NAME, FunctionRequestSchema, ListQuerySchema, PropertiesRequestSchema, asPropertyStrings,
  UnknownFunctionError, type PreviewBackend,
} from './backend.ts';
import { hostGuard } from '../host-guard.ts';
import { safeMessage, secretsFromEnv } from '../../lib/redact.ts';
import { DEFAULT_CARD_ENTRY, buildPreviewBundles, cachedPreviewBundles } from './bundles.ts';
import { PREVIEW_CSS, previewPage } from './page.ts';

export interface PreviewAppOptions {
  /** The card entrypoint to bundle; defaults to src/app/cards/LeadDecisionCard.tsx. */
  cardEntry?: string;
  /** Rebuild the bundles on every page load (for editing the card); default false. */
  rebuildOnLoad?: boolean;
  title?: string;
  /** The address the server listens on: with localhost names, the only Host accepted (see local/host-guard.ts). */
  boundHost?: string;
  /** Called with failures the page is told about only in general terms. */
  onError?: (error: unknown, where: string) => void;
}

// One line, every secret of the environment redacted first (lib/redact.ts): the page is a browser.
const messageOf = (error: unknown) => safeMessage(error, secretsFromEnv(process.env)) || 'Unknown error';

export async function createPreviewApp(backend: PreviewBackend, options: PreviewAppOptions = {}): Promise<Hono> {
  const cardEntry = options.cardEntry ?? DEFAULT_CARD_ENTRY;
  let bundles = await cachedPreviewBundles(cardEntry);
  const app = new Hono();
  const report = (error: unknown, where: string) => options.onError?.(error, where);
  app.use('*', hostGuard(options.boundHost ?? '127.0.0.1', (f) => Response.json({ ok: false, message: f.message }, { status: f.status })));

  app.get('/', async (c) => {
    if (options.rebuildOnLoad) bundles = await buildPreviewBundles(cardEntry);
    return c.html(previewPage(options.title ?? 'Lead Decisions — card preview', { simulateActivity: Boolean(backend.simulateActivity) }));
  });
  const script = (body: string) => new Response(body, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
  app.get('/assets/host.js', () => script(bundles.host));
  app.get('/assets/card.js', () => script(bundles.card));
  app.get('/assets/preview.css', () => new Response(PREVIEW_CSS, { headers: { 'content-type': 'text/css; charset=utf-8' } }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/contacts', async (c) => {
    const query = ListQuerySchema.safeParse({ q: c.req.query('q') ?? undefined, limit: c.req.query('limit') ?? undefined });
    if (!query.success) return c.json({ ok: false, message: 'q must be text and limit a number from 1 to 200' }, 400);
    try {
      return c.json({ ok: true, contacts: await backend.listContacts(query.data.q, query.data.limit) });
    } catch (error) {
      report(error, 'listContacts');
      return c.json({ ok: false, message: `Contacts could not be listed: ${messageOf(error)}` }, 502);
    }
  });

  app.post('/api/contacts/:id/properties', async (c) => {
    const id = c.req.param('id');
    const body = PropertiesRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!CONTACT_ID.test(id) || !body.success) return c.json({ ok: false, message: 'Expected a contact id and { names: string[] }' }, 400);
    try {
      const values = await backend.getContactProperties(id, body.data.names);
      return c.json({ ok: true, properties: asPropertyStrings(body.data.names, values) });
    } catch (error) {
      report(error, 'getContactProperties');
      return c.json({ ok: false, message: `Contact ${id} could not be read: ${messageOf(error)}` }, 502);
    }
  });

  app.post('/api/functions/:name', async (c) => {
    const name = c.req.param('name');
    const body = FunctionRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!FUNCTION_NAME.test(name) || !body.success || !CONTACT_ID.test(body.data.contactId)) {
      return c.json({ ok: false, message: 'Expected a function name and { contactId, parameters }' }, 400);
    }
    try {
      const result = await backend.runFunction(name, body.data.parameters, body.data.contactId);
      return c.json({ ok: true, result: result ?? null });
    } catch (error) {
      if (error instanceof UnknownFunctionError) return c.json({ ok: false, message: error.message }, 404);
      report(error, `runFunction ${name}`);
      // Like hubspot.serverless: a thrown function rejects the card's promise with its message.
      return c.json({ ok: false, message: `${name} failed: ${messageOf(error)}` }, 502);
    }
  });

  const simulateActivity = backend.simulateActivity?.bind(backend);
  if (simulateActivity) {
    app.post('/api/contacts/:id/activity', async (c) => {
      const id = c.req.param('id');
      const body = ActivityRequestSchema.safeParse(await c.req.json().catch(() => null));
      if (!CONTACT_ID.test(id) || !body.success) {
        return c.json({ ok: false, message: 'Expected a contact id and { kind: "page_views" | "form_submission" }' }, 400);
      }
      try {
        return c.json({ ok: true, counts: await simulateActivity(id, body.data.kind) });
      } catch (error) {
        report(error, 'simulateActivity');
        return c.json({ ok: false, message: `Activity could not be recorded on contact ${id}: ${messageOf(error)}` }, 502);
      }
    });
  }

  return app;
}
