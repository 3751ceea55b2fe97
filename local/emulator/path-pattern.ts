// `--faults paths=…`: which request paths get faults. Not a regular expression any more: a user's
// backtracking regex (`(a+)+$`) froze the emulator beyond SIGTERM. A pattern is literal text with
// three marks, matched in linear-ish time (indexOf per piece, no backtracking):
//   *   any run of characters (also /)     ^  at the start: the path starts here
//   |   between alternatives               $  at the end: the path ends here
// Without ^ a pattern may match anywhere in the path. The old regex examples keep their meaning:
// `/search$`, `^/crm/v3/objects/tasks$`, `^/crm/v3/objects/companies/`.

export type PathMatcher = (path: string) => boolean;

const MAX_PATTERN = 1000;

function compileOne(pattern: string): PathMatcher {
  const start = pattern.startsWith('^');
  const end = pattern.endsWith('$') && pattern.length > (start ? 1 : 0);
  const body = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  const pieces = body.split('*');
  return (path) => {
    let pos = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const last = i === pieces.length - 1;
      if (i === 0 && start) {
        if (!path.startsWith(piece)) return false;
        pos = piece.length;
        if (last && end) return path.length === pos;
        continue;
      }
      if (last && end) return path.length - piece.length >= pos && path.endsWith(piece);
      const at = path.indexOf(piece, pos);
      if (at === -1) return false;
      pos = at + piece.length;
    }
    return true;
  };
}

/** A matcher for `a|b|c`, or an error sentence. An empty pattern matches every path. */
export function compilePathPattern(pattern: string): { ok: true; match: PathMatcher } | { ok: false; message: string } {
  if (pattern.length > MAX_PATTERN) return { ok: false, message: `Bad --faults paths: at most ${MAX_PATTERN} characters.` };
  if (pattern === '') return { ok: true, match: () => true };
  const alternatives = pattern.split('|').map(compileOne);
  return { ok: true, match: (path) => alternatives.some((m) => m(path)) };
}
