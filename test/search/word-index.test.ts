import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { buildIndex, BUNDLED_FACTS, indexFor, loadStoredIndex, STORED_INDEX, storeIndex, type StoredIndex } from '../../src/search/word-index.js';
import type { RelevanceQuery } from './relevance-eval.js';

const data = loadFacts();
const built = buildIndex(data.facts, data.themes);
const queries: RelevanceQuery[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'));
const source = { bytes: 1, sha256: 'x' };

describe('the stored search index', () => {
  it('answers every query exactly as a freshly built index does', () => {
    // Through JSON, as the build writes it and a lookup reads it.
    const stored = loadStoredIndex(JSON.parse(JSON.stringify(storeIndex(built, source))), data.facts);
    expect(stored).toBeDefined();
    for (const q of [...queries.map((x) => x.query), 'ranked third', 'car', '重庆汽车', 'gdp and population']) {
      expect(search(stored!, q)).toEqual(search(built, q));
    }
  });

  it('is not used for another number of facts', () => {
    const stored = JSON.parse(JSON.stringify(storeIndex(built, source)));
    expect(loadStoredIndex(stored, data.facts.slice(1))).toBeUndefined();
  });

  it('was built from the bundled facts as they are now (npm test builds it first)', () => {
    const stored = JSON.parse(readFileSync(STORED_INDEX, 'utf8')) as StoredIndex;
    const raw = readFileSync(BUNDLED_FACTS);
    expect(stored.source).toEqual({ bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') });
  });

  it('is what a lookup of the bundled facts uses', () => {
    expect(indexFor(data).origin).toBe('stored');
  });

  describe('is not used, and a fresh index is built, for', () => {
    // A copy of the bundled file and its index, to change one thing at a time.
    const dir = mkdtempSync(join(tmpdir(), 'cqf-index-'));
    const copy = () => {
      const files = { facts: join(dir, `facts-${Math.random()}.json`), index: join(dir, `index-${Math.random()}.json`) };
      copyFileSync(BUNDLED_FACTS, files.facts);
      copyFileSync(STORED_INDEX, files.index);
      const t = new Date('2020-01-01');
      utimesSync(files.facts, t, t);
      utimesSync(files.index, t, t);
      return files;
    };

    it('(the copy itself is used: same path, size and time)', () => {
      const files = copy();
      expect(indexFor({ ...data, path: files.facts }, files).origin).toBe('stored');
    });

    it('another facts file', () => {
      const files = copy();
      expect(indexFor({ ...data, path: join(dir, 'other.json') }, files).origin).toBe('built');
    });

    it('a facts file changed after the build (newer than its index)', () => {
      const files = copy();
      utimesSync(files.facts, new Date('2021-01-01'), new Date('2021-01-01'));
      expect(indexFor({ ...data, path: files.facts }, files).origin).toBe('built');
    });

    it('a facts file of another size', () => {
      const files = copy();
      writeFileSync(files.facts, `${data.raw}\n`);
      const t = new Date('2019-01-01');
      utimesSync(files.facts, t, t);
      const index = indexFor({ ...data, path: files.facts }, files);
      expect(index.origin).toBe('built');
      expect(search(index, 'laptop')[0]?.fact.id).toBe('laptop-production-world-first');
    });
  });

  it('stores a loaded index again without change', () => {
    const once = JSON.stringify(storeIndex(built, source));
    const loaded = loadStoredIndex(JSON.parse(once), data.facts)!;
    search(loaded, 'car'); // turns some stored postings back into lists
    expect(JSON.stringify(storeIndex(loaded, source))).toBe(once);
  });
});
