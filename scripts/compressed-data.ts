// Large JSON data inside a bundle travels brotli-compressed and is inflated with node:zlib once,
// when the bundle loads. Shared by the app-function bundles (function-bundles.ts) and the custom
// code actions (custom-code-bundles.ts): the disposable- and free-mail domain lists, the phone
// metadata and the country names are most of either kind of file's bytes.
import type { OnResolveArgs, Plugin, PluginBuild } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** Data files from this size on travel brotli-compressed (they are most of a bundle's bytes; locale files are ~4 KiB each). */
const COMPRESS_FROM_BYTES = 2 * 1024;

/**
 * The esbuild plugins that compress a bundle's data, in the order they must run (the country
 * names claim their locale files before the generic JSON plugin sees them).
 */
export function compressedDataPlugins(repoRoot: string): Plugin[] {
  return [countryNamesPlugin(repoRoot), compressedJsonPlugin];
}

/**
 * How a data module is handed to its importer. An `import` gets an ES module (`export default`):
 * were it CommonJS, esbuild's interop would copy every property of the value onto a namespace
 * object at load (for the 120k-entry disposable list, 120k getters: 100+ ms and a garbage
 * collection). A `require()` gets CommonJS, the value itself. Imports are marked free of side
 * effects, so one nobody reads is dropped, as esbuild drops unused plain JSON.
 */
function dataModule(value: string, esm: boolean): string {
  return esm ? `import zlib from "node:zlib";\nexport default ${value};` : `const zlib = require("node:zlib");\nmodule.exports = ${value};`;
}

/** Compressing takes seconds (brotli at its best): once per file and process, though check:project builds five bundles. */
const compressedValues = new Map<string, string>();

/** Marks a plugin's own nested resolve (so its onResolve does not answer itself). */
const RESOLVING = Symbol('resolving for compressed-data');
/** The suffix that makes an imported (not required) data file its own ES module. */
const ESM_SUFFIX = '?esm';

/** The file an import resolves to by esbuild's own rules, or the errors it gave. */
function resolveNormally(b: PluginBuild, args: OnResolveArgs) {
  return b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, with: args.with, pluginData: RESOLVING });
}

const LOCALE_FILE = /[/\\]i18n-iso-countries[/\\]langs[/\\]([a-z_]+)\.json$/;
const LOCALE_IMPORT = /i18n-iso-countries\/langs\/([a-z_]+)\.json/g;

/** The country-name locales lib/ imports (one per language, dozens of them once all are used). */
function importedLocales(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const code of importedLocales(path)) found.add(code);
    else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(LOCALE_IMPORT)) found.add(m[1]!);
  }
  return found;
}

/**
 * The country names of every imported locale travel as ONE compressed blob: languages share most
 * names, and brotli finds that across files (all 78 locales: 127 KiB in one blob, 211 KiB apart).
 * Each locale import becomes a small ES module reading its entry of the blob.
 */
function countryNamesPlugin(repoRoot: string): Plugin {
  const locales = importedLocales(join(repoRoot, 'lib'));
  const dir = join(repoRoot, 'node_modules/i18n-iso-countries/langs');
  return {
    name: 'country-names',
    setup(b) {
      b.onResolve({ filter: /i18n-iso-countries\/langs\/[a-z_]+\.json$/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.kind !== 'import-statement') return undefined;
        const resolved = await resolveNormally(b, args);
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const code = LOCALE_FILE.exec(resolved.path)?.[1];
        if (code === undefined || !locales.has(code)) return undefined;
        return { path: code, namespace: 'country-name-locale', sideEffects: false };
      });
      b.onLoad({ filter: /.*/, namespace: 'country-name-locale' }, (args) => ({
        contents: `import names from "lead-decisions:country-names";\nexport default names[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      b.onResolve({ filter: /^lead-decisions:country-names$/ }, () => ({ path: 'country-names', namespace: 'lead-decisions', sideEffects: false }));
      b.onLoad({ filter: /^country-names$/, namespace: 'lead-decisions' }, () => {
        const codes = [...locales].sort();
        const key = `${dir}:${codes.join(',')}`;
        let value = compressedValues.get(key);
        if (value === undefined) {
          value = inflate(JSON.stringify(Object.fromEntries(codes.map((code) => [code, JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as unknown]))));
          compressedValues.set(key, value);
        }
        return { contents: dataModule(value, true), loader: 'js' };
      });
    },
  };
}

const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_LGWIN]: 24 } };

/** Code that inflates brotli-compressed text back into its JSON value, at load. */
function inflate(json: string): string {
  return `JSON.parse(${inflateBytes(brotliCompressSync(json, BROTLI))}.toString())`;
}

/** Code that gives back the bytes of a brotli stream, at load (`zlib` is node:zlib in the generated module). */
function inflateBytes(packed: Buffer): string {
  return `zlib.brotliDecompressSync(Buffer.from(${JSON.stringify(packed.toString('base64'))}, "base64"))`;
}

/** Longest shared prefix a front-coded line can name (one byte, '0' + n). */
const MAX_PREFIX = 74;
const NEWLINE = Buffer.from('\n');

/**
 * Front coding for long sorted string lists (the free-mail and disposable-mail domain lists):
 * each line is one byte for the number of UTF-8 bytes shared with the previous entry, then the
 * rest. Brotli alone leaves 760 KiB of base64 for the 120k disposable domains; front-coded, 636 KiB.
 */
export function frontEncode(list: readonly string[]): Buffer {
  const lines: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (const item of list) {
    const bytes = Buffer.from(item, 'utf8');
    let shared = 0;
    while (shared < MAX_PREFIX && shared < previous.length && shared < bytes.length && previous[shared] === bytes[shared]) shared++;
    if (lines.length > 0) lines.push(NEWLINE);
    lines.push(Buffer.from([48 + shared]), bytes.subarray(shared));
    previous = bytes;
  }
  return Buffer.concat(lines);
}

/**
 * The decoder the bundle carries (source text: it runs inside the bundle). It writes the list back
 * as JSON bytes (`jsonBytes` long) and parses that: building 120k strings by concatenation takes
 * longer, and leaves them as ropes that every binary-search comparison walks.
 */
const FRONT_DECODE = `function frontDecode(lines, jsonBytes) {
  const out = new Uint8Array(jsonBytes);
  let w = 1, start = 0, i = 0;
  out[0] = 91;
  while (i < lines.length) {
    if (w > 1) out[w++] = 44;
    out[w++] = 34;
    const shared = lines[i++] - 48, item = w;
    for (let j = 0; j < shared; j++) out[w + j] = out[start + j];
    w += shared;
    for (let c; i < lines.length && (c = lines[i]) !== 10; i++) out[w++] = c;
    i++;
    out[w++] = 34;
    start = item;
  }
  out[w++] = 93;
  return JSON.parse(Buffer.from(out.buffer, 0, w).toString());
}`;

/** The decoder as the bundle runs it, to check an encoding before it ships. */
const frontDecode = new Function(`${FRONT_DECODE}; return frontDecode;`)() as (lines: Uint8Array, jsonBytes: number) => unknown;

/** A string list front coding can carry: strings only, no line breaks. */
const isLineList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && !v.includes('\n'));

/** Code for the list, front-coded, when the decoder the bundle runs gives it back exactly (else null). */
function frontCoded(list: readonly string[]): string | null {
  const packed = brotliCompressSync(frontEncode(list), BROTLI);
  const jsonBytes = Buffer.byteLength(JSON.stringify(list));
  // An entry JSON must escape (a quote, a backslash, a control character) does not decode back.
  let decoded: unknown;
  try {
    decoded = frontDecode(brotliDecompressSync(packed), jsonBytes);
  } catch {
    return null;
  }
  return isDeepStrictEqual(decoded, list) ? `(${FRONT_DECODE})(${inflateBytes(packed)}, ${jsonBytes})` : null;
}

const NODE_MODULES_JSON = /[/\\]node_modules[/\\].*\.json(\.js)?$/;


/** Code for a data file's value, inflated at load. */
function compressedValue(path: string, text: string): string {
  let value = compressedValues.get(path);
  if (value === undefined) {
    const json = path.endsWith('.js') ? text.slice(text.indexOf('export default ') + 'export default '.length).replace(/;\s*$/, '') : text;
    const data: unknown = JSON.parse(json);
    value = (isLineList(data) ? frontCoded(data) : null) ?? inflate(JSON.stringify(data));
    compressedValues.set(path, value);
  }
  return value;
}

/** Large JSON data (free-mail list, phone metadata, locale names) inflated with node:zlib at load. */
const compressedJsonPlugin: Plugin = {
  name: 'compressed-data',
  setup(b) {
    b.onResolve({ filter: /\.json(\.js)?$/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.kind !== 'import-statement') return undefined;
      const resolved = await resolveNormally(b, args);
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (!NODE_MODULES_JSON.test(resolved.path) || statSync(resolved.path).size < COMPRESS_FROM_BYTES) return undefined;
      return { path: resolved.path, namespace: resolved.namespace, suffix: ESM_SUFFIX, sideEffects: false };
    });
    b.onLoad({ filter: NODE_MODULES_JSON }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (text.length < COMPRESS_FROM_BYTES) return undefined;
      // libphonenumber-js ships metadata as `export default {…}` in a .json.js file too: an ES module.
      const isModule = args.path.endsWith('.js');
      return { contents: dataModule(compressedValue(args.path, text), isModule || args.suffix === ESM_SUFFIX), loader: 'js' };
    });
  },
};
