import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA, loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { packIndex, readPackedIndex } from '../../src/search/packed-index.js';
import { buildIndex, indexFor } from '../../src/search/word-index.js';
import type { RelevanceQuery } from './relevance-eval.js';

const data = loadFacts();
const built = buildIndex(data.facts, data.themes);
const queries: RelevanceQuery[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'));

describe('the packed search index (read in place)', () => {
  const packed = readPackedIndex(packIndex(built), data.facts)!;

  it('answers every query exactly as a freshly built index does', () => {
    expect(packed).toBeDefined();
    for (const q of [...queries.map((x) => x.query), 'ranked third', 'car', '重庆汽车', 'gdp and population', 'lapotp', 'autmobile']) {
      expect(search(packed, q)).toEqual(search(built, q));
    }
  });

  it('holds every word with the same postings, families and order as the built index', () => {
    const words = Object.keys(built.postings);
    expect(packed.size).toBe(built.size);
    for (const word of words) {
      expect(packed.hasWord(word)).toBe(true);
      expect(packed.wordPostings(word)).toEqual(built.wordPostings(word));
      expect(packed.wordFrequency(word)).toBe(built.wordFrequency(word));
    }
    for (const root of Object.keys(built.families)) expect(packed.wordFamily(root)).toEqual(built.wordFamily(root));
    expect(packed.hanWords()).toEqual(built.hanWords());
    expect(packed.nearWords('x')).toEqual(built.nearWords('x'));
  });

  it('knows no word the facts lack, Object’s property names included', () => {
    const fresh = readPackedIndex(packIndex(built), data.facts)!;
    for (const word of ['zzzz', 'constructor', '__proto__', 'tostring', '', '重庆重庆重庆']) {
      expect(fresh.wordFrequency(word)).toBe(0);
      expect(fresh.hasWord(word)).toBe(false);
      expect(fresh.wordPostings(word)).toBeUndefined();
      expect(fresh.wordFamily(word)).toEqual([]);
    }
  });

  it('is not used for another number of facts, another version, or bytes that do not add up', () => {
    const bytes = packIndex(built);
    expect(readPackedIndex(bytes, data.facts.slice(1))).toBeUndefined();
    const other = Buffer.from(bytes);
    other.writeUInt32LE(2, 0);
    expect(readPackedIndex(other, data.facts)).toBeUndefined();
    expect(readPackedIndex(bytes.subarray(0, bytes.length - 1), data.facts)).toBeUndefined();
    expect(readPackedIndex(Buffer.concat([bytes, Buffer.from([0])]), data.facts)).toBeUndefined();
    expect(readPackedIndex(bytes.subarray(0, 8), data.facts)).toBeUndefined();
  });

  it('is what a lookup of the bundled facts uses, and only of them', () => {
    expect(indexFor(data).origin).toBe('stored');
    expect(indexFor(loadFacts(BUNDLED_DATA, { prebuilt: false })).origin).toBe('built');
    expect(indexFor({ ...data }).origin).toBe('built');
  });

  it('packs the same index to the same bytes', () => {
    expect(packIndex(buildIndex(data.facts, data.themes)).equals(packIndex(built))).toBe(true);
  });
});
