import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA, loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { buildIndex, indexFor, loadStoredIndex, storeIndex } from '../../src/search/word-index.js';
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

  it('is what a lookup of the bundled facts uses, and only of them', () => {
    expect(indexFor(data).origin).toBe('stored');
    expect(indexFor(loadFacts(BUNDLED_DATA, { prebuilt: false })).origin).toBe('built');
    expect(indexFor({ ...data }).origin).toBe('built');
  });

  it('stores a loaded index again without change', () => {
    const once = JSON.stringify(storeIndex(built, source));
    const loaded = loadStoredIndex(JSON.parse(once), data.facts)!;
    search(loaded, 'car'); // turns some stored postings back into lists
    expect(JSON.stringify(storeIndex(loaded, source))).toBe(once);
  });
});
