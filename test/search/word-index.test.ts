import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA, loadFacts } from '../../src/data/load.js';
import { search } from '../../src/search/rank.js';
import { compareRange, packIndex, readPackedIndex } from '../../src/search/packed-index.js';
import { buildIndex, indexFor } from '../../src/search/word-index.js';
import type { RelevanceQuery } from './relevance-eval.js';

const data = loadFacts();
const built = buildIndex(data.facts, data.themes);
const queries: RelevanceQuery[] = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'));

describe('compareRange (the packed index binary search, instead of Buffer compare)', () => {
  const b = (s: string) => Buffer.from(s);
  it.each([
    ['car', 'car', 0],
    ['car', 'cars', -1],
    ['cars', 'car', 1],
    ['', '', 0],
    ['', 'a', -1],
    ['a', '', 1],
    ['abc', 'abd', -1],
    ['abd', 'abc', 1],
    ['z', 'abc', 1],
    ['汽车', '汽', 1],
    ['汽', '重庆', -1],
    ['\u00ff', '\u0100', -1],
  ])('stored %j against the key %j is %i, as Buffer compare says', (stored, key, expected) => {
    // The stored word lies inside a larger buffer: its range is read, not the whole.
    const bytes = Buffer.concat([b('<<'), b(stored), b('>>')]);
    const end = 2 + b(stored).length;
    expect(compareRange(bytes, 2, end, b(key))).toBe(expected);
    expect(bytes.compare(b(key), 0, b(key).length, 2, end)).toBe(expected);
  });
  it('agrees with Buffer compare on random bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 4;
    for (let k = 0; k < 2000; k++) {
      const stored = Buffer.from(Array.from({ length: next() + next() }, next));
      const key = Buffer.from(Array.from({ length: next() + next() }, next));
      expect(compareRange(stored, 0, stored.length, key)).toBe(stored.compare(key));
    }
  });
});

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
