// Large JSON data inside a bundle travels brotli-compressed and is inflated with node:zlib once,
// when the bundle loads. Shared by the app-function bundles (function-bundles.ts) and the custom
// code actions (custom-code-bundles.ts): the disposable- and free-mail domain lists, the phone
// metadata and the country names are most of either kind of file's bytes.
import type { Plugin } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';

/** Data files from this size on travel brotli-compressed (they are most of a bundle's bytes; locale files are ~4 KiB each). */
const COMPRESS_FROM_BYTES = 2 * 1024;

/**
 * The esbuild plugins that compress a bundle's data, in the order they must run (the country
 * names claim their locale files before the generic JSON plugin sees them).
 */
export function compressedDataPlugins(repoRoot: string): Plugin[] {
  return [countryNamesPlugin(repoRoot), compressedJsonPlugin];
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
 */
function countryNamesPlugin(repoRoot: string): Plugin {
  const locales = importedLocales(join(repoRoot, 'lib'));
  const dir = join(repoRoot, 'node_modules/i18n-iso-countries/langs');
  return {
    name: 'country-names',
    setup(b) {
      b.onLoad({ filter: LOCALE_FILE }, (args) => {
        const code = LOCALE_FILE.exec(args.path)![1]!;
        if (!locales.has(code)) return undefined;
        return { contents: `module.exports = require("lead-decisions:country-names")[${JSON.stringify(code)}];`, loader: 'js' };
      });
      b.onResolve({ filter: /^lead-decisions:country-names$/ }, () => ({ path: 'country-names', namespace: 'lead-decisions' }));
      b.onLoad({ filter: /^country-names$/, namespace: 'lead-decisions' }, () => {
        const all = Object.fromEntries([...locales].sort().map((code) => [code, JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as unknown]));
        return { contents: `const zlib = require("node:zlib");\nmodule.exports = ${inflate(JSON.stringify(all))};`, loader: 'js' };
      });
    },
  };
}

/** Code that inflates brotli-compressed text back into its JSON value, at load. */
function inflate(json: string): string {
  return `JSON.parse(${inflateText(json)})`;
}

/** Code that inflates brotli-compressed text, at load (`zlib` is node:zlib in the generated module). */
function inflateText(text: string): string {
  const packed = brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_LGWIN]: 24 },
  }).toString('base64');
  return `zlib.brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, "base64")).toString()`;
}

/** Longest shared prefix a front-coded line can name (one character, '0' + n). */
const MAX_PREFIX = 74;

/**
 * Front coding for long sorted string lists (the free-mail and disposable-mail domain lists):
 * each line is one character for the length shared with the previous entry, then the rest.
 * Brotli alone leaves 760 KiB of base64 for the 120k disposable domains; front-coded, 636 KiB.
 */
export function frontEncode(list: readonly string[]): string {
  let previous = '';
  return list.map((item) => {
    let shared = 0;
    while (shared < MAX_PREFIX && shared < previous.length && shared < item.length && previous[shared] === item[shared]) shared++;
    previous = item;
    return String.fromCharCode(48 + shared) + item.slice(shared);
  }).join('\n');
}

/** The decoder the bundle carries (kept as source text: it runs inside the bundle). */
const FRONT_DECODE = 'function frontDecode(t){let p="";return t.split("\\n").map((l)=>p=p.slice(0,l.charCodeAt(0)-48)+l.slice(1))}';

/** The decoder as the bundle runs it, for checking an encoding before it is shipped. */
const frontDecode = new Function(`${FRONT_DECODE}; return frontDecode;`)() as (text: string) => string[];

/** A string list front coding can carry: strings only, no line breaks. */
const isLineList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && !v.includes('\n'));

/** Large JSON data (free-mail list, phone metadata, locale names) inflated with node:zlib at load. */
const compressedJsonPlugin: Plugin = {
  name: 'compressed-data',
  setup(b) {
    b.onLoad({ filter: /[/\\]node_modules[/\\].*\.json(\.js)?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (text.length < COMPRESS_FROM_BYTES) return undefined;
      // libphonenumber-js ships metadata as `export default {…}` in a .json.js file too.
      const json = args.path.endsWith('.js') ? text.slice(text.indexOf('export default ') + 'export default '.length).replace(/;\s*$/, '') : text;
      const data: unknown = JSON.parse(json);
      let value = inflate(JSON.stringify(data));
      if (isLineList(data)) {
        const coded = frontEncode(data);
        // The decoder the bundle runs must give the list back exactly, or the bundle keeps plain JSON.
        if (isDeepStrictEqual(frontDecode(coded), data)) value = `(${FRONT_DECODE})(${inflateText(coded)})`;
      }
      // A .json file may be require()d (CommonJS); the .json.js one is an ES module's default export.
      return {
        contents: args.path.endsWith('.js')
          ? `import zlib from "node:zlib";\nexport default ${value};`
          : `const zlib = require("node:zlib");\nmodule.exports = ${value};`,
        loader: 'js',
      };
    });
  },
};
