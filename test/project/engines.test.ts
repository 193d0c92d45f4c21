/**
 * The Node versions package.json declares hold for every installed package: each package in
 * package-lock.json that states `engines.node` accepts every version we declare, so `npm install`
 * on a supported Node prints no EBADENGINE warning. A dependency that moves to a newer Node (as
 * nanoid 6, pulled in by docx, did) fails here, and the answer is an override or a new range.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8'));
const declared: string = read('package.json').engines.node;
const lock: { packages: Record<string, { engines?: { node?: string } | string[] }> } = read('package-lock.json');

describe('supported Node versions', () => {
  it('declares a range that includes the Node running the tests', () => {
    expect(semver.satisfies(process.version, declared), `${process.version} outside ${declared}`).toBe(true);
  });

  it('every locked package accepts every declared Node version', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const range = !pkg.engines || Array.isArray(pkg.engines) ? undefined : pkg.engines.node;
      return range && !semver.subset(declared, range) ? [`${path} wants ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
