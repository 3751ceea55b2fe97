// Offline checks of the HubSpot project: what `hs project upload` would send, parsed with
// HubSpot's own project-parsing-lib, plus our zod schemas and bundle freshness.
import { translate } from '@hubspot/project-parsing-lib/translate';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { checkComponents } from './components-check.ts';
import { AppMetaSchema, CardMetaSchema, FunctionMetaSchema, HsProjectSchema, WebhooksMetaSchema, WorkflowActionMetaSchema } from './hsmeta-schemas.ts';

export interface Problem { file: string; message: string }

export interface CheckOptions {
  projectDir: string;
  /** Builds a function bundle in memory; compared with the committed one. Omit to skip the freshness check. */
  bundleText?: (uid: string) => Promise<string>;
  /** Builds a custom code action in memory (custom-code/<name>.js); compared with the committed one. */
  customCode?: { names: readonly string[]; text: (name: string) => Promise<string> };
}

const SCHEMAS: Record<string, z.ZodType> = {
  'app': AppMetaSchema, 'card': CardMetaSchema, 'app-function': FunctionMetaSchema,
  'webhooks': WebhooksMetaSchema, 'workflow-action': WorkflowActionMetaSchema,
};

function readJson(file: string, problems: Problem[], dir: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ file: relative(dir, file), message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function checkSchema(schema: z.ZodType, value: unknown, file: string, problems: Problem[]): boolean {
  const parsed = schema.safeParse(value);
  if (parsed.success) return true;
  for (const issue of parsed.error.issues) {
    problems.push({ file, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return false;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export async function checkProject(options: CheckOptions): Promise<Problem[]> {
  const dir = options.projectDir;
  const problems: Problem[] = [];
  const project = readJson(join(dir, 'hsproject.json'), problems, dir);
  if (!checkSchema(HsProjectSchema, project, 'hsproject.json', problems)) return problems;
  const { srcDir, platformVersion } = project as z.infer<typeof HsProjectSchema>;
  const src = join(dir, srcDir);

  for (const skipped of await skippedByHubSpot(src, platformVersion, dir, problems)) {
    problems.push({ file: relative(dir, join(src, skipped)), message: 'HubSpot would skip this hsmeta file (wrong folder): it would not be uploaded' });
  }

  const metaFiles = walk(src).filter((f) => f.endsWith('-hsmeta.json'));
  for (const file of metaFiles) {
    const rel = relative(dir, file);
    const meta = readJson(file, problems, dir) as { type?: string; config?: { entrypoint?: string } } | undefined;
    if (!meta) continue;
    const schema = Object.hasOwn(SCHEMAS, String(meta.type)) ? SCHEMAS[String(meta.type)]! : null;
    if (!schema) { problems.push({ file: rel, message: `unknown component type "${String(meta.type)}"` }); continue; }
    if (!checkSchema(schema, meta, rel, problems)) continue;
    const entry = meta.config?.entrypoint;
    if (entry && !existsSync(join(src, entry))) problems.push({ file: rel, message: `entrypoint ${entry} does not exist under ${srcDir}/` });
  }

  if (!existsSync(join(src, 'app/functions/package.json'))) {
    problems.push({ file: `${srcDir}/app/functions/package.json`, message: 'missing: HubSpot requires a package.json beside app functions' });
  }
  problems.push(...checkCardImports(src, dir));
  problems.push(...checkComponents(dir, srcDir));
  if (options.bundleText) problems.push(...(await checkBundles(src, dir, options.bundleText)));
  if (options.customCode) problems.push(...(await checkCustomCode(dir, options.customCode)));
  return problems;
}

/**
 * The hsmeta files HubSpot's own parser would skip. The parser throws on some broken projects
 * (a missing functions package.json): that becomes a problem, and the other checks still run.
 */
async function skippedByHubSpot(src: string, platformVersion: string, dir: string, problems: Problem[]): Promise<string[]> {
  try {
    return (await translate({ projectSourceDir: src, platformVersion }, { skipValidation: true })).skippedHsMetaFiles;
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split(`${dir}/`).join('');
    problems.push({ file: relative(dir, src), message: `HubSpot's project parser stopped: ${message}` });
    return [];
  }
}

/** A card may import only files inside srcDir and packages its own package.json declares. */
function checkCardImports(src: string, dir: string): Problem[] {
  const cards = join(src, 'app/cards');
  const pkgFile = join(cards, 'package.json');
  if (!existsSync(pkgFile)) return [{ file: relative(dir, pkgFile), message: 'missing: cards need their own package.json' }];
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { dependencies?: Record<string, string> };
  const allowed = new Set(Object.keys(pkg.dependencies ?? {}));
  const problems: Problem[] = [];
  for (const file of walk(cards).filter((f) => /\.(tsx?|jsx?)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) {
        const target = join(file, '..', spec);
        if (relative(src, target).startsWith('..')) problems.push({ file: relative(dir, file), message: `imports ${spec}, outside ${relative(dir, src)}/: HubSpot builds cards from srcDir alone` });
        continue;
      }
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!allowed.has(name)) problems.push({ file: relative(dir, file), message: `imports "${spec}", which src/app/cards/package.json does not declare` });
    }
  }
  return problems;
}

async function checkBundles(src: string, dir: string, bundleText: (uid: string) => Promise<string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const functionsDir = join(src, 'app/functions');
  for (const meta of readdirSync(functionsDir).filter((f) => f.endsWith('-hsmeta.json'))) {
    const uid = meta.replace(/-hsmeta\.json$/, '');
    const bundle = join(functionsDir, 'dist', `${uid}.js`);
    const rel = relative(dir, bundle);
    if (!existsSync(bundle)) { problems.push({ file: rel, message: 'bundle missing: run `npm run build`' }); continue; }
    const fresh = await bundleText(uid);
    if (fresh !== readFileSync(bundle, 'utf8')) problems.push({ file: rel, message: `bundle is out of date with lib/functions/${uid}.ts: run \`npm run build\` and commit it` });
  }
  return problems;
}

/** The pasteable custom code files (custom-code/<name>.js) against a fresh build of their sources. */
async function checkCustomCode(dir: string, customCode: NonNullable<CheckOptions['customCode']>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const name of customCode.names) {
    const rel = `custom-code/${name}.js`;
    const file = join(dir, rel);
    if (!existsSync(file)) { problems.push({ file: rel, message: 'bundle missing: run `npm run build`' }); continue; }
    if ((await customCode.text(name)) !== readFileSync(file, 'utf8')) problems.push({ file: rel, message: `bundle is out of date with lib/custom-code/${name}.ts: run \`npm run build\` and commit it` });
  }
  return problems;
}
