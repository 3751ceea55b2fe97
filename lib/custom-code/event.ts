// What a workflow custom code action receives and returns (Node 24 runtime:
// `exports.main = async (event) => ({ outputFields })`). HubSpot passes the mapped
// inputs as strings (numbers or booleans at times) or leaves them out; outputs must be
// string, number, boolean, datetime (Unix ms) or enumeration values.
import { MAX_REASON_LENGTH } from '../core/contract.ts';
import type { Reason } from '../core/types.ts';

export interface CustomCodeEvent {
  inputFields?: Record<string, unknown>;
  object?: { objectId?: unknown; objectType?: string };
  callbackId?: string;
  origin?: Record<string, unknown>;
}

/** An output HubSpot accepts: string, enumeration (string), number, datetime (ms number), boolean. */
export type OutputValue = string | number | boolean;
export type OutputFields = Record<string, OutputValue>;

export interface CustomCodeResult<O extends OutputFields> { outputFields: O }

/** The inputs as a plain map, whatever the event holds (a broken event reads as no inputs). */
export function inputsOf(event: unknown): Record<string, unknown> {
  const fields = event !== null && typeof event === 'object' ? (event as CustomCodeEvent).inputFields : undefined;
  return fields !== null && typeof fields === 'object' && !Array.isArray(fields) ? fields : {};
}

/** True when HubSpot sent nothing usable for the input: absent, null or blank. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Reason text as a workflow shows it: one line, at most the contract's length. */
export function reasonText(reason: Reason): string {
  return reason.message.replace(/\s+/g, ' ').slice(0, MAX_REASON_LENGTH);
}

/** HubSpot's record id as a string of digits, or null. */
export function objectIdOf(event: unknown): string | null {
  const raw = event !== null && typeof event === 'object' ? (event as CustomCodeEvent).object?.objectId : undefined;
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  return /^\d{1,20}$/.test(text) ? text : null;
}
