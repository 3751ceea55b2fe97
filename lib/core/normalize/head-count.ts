// Head counts as people and HubSpot write them: plain numbers, thousands
// separators of any locale ("1,200", "1.200", "1 200", "1’200"), shorthand
// ("1.2k") and the contact property's range picklist ("1000-5000", "10001+").
//
// A closed range becomes its midpoint, rounded: it is the best single guess of
// the real size, where the lower bound would score every range contact as the
// smallest company it could be (a "100-500" firm as 100, one band too low). An
// open range ("10001+", "> 500") has no midpoint, so it is its lower bound.

const MAX_EMPLOYEES = 10_000_000;
// Spaces of every kind (incl. no-break and narrow no-break, as French and Swiss formats use) and apostrophes.
const GROUPING = /[\s\u00a0\u202f\u2009'’`]/g;
const GROUPED = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;
const DECIMAL = /^\d+(?:[.,]\d+)?$/;
const RANGE = /^(.+?)\s*(?:-|–|—|to|bis|a|à)\s*(.+)$/i;
const OPEN = /^(?:(.+?)\s*\+|(?:>|≥|more than|over|mehr als|plus de|más de|mais de)\s*(.+))$/i;
const SUFFIX = /^(.*?)\s*([km])$/i;

/** One number: "1.200" → 1200, "1,5k" → 1500; null when it is not one. */
function parseOne(text: string): number | null {
  let t = text.trim();
  let scale = 1;
  const suffix = SUFFIX.exec(t);
  if (suffix) {
    t = suffix[1] ?? '';
    scale = suffix[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  }
  t = t.replace(GROUPING, '');
  if (t === '') return null;
  // Three digits after each separator: thousands grouping ("1.200" in German is twelve hundred, not 1.2).
  if (scale === 1 && GROUPED.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (!DECIMAL.test(t)) return null;
  return Number(t.replace(',', '.')) * scale;
}

export type HeadCountForm = 'number' | 'range' | 'open_range';

export interface HeadCount { employees: number; form: HeadCountForm }

/** Parses a head count. Null for anything that is not a count of at least one person. Never throws. */
export function parseHeadCount(value: unknown): HeadCount | null {
  if (typeof value === 'number') return valid(value, 'number');
  if (typeof value !== 'string' || value.length > 60) return null;
  // HubSpot's number property arrives as plain digits: no regex needed on the hot path.
  if (isDigits(value)) return valid(Number(value), 'number');
  const text = value.trim().replace(/\s*(?:employees?|mitarbeiter(?:innen)?|salariés|empleados|funcionários|staff|people|ma)\.?$/i, '');
  if (text === '') return null;
  const one = parseOne(text);
  if (one !== null) return valid(one, 'number');
  const open = OPEN.exec(text);
  if (open) {
    const low = parseOne(open[1] ?? open[2] ?? '');
    return low === null ? null : valid(low, 'open_range');
  }
  const range = RANGE.exec(text);
  if (range) {
    const low = parseOne(range[1] ?? '');
    const high = parseOne(range[2] ?? '');
    if (low === null || high === null || high < low) return null;
    return valid((low + high) / 2, 'range');
  }
  return null;
}

function valid(n: number, form: HeadCountForm): HeadCount | null {
  if (!Number.isFinite(n) || n < 1 || n >= MAX_EMPLOYEES) return null;
  return { employees: Math.round(n), form };
}

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 8) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
