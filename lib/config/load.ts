// Loading the rules config from disk (I/O lives here, outside the pure core).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseConfig, type ConfigResult } from '../core/config.ts';

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/decisions.json', import.meta.url));

/** Reads and validates the config; a missing or unreadable file is an error result naming the file, never a throw. */
export async function loadConfig(path: string = DEFAULT_CONFIG_PATH): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, fileName: path, issues: [{ path: '(file)', message: problem }], message: `${path}: ${problem}` };
  }
  // A byte-order mark (saved by some Windows editors) is not part of the JSON.
  return parseConfig(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path);
}
