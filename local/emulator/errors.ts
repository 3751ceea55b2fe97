// HubSpot-shaped error bodies. Every error the emulator sends goes through here, so
// the official client always sees `Content-Type: application/json` and can set `err.code`.
import { randomUUID } from 'node:crypto';

export type ErrorCategory =
  | 'VALIDATION_ERROR'
  | 'FORBIDDEN'
  | 'OBJECT_NOT_FOUND'
  | 'CONFLICT'
  | 'OBJECT_ALREADY_EXISTS'
  | 'INVALID_AUTHENTICATION'
  | 'RATE_LIMITS'
  | 'INTERNAL_ERROR'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT'
  | 'NOT_FOUND';

export interface ErrorDetail {
  message: string;
  code?: string;
  context?: Record<string, string[]>;
}

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: ErrorCategory;
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
}

/** An expected failure of an operation, carried as a value up to the route that answers it. */
export interface ApiFailure {
  status: number;
  category: ErrorCategory;
  message: string;
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (status: number, category: ErrorCategory, message: string, extra: Partial<ApiFailure> = {}): { ok: false; failure: ApiFailure } => ({
  ok: false,
  failure: { status, category, message, ...extra },
});

export function errorBody(f: ApiFailure): HubSpotErrorBody {
  const body: HubSpotErrorBody = { status: 'error', message: f.message, correlationId: randomUUID(), category: f.category };
  if (f.context) body.context = f.context;
  if (f.errors) body.errors = f.errors;
  return body;
}

export const notFound = (what: string, id: string): { ok: false; failure: ApiFailure } =>
  fail(404, 'OBJECT_NOT_FOUND', `resource not found: ${what} ${id} does not exist`);

export const validation = (message: string, extra: Partial<ApiFailure> = {}): { ok: false; failure: ApiFailure } =>
  fail(400, 'VALIDATION_ERROR', message, extra);
