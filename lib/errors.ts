// The small family of I/O errors adapters throw. Expected outcomes are values;
// these are for I/O that failed. Messages name the operation and never carry a secret.

export interface CrmErrorDetails {
  status?: number;
  category?: string;
  correlationId?: string;
  cause?: unknown;
}

/** A HubSpot CRM call failed. `message` names the operation, e.g. "HubSpot read contact 42 failed (404 OBJECT_NOT_FOUND): …". */
export class CrmError extends Error {
  override readonly name: string = 'CrmError';
  readonly operation: string;
  readonly status: number | undefined;
  readonly category: string | undefined;
  readonly correlationId: string | undefined;

  constructor(operation: string, detail: string, details: CrmErrorDetails = {}) {
    const code = [details.status, details.category].filter((part) => part !== undefined && part !== '').join(' ');
    super(`HubSpot ${operation} failed${code ? ` (${code})` : ''}: ${detail}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.operation = operation;
    this.status = details.status;
    this.category = details.category;
    this.correlationId = details.correlationId;
  }
}

/** HubSpot answered 429 after the client's own retries: back off before the next call. */
export class RateLimitError extends CrmError {
  override readonly name: string = 'RateLimitError';
  readonly policyName: string | undefined;

  constructor(operation: string, detail: string, details: CrmErrorDetails & { policyName?: string } = {}) {
    super(operation, detail, details);
    this.policyName = details.policyName;
  }
}

/** The record (or property, or group) does not exist. */
export class NotFoundError extends CrmError {
  override readonly name: string = 'NotFoundError';
}

/** The portal lacks the contract properties: provisioning never ran there. Says what to do instead of listing them. */
export class NotProvisionedError extends CrmError {
  override readonly name: string = 'NotProvisionedError';
  constructor(operation: string, details: CrmErrorDetails = {}) {
    super(operation, NOT_PROVISIONED, details);
  }
}

export const NOT_PROVISIONED = 'the Lead Decisions properties are missing: run `lead-decisions provision`';

/** No HubSpot token in the environment: nothing can be read or written. */
export class MissingTokenError extends Error {
  override readonly name: string = 'MissingTokenError';
  constructor() {
    super('No HubSpot access token: set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN inside HubSpot).');
  }
}

/** An outside provider (enrichment, AI) could not answer: which one, why (`code`), and the HTTP status if any. */
abstract class ProviderError extends Error {
  readonly provider: string;
  readonly status: number | undefined;
  readonly code: string;

  constructor(kind: string, provider: string, code: string, detail: string, details: { status?: number; cause?: unknown }) {
    super(`${kind} provider ${provider} failed: ${detail}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = provider;
    this.code = code;
    this.status = details.status;
  }
}

/** An enrichment provider could not answer (timeout, HTTP error, malformed response). */
export class EnrichmentError extends ProviderError {
  override readonly name: string = 'EnrichmentError';
  constructor(provider: string, code: string, detail: string, details: { status?: number; cause?: unknown } = {}) {
    super('Enrichment', provider, code, detail, details);
  }
}

/** An AI provider could not answer usably (timeout, HTTP error, output that fails validation). */
export class AiError extends ProviderError {
  override readonly name: string = 'AiError';
  constructor(provider: string, code: string, detail: string, details: { status?: number; cause?: unknown } = {}) {
    super('AI', provider, code, detail, details);
  }
}

/** Replaces every occurrence of each secret (tokens, keys, URL credentials) with "[redacted]" (lib/redact.ts). */
export { redact as redactSecrets } from './redact.ts';

/** An adapter setting in the environment is missing or invalid; the message names the variable, never a secret value. */
export class AdapterConfigError extends Error {
  override readonly name: string = 'AdapterConfigError';
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.variable = variable;
  }
}
