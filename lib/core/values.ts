// Reading raw CRM values defensively: HubSpot sends strings, but JSONL and
// hand-edited records bring numbers, booleans, nulls and garbage. Never throws.

const MAX_TEXT = 5_000;

/** A trimmed non-empty string, or null. Numbers become their decimal form; anything else is null. */
export function readText(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.length > MAX_TEXT ? value.slice(0, MAX_TEXT).trim() : value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

// A label a person typed: at least one letter, no control characters, not a number's spelling.
const NOT_A_LABEL = /^[+-]?(nan|infinity|null|undefined|true|false)$/i;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Text that reads as a label (an industry, a name), or null for garbage like "NaN", "-3.8e+299" or "\u001b[2J". */
export function readLabel(value: unknown, max = 80): string | null {
  if (typeof value !== 'string') return null;
  const t = readText(value);
  if (t === null || CONTROL.test(t) || NOT_A_LABEL.test(t) || !/\p{L}/u.test(t) || Number.isFinite(Number(t))) return null;
  return t.slice(0, max);
}

/** A HubSpot owner id (digits only), or null: "NaN" or ids with control characters never reach a reason. */
export function readOwnerId(value: unknown): string | null {
  const t = readText(value);
  return t !== null && /^\d{1,20}$/.test(t) ? t : null;
}

/** A finite number from a number or numeric string ("1,200" tolerated), or null. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.length > 40) return null;
  // HubSpot sends counts as plain digits: those need no trimming or separator removal.
  if (digitsOnly(value, 1, 15)) return Number(value);
  const t = value.trim().replace(/[,_\s]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A non-negative integer count, or 0 when absent or unreadable. */
export function readCount(value: unknown): number {
  const n = readNumber(value);
  if (n === null || n < 0) return 0;
  return Math.floor(n);
}

/** Epoch milliseconds from HubSpot's epoch-ms strings or ISO dates, or null. */
export function readTime(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || value.length > 64) return null;
  // HubSpot's epoch-ms strings are plain digits: summed here exactly (< 2^53), without trim or Number().
  const fast = epochDigits(value);
  if (fast >= 0) return fast;
  const t = value.trim();
  if (t === '') return null;
  if (digitsOnly(t, 9, 14)) return Number(t);
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

/** The value of 9 to 14 ASCII digits, else -1 (14 digits stay below 2^53, so the sum is exact, as Number() would read it). */
function epochDigits(text: string): number {
  const len = text.length;
  if (len < 9 || len > 14) return -1;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** True when `text` is only ASCII digits, between min and max of them (a regex test costs more, twice per decision). */
function digitsOnly(text: string, min: number, max: number): boolean {
  if (text.length < min || text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The value as HubSpot would store it, for comparing against a planned write. */
export function storedString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
}

export const DAY_MS = 86_400_000;

/** HubSpot industry enum form: "Computer Software" → "COMPUTER_SOFTWARE". */
export function industryKey(industry: string): string {
  let key = INDUSTRY_KEYS.get(industry);
  if (key === undefined) {
    key = industry.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    if (INDUSTRY_KEYS.size >= 10_000) INDUSTRY_KEYS.clear();
    INDUSTRY_KEYS.set(industry, key);
  }
  return key;
}

// Industries come from a short list in practice; the bounded memo keeps the regexes off the hot path.
const INDUSTRY_KEYS = new Map<string, string>();
