import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { buildIndex, indexFor, loadStoredIndex, storeIndex } from '../../src/search/word-index.js';
import type { RelevanceQuery } from './relevance-eval.js';

const data = loadFacts();
const built = buildIndex(data.facts, data.themes);
const queries: RelevanceQuery[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'));

describe('the stored search index', () => {
  it('answers every query exactly as a freshly built index does', () => {
    // Through JSON, as the build writes it and a lookup reads it.
    const stored = loadStoredIndex(JSON.parse(JSON.stringify(storeIndex(built))), data.facts);
    expect(stored).toBeDefined();
    for (const q of [...queries.map((x) => x.query), 'ranked third', 'car', '重庆汽车']) {
      expect(search(stored!, q)).toEqual(search(built, q));
    }
  });

  it('is not used for another number of facts', () => {
    const stored = JSON.parse(JSON.stringify(storeIndex(built)));
    expect(loadStoredIndex(stored, data.facts.slice(1))).toBeUndefined();
  });

  it('indexFor builds one when the stored one does not fit', () => {
    const other = { ...data, raw: `${data.raw}\n` };
    expect(search(indexFor(other), 'laptop')[0].fact.id).toBe('laptop-production-world-first');
  });
});
