// Builds the two scripts the preview page loads: the host (React, react-dom,
// remote-ui receiver, DOM components, SDK globals) and the UNMODIFIED card.
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { hostGlobalsPlugin } from './globals-plugin.ts';

export interface PreviewBundles {
  host: string;
  card: string;
}

export const DEFAULT_CARD_ENTRY = fileURLToPath(new URL('../../src/app/cards/LeadDecisionCard.tsx', import.meta.url));
const HOST_ENTRY = fileURLToPath(new URL('./client/host.tsx', import.meta.url));

const common: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  logLevel: 'silent',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
};

async function bundle(options: BuildOptions): Promise<string> {
  const result = await build({ ...common, ...options });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error(`esbuild produced no output for ${String(options.entryPoints)}`);
  return output.text;
}

export async function buildPreviewBundles(cardEntry: string = DEFAULT_CARD_ENTRY): Promise<PreviewBundles> {
  const [host, card] = await Promise.all([
    bundle({ entryPoints: [HOST_ENTRY] }),
    bundle({ entryPoints: [cardEntry], plugins: [hostGlobalsPlugin()] }),
  ]);
  return { host, card };
}

const cache = new Map<string, Promise<PreviewBundles>>();

/** Builds once per process and card entry; a failed build is not cached. */
export function cachedPreviewBundles(cardEntry: string = DEFAULT_CARD_ENTRY): Promise<PreviewBundles> {
  let pending = cache.get(cardEntry);
  if (!pending) {
    pending = buildPreviewBundles(cardEntry);
    cache.set(cardEntry, pending);
    pending.catch(() => cache.delete(cardEntry));
  }
  return pending;
}
