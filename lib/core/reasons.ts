// Gathering stage reasons into one list.
import type { Reason } from './types.ts';

/**
 * Appends one stage's reasons. Not Array.prototype.concat: memoized stages hand out
 * frozen arrays, which send concat down its slow generic path (measured: 6% of a decision).
 */
export function appendReasons(into: Reason[], from: readonly Reason[]): void {
  for (let i = 0; i < from.length; i++) into.push(from[i]!);
}
