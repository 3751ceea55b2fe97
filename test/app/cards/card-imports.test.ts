// HubSpot builds src/app/cards by itself: the card may import only files inside src/
// and the packages its own package.json lists.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cardsDir = join(root, 'src/app/cards');
const srcDir = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const specifiers = (source: string) =>
  [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? '');

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

describe('card imports', () => {
  const manifest = JSON.parse(readFileSync(join(cardsDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const files = sourceFiles(cardsDir);

  it('pins the cards package versions HubSpot expects', () => {
    expect(manifest.dependencies).toEqual({ '@hubspot/ui-extensions': '0.17.0', react: '18.3.1', zod: '4.6.7' });
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s imports only src/ files and declared packages', (_name, file) => {
    const imports = specifiers(readFileSync(file, 'utf8'));
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) {
      if (specifier.startsWith('.')) {
        expect(resolve(dirname(file), specifier).startsWith(srcDir)).toBe(true);
      } else {
        expect(Object.keys(manifest.dependencies)).toContain(packageName(specifier));
      }
    }
  });
});
