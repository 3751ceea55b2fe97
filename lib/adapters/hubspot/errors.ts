// Turns what @hubspot/api-client throws (ApiException is not exported: it has
// `code` and `body`) into the typed family in lib/errors.ts, without the token.
import { z } from 'zod';
import { CrmError, NotFoundError, RateLimitError, redactSecrets } from '../../errors.ts';

const apiExceptionSchema = z.object({ code: z.number().int(), body: z.unknown() });

const errorBodySchema = z.looseObject({
  message: z.string().optional(),
  category: z.string().optional(),
  correlationId: z.string().optional(),
  policyName: z.string().optional(),
});

function parseBody(body: unknown): z.infer<typeof errorBodySchema> {
  if (typeof body === 'string') {
    try {
      return parseBody(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 200) };
    }
  }
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}

/** The HTTP status of a client error, if it carries one. */
export function statusOf(error: unknown): number | undefined {
  const parsed = apiExceptionSchema.safeParse(error);
  return parsed.success ? parsed.data.code : undefined;
}

/** Maps any error from a HubSpot call to CrmError / RateLimitError / NotFoundError; `secrets` are scrubbed from the message. */
export function toCrmError(operation: string, error: unknown, secrets: readonly string[]): CrmError {
  if (error instanceof CrmError) return error;
  const parsed = apiExceptionSchema.safeParse(error);
  if (!parsed.success) {
    const raw = error instanceof Error ? error.message : String(error);
    // Network errors carry no status; keep only their first line and scrub it.
    const detail = redactSecrets(raw.split('\n')[0] ?? 'unknown error', secrets);
    return new CrmError(operation, detail || 'the request did not complete');
  }
  const { code: status } = parsed.data;
  const body = parseBody(parsed.data.body);
  const detail = redactSecrets(body.message ?? `HTTP ${status}`, secrets);
  const details = { status, category: body.category, correlationId: body.correlationId };
  if (status === 429) return new RateLimitError(operation, detail, { ...details, policyName: body.policyName });
  if (status === 404) return new NotFoundError(operation, detail, details);
  return new CrmError(operation, detail, details);
}

/** Runs one HubSpot call and rethrows its failure as a typed CrmError. */
export async function callHubSpot<T>(operation: string, secrets: readonly string[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toCrmError(operation, error, secrets);
  }
}
