// Serializing one `decide` output line. The reasons are most of the output (≈ 5× the input's
// bytes); writing them as a template skips the wrapper objects JSON.stringify would walk.
// (A cache of escaped sentences was measured slower: hashing a fresh string costs as much as
// escaping it.) Output is byte-identical to JSON.stringify of the same object.
import type { Reason } from '../core/types.ts';

const q = JSON.stringify;

export interface OutputLine { id: string; outputs: Record<string, string>; reasons: readonly Reason[] | null; decisionKey: string; sideEffects?: readonly unknown[] }

/** `{"id","outputs","reasons","decision_key","sideEffects"}` (reasons left out when null), as JSON.stringify would write it. */
export function serializeOutputLine(line: OutputLine): string {
  let out = `{"id":${JSON.stringify(line.id)},"outputs":${JSON.stringify(line.outputs)}`;
  if (line.reasons !== null) {
    out += ',"reasons":[';
    for (let i = 0; i < line.reasons.length; i++) {
      const r = line.reasons[i]!;
      out += `${i === 0 ? '' : ','}{"code":${q(r.code)},"message":${q(r.message)}}`;
    }
    out += ']';
  }
  out += `,"decision_key":${JSON.stringify(line.decisionKey)}`;
  return line.sideEffects === undefined ? `${out}}` : `${out},"sideEffects":${JSON.stringify(line.sideEffects)}}`;
}
