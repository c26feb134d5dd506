// src/paths.ts joins the package root and our own relative paths by hand on
// POSIX (path.join at the bundle's top level cost Node 24 a start's worth of
// instructions); it must give what join() gives, and what resolve() gives
// for the same file (commands compare a --data path with BUNDLED_DATA).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { BUNDLED_DATA } from '../../src/data/load.js';
import { PREBUILT } from '../../src/data/prebuilt.js';
import { RELATED_WORDS } from '../../src/search/related.js';
import { WORKER_FILE } from '../../src/index/words-pool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('packagePath', () => {
  it.each([['data/facts.json'], ['dist/facts-index.bin'], ['data/related-words.txt'], ['dist/index-worker.cjs'], ['README.md']])('%s is join(root, it) and resolve(root, it)', (relative) => {
    expect(packagePath(relative)).toBe(join(ROOT, relative));
    expect(packagePath(relative)).toBe(resolve(ROOT, relative));
  });

  it('names the files the lookups read', () => {
    expect([BUNDLED_DATA, PREBUILT, RELATED_WORDS, WORKER_FILE]).toEqual(['data/facts.json', 'dist/facts-index.bin', 'data/related-words.txt', 'dist/index-worker.cjs'].map((f) => join(ROOT, f)));
  });
});
