// `--now`: a real ISO 8601 date-time, checked field by field (Date.parse turns 2026-02-30 into
// March 2). A bare date means midnight UTC; a date-time needs Z or an offset, because the local
// time zone of the machine is a hidden input that would make a replay differ.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

export type NowResult = { ok: true; value: Date } | { ok: false; error: string };

const EXAMPLE = 'such as 2026-11-27T12:00:00Z, 2026-11-27T12:00:00+01:00 or 2026-11-27 (midnight UTC)';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseNow(value: string | undefined, clock: () => Date): NowResult {
  if (value === undefined) return { ok: true, value: clock() };
  const text = value.trim();
  const bad = (why: string): NowResult => ({ ok: false, error: `--now "${JSON.stringify(text).slice(1, -1)}" is not an ISO date-time ${EXAMPLE}${why}.` });
  const m = ISO.exec(text);
  if (!m) return bad('');
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => (p === undefined ? undefined : Number(p))) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!)) return bad(`: ${m[1]}-${m[2]} has no day ${m[3]}`);
  if (hour > 23 || minute > 59 || second > 59) return bad(': the time is out of range');
  if (m[4] !== undefined && m[8] === undefined) return bad(': add Z or an offset such as +01:00');
  if (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return bad(': the offset is out of range');
  const iso = m[4] === undefined ? `${text}T00:00:00Z` : text;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? { ok: true, value: new Date(ms) } : bad('');
}
