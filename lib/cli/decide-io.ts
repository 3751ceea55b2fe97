// File safety for `decide`: never read and write the same file, write --output through a
// temporary file renamed at the end (a failed run leaves the old file as it was), and turn
// any I/O failure into one sentence for exit code 2.
import { createWriteStream, type WriteStream } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Node's error codes, said the way a person would. */
const IO_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', EACCES: 'permission denied',
  EPERM: 'operation not permitted', ENOENT: 'no such file or directory', EISDIR: 'it is a directory',
  EROFS: 'read-only file system', EIO: 'input/output error', EMFILE: 'too many open files', EFBIG: 'file too large',
  ENOTDIR: 'a parent is not a directory',
};

export function ioCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && IO_CAUSES[code]) ?? (code ? `error ${code}` : 'unknown error');
}

/** Refuses an --output that is the --input, also through a symlink or a hard link (same device and inode). */
export async function sameFileCheck(input: string, output: string): Promise<Result<null>> {
  const [a, b] = await Promise.all([stat(input).catch(() => null), stat(output).catch(() => null)]);
  const sameInode = a && b && a.dev === b.dev && a.ino === b.ino;
  const samePath = !b && (await realpath(input).catch(() => input)) === join(await realpath(dirname(output)).catch(() => dirname(output)), basename(output));
  if (sameInode || samePath) return { ok: false, error: `--output ${output} is the --input file: it would be emptied before it is read. Write to another file.` };
  return { ok: true, value: null };
}

export interface OutputFile {
  stream: WriteStream;
  /** True for a device or pipe written directly (no temporary file to fall back on). */
  inPlace: boolean;
  /** Renames the temporary file over the target (regular files only; a device is written in place). */
  commit(): Promise<void>;
  /** Removes the temporary file after a failure. */
  discard(): Promise<void>;
}

/** Opens --output: a temporary sibling for regular or new files, the path itself for a device or pipe (/dev/stdout, /dev/full). */
export async function openOutput(path: string): Promise<Result<OutputFile>> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) return { ok: false, error: `Cannot write --output ${path}: it is a directory.` };
  const inPlace = existing !== null && !existing.isFile();
  const target = inPlace ? path : join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const stream = createWriteStream(target, inPlace ? { flags: 'a' } : { flags: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
  const opened = await new Promise<Error | null>((resolve) => { stream.once('open', () => resolve(null)); stream.once('error', resolve); });
  if (opened) return { ok: false, error: `Cannot write --output ${path}: ${ioCause(opened)}.` };
  return {
    ok: true,
    value: {
      stream,
      inPlace,
      commit: async () => { if (!inPlace) await rename(target, path); },
      discard: async () => {
        stream.destroy();
        if (!inPlace) await rm(target, { force: true });
      },
    },
  };
}

/** A progress line on stderr, at most twice a second, only when stderr is a terminal. */
export function progressReporter(stderr: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = Date.now): { tick(lines: number): void; done(): void } {
  if (!stderr.isTTY) return { tick: () => {}, done: () => {} };
  let last = now();
  let shown = false;
  return {
    tick(lines) {
      if ((lines & 1023) !== 0) return;
      const t = now();
      if (t - last < 500) return;
      last = t;
      shown = true;
      stderr.write(`\r\u001b[Kdecided ${lines.toLocaleString('en-US')} lines…`);
    },
    done() {
      if (shown) stderr.write('\r\u001b[K');
    },
  };
}
