// Small pure hashes for keys: no node:crypto in the core, and deterministic across runs.

// cyrb53 (public domain, bryc) in steps that every hash below shares: two 32-bit lanes,
// fed character by character (or word by word), then mixed. Module-level lanes keep the
// hot path (routing hashes every pool member of every contact) free of allocations.
let h1 = 0;
let h2 = 0;

function start(seed: number): void {
  h1 = 0xdeadbeef ^ seed;
  h2 = 0x41c6ce57 ^ seed;
}

function feed(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
}

function finish(): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
}

const lanes53 = (): number => 4294967296 * (2097151 & h2) + (h1 >>> 0);
// The two lanes as 16 hex digits, h2 first. One fromCharCode call builds the string flat:
// toString(16) + padStart twice cost six times as much (measured), and every decision key pays it.
const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const nibble = (lane: number, shift: number): number => HEX_CODES[(lane >>> shift) & 15]!;
const lanesHex = (): string => String.fromCharCode(
  nibble(h2, 28), nibble(h2, 24), nibble(h2, 20), nibble(h2, 16), nibble(h2, 12), nibble(h2, 8), nibble(h2, 4), nibble(h2, 0),
  nibble(h1, 28), nibble(h1, 24), nibble(h1, 20), nibble(h1, 16), nibble(h1, 12), nibble(h1, 8), nibble(h1, 4), nibble(h1, 0),
);

/** cyrb53: a fast 53-bit string hash with good avalanche. */
export function hash53(text: string, seed = 0): number {
  start(seed);
  feed(text);
  finish();
  return lanes53();
}

/** 64 bits (16 hex characters) in one pass: cyrb53's two 32-bit lanes, both kept whole. */
export function hash64Hex(text: string, seed = 0): string {
  start(seed);
  feed(text);
  finish();
  return lanesHex();
}

/** A hex digest of 14 characters (53 bits) of the text. */
export function hashHex(text: string, seed = 0): string {
  return hash53(text, seed).toString(16).padStart(14, '0');
}

/** A uniform number in the open interval (0, 1) derived from the text. */
export function hashUnit(text: string): number {
  return (hash53(text) + 0.5) / 9007199254740992;
}

let pairKey: string | null = null;
let pairH1 = 0;
let pairH2 = 0;

/** hashUnit(a + "\u0000" + b) without building the joined string (routing hashes every pool member). */
export function hashUnitPair(a: string, b: string): number {
  // Routing hashes one key with each member of a pool in turn: the lanes after the key are kept.
  if (a === pairKey) {
    h1 = pairH1;
    h2 = pairH2;
  } else {
    start(0);
    feed(a);
    h1 = Math.imul(h1, 2654435761);
    h2 = Math.imul(h2, 1597334677);
    pairKey = a;
    pairH1 = h1;
    pairH2 = h2;
  }
  feed(b);
  finish();
  return (lanes53() + 0.5) / 9007199254740992;
}

/** JSON with object keys sorted, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * A 64-bit hex digest of a list of fields. Each field becomes one 53-bit word
 * (strings through a memo, since the same values — versions, personas, tiers,
 * owner ids, domains — recur across contacts), then the words are mixed with
 * cyrb53's two lanes. Type-tagged, so "1", 1, true and null all differ.
 */
export function hashFields(fields: readonly (string | number | boolean | null)[]): string {
  let l1 = 0xdeadbeef;
  let l2 = 0x41c6ce57;
  for (const field of fields) {
    const word = fieldWord(field); // may hash a new string: it uses the shared lanes, so ours are local here
    const lo = word >>> 0;
    const hi = Math.floor(word / 4294967296) | 0;
    l1 = Math.imul(l1 ^ lo, 2654435761);
    l2 = Math.imul(l2 ^ hi ^ lo, 1597334677);
  }
  h1 = l1;
  h2 = l2;
  finish();
  return lanesHex();
}

const WORDS = new Map<string, number>();

function fieldWord(field: string | number | boolean | null): number {
  if (field === null) return 0x5bd1e995;
  if (field === true) return 0x27d4eb2f;
  if (field === false) return 0x165667b1;
  // Scores and counts are small non-negative integers: each maps to its own word directly.
  if (typeof field === 'number') return Number.isInteger(field) && field >= 0 && field < 0x100000 ? 0x1f0000000000 + field : hash53(`n:${field}`);
  let word = WORDS.get(field);
  if (word === undefined) {
    word = hash53(`s:${field}`);
    if (WORDS.size >= 50_000) WORDS.clear();
    WORDS.set(field, word);
  }
  return word;
}
