// The preview's HTTP app: the page, its two scripts, and a small JSON API the
// page's SDK globals call (contacts, properties, app functions), plus the sandbox's
// "Simulate activity" endpoint when the backend can record activity.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
  /** A folder of generated HTML pages (the sandbox's latest simulation and report), served under /reports/ and linked from the page. */
  reportsDir?: string;
}

// Only plain page names: nothing outside the folder can be named.
const REPORT_PAGE = /^[a-z0-9][a-z0-9-]{0,60}\.html$/;
const REPORT_TITLES: Record<string, string> = { 'simulation.html': 'Rule-change simulation', 'report.html': 'MER & funnel report' };

async function listReportPages(dir: string): Promise<{ name: string; title: string; updatedAt: string }[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => REPORT_PAGE.test(n)).sort();
  const pages = await Promise.all(names.map(async (name) => {
    const info = await stat(join(dir, name)).catch(() => null);
    return info?.isFile() ? { name, title: REPORT_TITLES[name] ?? name.replace(/\.html$/, ''), updatedAt: info.mtime.toISOString() } : null;
  }));
  return pages.filter((p): p is NonNullable<typeof p> => p !== null);
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
    return c.html(previewPage(options.title ?? 'Lead Decisions — card preview', { simulateActivity: Boolean(backend.simulateActivity), autoRescore: Boolean(backend.autoRescore) }));
  });
  const script = (body: string) => new Response(body, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
  app.get('/assets/host.js', () => script(bundles.host));
  app.get('/assets/card.js', () => script(bundles.card));
  app.get('/assets/preview.css', () => new Response(PREVIEW_CSS, { headers: { 'content-type': 'text/css; charset=utf-8' } }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/contacts', async (c) => {
    const raw = (name: string) => c.req.query(name) || undefined;
    const query = ListQuerySchema.safeParse({ q: c.req.query('q') ?? undefined, limit: raw('limit'), tier: raw('tier'), sort: raw('sort'), after: raw('after') });
    if (!query.success) return c.json({ ok: false, message: 'q must be text, limit a number from 1 to 200, tier high|medium|low|unscored, sort score|newest, after a number' }, 400);
    try {
      const { q, limit, tier, sort, after } = query.data;
      const page = await backend.listContacts({ q, limit, sort, ...(tier ? { tier } : {}), ...(after ? { after } : {}) });
      return c.json({ ok: true, ...page });
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

  const reportsDir = options.reportsDir;
  app.get('/api/reports', async (c) => c.json({ ok: true, pages: reportsDir ? await listReportPages(reportsDir) : [] }));
  app.get('/reports/:name', async (c) => {
    const name = c.req.param('name');
    if (!reportsDir || !REPORT_PAGE.test(name)) return c.text('Not found', 404);
    const html = await readFile(join(reportsDir, name), 'utf8').catch(() => null);
    return html === null ? c.text('Not generated yet', 404) : c.html(html);
  });

  // null: the backend cannot tell (the page then re-reads the card until its time bound).
  const rescoreSettled = backend.rescoreSettled?.bind(backend);
  app.get('/api/rescore', async (c) => {
    if (!rescoreSettled) return c.json({ ok: true, settled: null });
    try {
      return c.json({ ok: true, settled: await rescoreSettled() });
    } catch (error) {
      report(error, 'rescoreSettled');
      return c.json({ ok: false, message: `The re-score state could not be read: ${messageOf(error)}` }, 502);
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
