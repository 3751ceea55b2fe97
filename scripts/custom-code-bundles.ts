// Builds the workflow custom code actions: one self-contained CommonJS file per action
// (custom-code/<name>.js) from lib/custom-code/<name>.ts, pasteable into HubSpot's editor.
// HubSpot's Node 24 runtime preinstalls nothing we may rely on, so everything is inside the file;
// only Node's own modules (zlib) are required.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import defaultConfigJson from '../config/decisions.json' with { type: 'json' };
import { parseConfig } from '../lib/core/config.ts';
import { repoRoot } from './function-bundles.ts';

export const CUSTOM_CODE_ACTIONS = ['normalize', 'score_and_route', 'decide_and_write'] as const;
export type CustomCodeAction = (typeof CUSTOM_CODE_ACTIONS)[number];
export const customCodeDir = join(repoRoot, 'custom-code');
export const customCodeFile = (name: string): string => join(customCodeDir, `${name}.js`);

/** Data files from this size on travel brotli-compressed (they are most of a bundle's bytes; locale files are ~4 KiB each). */
const COMPRESS_FROM_BYTES = 2 * 1024;

function parsedConfig() {
  const parsed = parseConfig(defaultConfigJson, 'config/decisions.json');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/**
 * The config is parsed here, at build time, and the bundle carries the result: the zod schema
 * (and its locales) would otherwise be a third of every file. A config that does not survive
 * JSON (it always should) fails the build rather than a workflow.
 */
function bundledConfigPlugin(): Plugin {
  const config = parsedConfig();
  const json = JSON.stringify(config);
  if (!isDeepStrictEqual(JSON.parse(json), config)) throw new Error('the parsed config does not survive JSON (a value JSON cannot carry): the custom code bundles would decide differently');
  return {
    name: 'bundled-config',
    setup(b) {
      b.onResolve({ filter: /[/\\]bundled-config\.ts$/ }, () => ({ path: 'bundled-config', namespace: 'lead-decisions' }));
      b.onLoad({ filter: /^bundled-config$/, namespace: 'lead-decisions' }, () => ({
        contents: `const config = ${json};\nexport function bundledConfig() { return config; }`,
        loader: 'js',
      }));
    },
  };
}

const LOCALE_FILE = /[/\\]i18n-iso-countries[/\\]langs[/\\]([a-z_]+)\.json$/;
const LOCALE_IMPORT = /i18n-iso-countries\/langs\/([a-z_]+)\.json/g;

/** The country-name locales lib/ imports (one per language, dozens of them once all are used). */
function importedLocales(dir = join(repoRoot, 'lib')): Set<string> {
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
function countryNamesPlugin(): Plugin {
  const locales = importedLocales();
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

/** The decoder the bundle carries (kept as source text: it runs inside the pasted file). */
const FRONT_DECODE = 'function frontDecode(t){let p="";return t.split("\\n").map((l)=>p=p.slice(0,l.charCodeAt(0)-48)+l.slice(1))}';

/** A string list front coding can carry: strings only, no line breaks. */
const isLineList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && !v.includes('\n'));

/** Large JSON data (free-mail list, phone metadata, locale names) inflated with node:zlib at load. */
const compressedData: Plugin = {
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
        const decode = new Function(`${FRONT_DECODE}; return frontDecode;`)() as (text: string) => string[];
        // The decoder the bundle runs must give the list back exactly, or the bundle keeps plain JSON.
        if (isDeepStrictEqual(decode(coded), data)) value = `(${FRONT_DECODE})(${inflateText(coded)})`;
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

function options(name: string): BuildOptions {
  const version = parsedConfig().scoringVersion;
  return {
    entryPoints: [join(repoRoot, 'lib/custom-code', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [bundledConfigPlugin(), countryNamesPlugin(), compressedData],
    banner: {
      js: [
        `// Lead Decisions custom code action "${name}" (rules ${version}). Node.js 24; paste this whole file.`,
        `// Generated by \`npm run build\` from lib/custom-code/${name}.ts. Do not edit. Docs: docs/custom-code/${name}.md`,
      ].join('\n'),
    },
  };
}

/** The bundle's text, built in memory (check:project compares it with the committed file). */
export async function customCodeText(name: string): Promise<string> {
  const result = await build({ ...options(name), write: false, outfile: customCodeFile(name) });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild produced no output for ${name}`);
  return file.text;
}

export async function writeCustomCode(name: string): Promise<string> {
  const outfile = customCodeFile(name);
  await build({ ...options(name), outfile });
  return outfile;
}
