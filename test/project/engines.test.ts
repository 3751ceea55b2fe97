// The supported Node range is package.json "engines", and nothing installed disagrees with it:
// `npm ci` must not warn EBADENGINE on any Node the range allows (e.g. @hubspot/api-client 14
// declares Node >= 22, so it cannot be used while we support Node 20).
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }> };
const ours = pkg.engines.node;

describe('Node engines', () => {
  it('the Node running the tests (and CI) is in the supported range', () => {
    expect(semver.satisfies(process.versions.node, ours)).toBe(true);
  });

  it('the range starts at Node 20, the app functions\' runtime', () => {
    expect(semver.minVersion(ours)?.major).toBe(20);
  });

  it('the package-lock records the same range for the root package', () => {
    expect((lock.packages['']?.engines as { node?: string } | undefined)?.node).toBe(ours);
  });

  it('every installed package supports every Node version the range allows', () => {
    const disagree = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.subset(ours, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path.replace(/^node_modules\//, '')} wants node ${(entry.engines as { node: string }).node}`);
    expect(disagree).toEqual([]);
  });
});
