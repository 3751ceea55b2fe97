// Small helpers shared by the normalizers: reading untrusted property values,
// folding text for lookups, quoting values safely inside reason messages, and
// a bounded cache for values that repeat across contacts (titles, countries, hosts).
import type { Reason, Stage } from '../types.ts';

/** What a raw property value turned out to be. */
export type TextRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'not_text'; type: string }
  | { kind: 'too_long'; length: number };

/** Reads a property value as trimmed text: strings and finite numbers count; everything else is reported. */
export function readText(value: unknown, maxLength: number): TextRead {
  if (value === null || value === undefined) return { kind: 'missing' };
  let raw: string;
  if (typeof value === 'string') raw = value;
  else if (typeof value === 'number' && Number.isFinite(value)) raw = String(value);
  else if (typeof value === 'bigint') raw = value.toString();
  else return { kind: 'not_text', type: describeType(value) };
  // Checking the raw length first keeps a 10 MB value from costing a full scan.
  if (raw.length > maxLength * 4) return { kind: 'too_long', length: raw.length };
  const text = raw.trim();
  if (text === '') return { kind: 'missing' };
  if (text.length > maxLength) return { kind: 'too_long', length: text.length };
  return { kind: 'text', text };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a non-finite number';
  return `a ${typeof value}`;
}

/** The reason for a property that was present but unusable (wrong type or too long), or null. */
export function unusableReason(read: TextRead, code: string, label: string): Reason | null {
  if (read.kind === 'not_text') {
    return { code: `${code}_not_text`, message: `The ${label} is ${read.type}, not text, so it was ignored.` };
  }
  if (read.kind === 'too_long') {
    return { code: `${code}_too_long`, message: `The ${label} is ${read.length} characters long, too long to be real, so it was ignored.` };
  }
  return null;
}

const DIACRITICS = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^a-z0-9]+/g;
// Letters, digits and combining marks of any script: 日本, Россия, エンジニア (whose voicing marks are combining) keep their text.
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Lower-cases, strips accents (é → e, ß → ss, ä → a) and turns every run of
 * punctuation or space into one space (letters of every script are kept), so "U.S.A." and "usa", "Québec" and
 * "quebec", "Vice-Président" and "vice president" compare equal.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs no Unicode normalization.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower.replace(NOT_ALNUM, ' ').trim();
  // NFD splits é into e + accent; NFC afterwards puts non-Latin scripts (Hangul, kana voicing) back together.
  const stripped = lower.normalize('NFD').replace(DIACRITICS, '').replace(/ß/g, 'ss').normalize('NFC');
  return stripped.replace(NOT_WORD, ' ').trim();
}

const CONTROL = /[\u0000-\u001f\u007f]+/g; // eslint-disable-line no-control-regex
const QUOTE_MAX = 60;

/** A value quoted for a reason message: control characters removed, long values clipped. */
export function quote(text: string): string {
  let shown = text.replace(CONTROL, ' ');
  if (shown.length > QUOTE_MAX) {
    let cut = shown.slice(0, QUOTE_MAX - 1);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1); // never split an emoji in half
    shown = `${cut}…`;
  }
  return `“${shown}”`;
}

/** Freezes a stage before it is cached, so one caller cannot change another caller's answer. */
export function frozen<T>(stage: Stage<T>): Stage<T> {
  for (const reason of stage.reasons) Object.freeze(reason);
  Object.freeze(stage.reasons);
  if (typeof stage.value === 'object' && stage.value !== null) Object.freeze(stage.value);
  return Object.freeze(stage);
}

/**
 * A map that forgets its oldest entry when full. Results are pure functions of
 * the key, so caching them changes speed, never answers.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number, private readonly maxKeyLength = 200) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
