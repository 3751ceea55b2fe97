// Turns what @hubspot/api-client throws (ApiException is not exported: it has
// `code` and `body`) into the typed family in lib/errors.ts, without the token.
import { z } from 'zod';
import { CrmError, NotFoundError, NotProvisionedError, RateLimitError } from '../../errors.ts';
import { displayUrl, redact } from '../../redact.ts';

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

// Node's network error codes, said the way a person would.
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused', ENOTFOUND: 'host not found', EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset', ETIMEDOUT: 'connection timed out', UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable', CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate', UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  UND_ERR_SOCKET: 'connection closed by the server',
};

/** The network cause of a failed fetch (undici hides it in `cause`, sometimes in an AggregateError). */
function networkCause(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CAUSES[code]) return NETWORK_CAUSES[code];
    const inner = (e as { errors?: unknown[] }).errors?.[0];
    e = inner ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when a 400 says the contract properties are not defined in the portal (never provisioned). */
function missingProperties(body: { message?: string }, raw: unknown): boolean {
  const text = `${body.message ?? ''} ${typeof raw === 'string' ? raw : JSON.stringify(raw ?? '')}`;
  return /PROPERTY_DOESNT_EXIST|Property \\?"[a-z_]+\\?" does not exist/.test(text);
}

/**
 * Maps any error from a HubSpot call to CrmError / RateLimitError / NotFoundError / NotProvisionedError.
 * `secrets` are redacted from the whole message BEFORE it is cut to one line; `baseUrl` (shown
 * without credentials) names where a connection failed.
 */
export function toCrmError(operation: string, error: unknown, secrets: readonly string[], baseUrl?: string): CrmError {
  if (error instanceof CrmError) return error;
  const parsed = apiExceptionSchema.safeParse(error);
  if (!parsed.success) {
    const cause = networkCause(error);
    const where = baseUrl ? displayUrl(baseUrl) : 'HubSpot';
    if (cause) return new CrmError(operation, `could not reach ${where}: ${cause}`);
    const raw = error instanceof Error ? error.message : String(error);
    if (raw === 'fetch failed') return new CrmError(operation, `could not reach ${where}`);
    const detail = redact(raw, secrets).split(/\r?\n|\r/)[0]!.trim();
    return new CrmError(operation, detail || 'the request did not complete');
  }
  const { code: status } = parsed.data;
  const body = parseBody(parsed.data.body);
  const details = { status, category: body.category, correlationId: body.correlationId };
  if (status === 400 && missingProperties(body, parsed.data.body)) return new NotProvisionedError(operation, details);
  const detail = redact(body.message ?? `HTTP ${status}`, secrets);
  if (status === 429) return new RateLimitError(operation, detail, { ...details, policyName: body.policyName });
  if (status === 404) return new NotFoundError(operation, detail, details);
  return new CrmError(operation, detail, details);
}

/** Runs one HubSpot call and rethrows its failure as a typed CrmError. */
export async function callHubSpot<T>(operation: string, secrets: readonly string[], call: () => Promise<T>, baseUrl?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toCrmError(operation, error, secrets, baseUrl);
  }
}
