// Files written whole or not at all: a failed run never leaves half a page in place of a good one.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes through a temporary file renamed at the end, so a failed run never leaves half a file. */
export async function writeFileWhole(path: string, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
    return { ok: true };
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    return { ok: false, message: `Cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}
