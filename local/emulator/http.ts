// Small helpers shared by the routes: HubSpot error answers, zod-checked JSON bodies, list query params, batch envelopes.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { errorBody, validation, type ApiFailure, type Result } from './errors.ts';
import { parseObjectType, type ObjectType } from './store/object-types.ts';
import type { BatchError } from './store/emulator-store.ts';

export function sendFailure(c: Context, f: ApiFailure): Response {
  return c.json(errorBody(f), f.status as ContentfulStatusCode);
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Result<z.infer<S>>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch (e) {
    return validation(`Invalid input JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return validation(`Invalid input JSON${at}: ${issue.message}`, { context: { path: [issue.path.join('.')] } });
}

/** `?properties=a,b&properties=c` → ['a', 'b', 'c']. */
export function listParam(c: Context, name: string): string[] | undefined {
  const values = c.req.queries(name);
  if (!values) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function intParam(c: Context, name: string, fallback: number): number | null {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

export function objectTypeParam(c: Context, name = 'objectType'): Result<ObjectType> {
  const raw = c.req.param(name) ?? '';
  const t = parseObjectType(raw);
  return t ? { ok: true, value: t } : { ok: false, failure: { status: 400, category: 'VALIDATION_ERROR', message: `Unable to infer object type from: ${raw}` } };
}

export function batchResponse<T>(c: Context, results: T[], errors: BatchError[], startedAt: string, okStatus: 200 | 201): Response {
  const completedAt = new Date().toISOString();
  if (errors.length === 0) return c.json({ status: 'COMPLETE', results, startedAt, completedAt }, okStatus);
  return c.json({ status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt }, 207);
}

export function paging(c: Context, after: string | undefined): { paging?: { next: { after: string; link: string } } } {
  if (after === undefined) return {};
  const url = new URL(c.req.url);
  url.searchParams.set('after', after);
  return { paging: { next: { after, link: `${url.pathname}?${url.searchParams.toString()}` } } };
}
