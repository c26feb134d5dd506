// The plan that finds a typo's candidate words in an on-disk index
// (src/index/near.ts) must find every word that rank.ts's similarity() can
// take, or the index would rank a typo otherwise than the in-memory search:
// checked here against every word of the bundled facts and of 10,000
// synthetic ones, against hand-made hard cases, and against random words a
// few edits from random queries. Pure JavaScript: runs on every Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { nearPlan, planFinds } from '../../src/index/near.js';
import { similarity } from '../../src/search/rank.js';
import { isHan } from '../../src/search/tokenize.js';
import { buildIndex } from '../../src/search/word-index.js';
// @ts-expect-error -- a plain ES module script, without types
import { writeSyntheticFacts } from '../../scripts/synthetic-facts.mjs';

const MIN_SIMILARITY = 0.7;
const alphabetOf = (words: readonly string[]) => [...new Set(words.flatMap((w) => [...w]))].filter((c) => !/\d/.test(c));

/** Words the plan misses that similarity() takes (each with its similarity). */
function missed(q: string, words: readonly string[], alphabet: readonly string[]): string[] {
  const plan = nearPlan(q, alphabet);
  if (!plan) return [];
  return words.filter((v) => similarity(q, v) >= MIN_SIMILARITY && !planFinds(plan, v)).map((v) => `${v} (${similarity(q, v).toFixed(2)})`);
}

const latinWords = (facts: Parameters<typeof buildIndex>[0], themes: Parameters<typeof buildIndex>[1]) =>
  Object.keys(buildIndex(facts, themes).postings).filter((w) => !isHan(w));

/** Typos of every kind and length: one and two edits, swaps where the pieces of a long word meet, starts, endings. */
const QUERIES = [
  'autmobile', 'automobiel', 'atuomobile', 'uatomobiel', 'producton', 'prodcution', 'manufactring', 'manfuacturing',
  'semiconducter', 'semicnoductor', 'agri', 'agricultur', 'laon', 'gpd', 'cra', 'indsutry', 'industy', 'ecolgy',
  'chonqging', 'chongqnig', 'yangtez', 'infrastucture', 'infrastructrue', 'elecrtonic', 'populaton', 'rankd', 'ranked',
  'tourim', 'touris', 'econmoy', 'exprot', 'inovation', 'innovaiton', 'reserach', 'municipalty', 'administation',
  'logistcs', 'shiping', 'carss', 'ab', 'a', 'abcdefghijklmnopqrstuvwxyzabcdef',
];

let dir: string;
let synthetic: string[] = [];
let bundled: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cqf-near-'));
  const file = join(dir, 'facts-10k.json');
  await writeSyntheticFacts(file, 10_000);
  const big = loadFacts(file);
  synthetic = latinWords(big.facts, big.themes);
  const small = loadFacts();
  bundled = latinWords(small.facts, small.themes);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the plan for a typo finds every word similarity() can take', () => {
  it('over every word of the bundled facts and of 10,000 synthetic facts, for typos of every kind', () => {
    const words = [...new Set([...bundled, ...synthetic])];
    const alphabet = alphabetOf(words);
    expect(words.length).toBeGreaterThan(5000);
    let taken = 0;
    for (const q of QUERIES) {
      expect(missed(q, words, alphabet), q).toEqual([]);
      taken += words.filter((v) => similarity(q, v) >= MIN_SIMILARITY).length;
    }
    expect(taken, 'the queries do find words (the check is not vacuous)').toBeGreaterThan(50);
  });

  // Hard cases: two edits that touch all three pieces of the word (swaps where pieces meet), edits at both ends.
  it.each([
    ['abcdefghi', 'abdcegfhi'], // swaps across both cuts (abc|def|ghi)
    ['abcdefghi', 'abdcefhgi'], // a swap across the first cut, another in the last piece
    ['abcdefgh', 'abdcefhg'],
    ['abcdefgh', 'xbcdefgy'], // the first and the last letter changed
    ['abcdefgh', 'bcdefg'], // both ends left out
    ['abcdefgh', 'xabcdefghy'], // a letter added at each end
    ['abcdefghij', 'abcxdefghij'.slice(0, 10)],
    ['abcdefghijkl', 'abcdxfghyjkl'],
    ['abcdefghijkl', 'acbdefghikjl'],
    ['abcde', 'abdce'],
    ['abcde', 'abcd'],
    ['abcd', 'abdc'],
    ['abc', 'bac'],
    ['abcdefgh', 'abcdefghijklmnopqrstuvwxyzabcdef'], // a start of a word 4x as long
  ])('%s finds %s', (q, v) => {
    expect(similarity(q, v), 'similarity() takes it').toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(missed(q, [v], alphabetOf([q, v]))).toEqual([]);
  });

  it('for random queries and random words a few edits away (few letters, so that words collide)', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', "'", 'é');
    const edit = fc.tuple(fc.constantFrom('delete', 'insert', 'change', 'swap'), fc.nat(40), letter);
    fc.assert(
      fc.property(fc.string({ unit: letter, minLength: 1, maxLength: 16 }), fc.array(edit, { maxLength: 3 }), fc.nat(6), (q, edits, extend) => {
        let v = q;
        for (const [kind, at, c] of edits) {
          const i = at % (v.length + 1);
          if (kind === 'delete') v = v.slice(0, i) + v.slice(i + 1);
          else if (kind === 'insert') v = v.slice(0, i) + c + v.slice(i);
          else if (kind === 'change') v = v.slice(0, i) + c + v.slice(i + 1);
          else if (i + 1 < v.length) v = v.slice(0, i) + v.charAt(i + 1) + v.charAt(i) + v.slice(i + 2);
        }
        const words = [v, v + 'abcde'.slice(0, extend), v.slice(0, Math.max(1, v.length - extend))];
        expect(missed(q, words, ['a', 'b', 'c', 'd', 'e', "'", 'é'])).toEqual([]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('so fuse.js over the plan finds what it finds over every word, in the same order', () => {
    const words = [...new Set([...bundled, ...synthetic])];
    const alphabet = alphabetOf(words);
    const options = { includeScore: true, ignoreLocation: true, threshold: 0.4 };
    const all = new Fuse(words, options);
    for (const q of QUERIES.filter((w) => w.length >= 3)) {
      const plan = nearPlan(q, alphabet);
      if (!plan) continue;
      const taken = (found: { item: string }[]) => found.map((r) => r.item).filter((v) => similarity(q, v) >= MIN_SIMILARITY);
      const some = new Fuse(words.filter((v) => planFinds(plan, v)), options);
      expect(taken(some.search(q)), q).toEqual(taken(all.search(q)));
    }
  });

  it('has no plan for a word beyond the BMP (every word is compared)', () => {
    expect(nearPlan('ab\u{1d400}cd', ['a'])).toBeUndefined();
  });
});
