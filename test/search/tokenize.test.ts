import { describe, expect, it } from 'vitest';
import { derivedForms, family, isStopWord, normalizeWord, NORMALISED_STOP_WORDS, STOP_WORDS, terms, tokenize } from '../../src/search/tokenize.js';

describe('terms', () => {
  it.each([
    ['Laptops', ['laptop']],
    ["Chongqing's laptop", ['chongqing', 'laptop']],
    ['1,031 townships', ['1031', 'township']],
    ['RMB 3.37 trillion, 38.6%', ['rmb', '3.37', 'trillion', '38.6']],
    ['countries and regions', ['country', 'and', 'region']],
    ['ＧＤＰ', ['gdp']],
    ['重庆汽车', ['重庆汽车']],
    ['轨道交通17号线', ['轨道交通', '17', '号线']],
    ['sub-district', ['sub', 'district']],
    ['bus class process', ['bus', 'class', 'process']],
    ["I'd like to know", ['i', 'like', 'to', 'know']],
    ["we're, you've, I'll, I'm", ['we', 'you', 'i', 'i']],
    ["don't, can't, won't", ['do', 'can', 'will']],
    ['ca wo', ['ca', 'wo']], // only a contraction's stem is read as its word
  ])('%s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it("finds in ASCII text, by hand, the words the regex finds (tokenize's)", () => {
    // Fixed seed; the characters that decide where words start and end, and words normalizing changes.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const chars = ['a', 'Z', 's', '0', '1', '9', '.', ',', "'", ' ', '-', '%', '.', ',', 'one', 'first', 'Third', 'cities', 'class', 'boxes', 'is', 'th', 'nd'];
    for (let k = 0; k < 20000; k++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => chars[Math.floor(next() * chars.length)]).join('');
      expect(terms(text), JSON.stringify(text)).toEqual(tokenize(text).map((t) => t.term));
    }
    for (const text of ['1,031.5,7', "a'b'c'", "9'x", '3.37abc', 'abc3.37', '1,,2', '.5', '7.', "Chongqing's 1st 2nd"]) {
      expect(terms(text), text).toEqual(tokenize(text).map((t) => t.term));
    }
  });
});

describe('family', () => {
  it.each([
    ['ranked', 'rank'],
    ['ranking', 'rank'],
    ['rank', 'rank'],
    ['exporter', 'export'],
    ['export', 'export'],
    ['produced', 'produc'],
    ['produce', 'produc'],
    ['connection', 'connect'],
    ['plant', 'plant'],
    ['plan', 'plan'],
  ])('%s -> %s', (word, root) => expect(family(word)).toBe(root));
});

describe('family and derivedForms find the roots their regular expressions did', () => {
  const familyRx = (term: string) => {
    const root = /^(.{4,}?)(?:ations?|ions?|ing|ed|ers?|ly|ment)$/.exec(term)?.[1] ?? term;
    return root.length >= 5 && root.endsWith('e') ? root.slice(0, -1) : root;
  };
  const derivedRx = (term: string) => {
    const m = /^(.{4,}?)(?:(ency|ence|ent)|(ancy|ance|ant))$/.exec(term);
    if (!m) return [];
    const ending = m[2] ?? m[3] ?? '';
    const endings = m[2] ? ['ent', 'ence', 'ency'] : ['ant', 'ance', 'ancy'];
    return endings.filter((e) => e !== ending).map((e) => `${m[1]}${e}`);
  };
  it('on words made of roots, endings and line breaks, every way round', () => {
    const parts = ['a', 'ab', 'abcd', 'rank', 'ation', 'ations', 'ion', 'ions', 'ing', 'ed', 'er', 'ers', 'ly', 'ment', 'ent', 'ence', 'ency', 'ant', 'ance', 'ancy', 'e', '\n', '\u2028', '汽车'];
    for (const a of parts) {
      for (const b of parts) {
        for (const c of ['', ...parts]) {
          const word = a + b + c;
          expect(family(word)).toBe(familyRx(word));
          expect(derivedForms(word)).toEqual(derivedRx(word));
        }
      }
    }
  });
});

describe('derivedForms: the same word as another part of speech', () => {
  it.each([
    ['efficient', ['efficience', 'efficiency']],
    ['efficiency', ['efficient', 'efficience']],
    ['intelligence', ['intelligent', 'intelligency']],
    ['significant', ['significance', 'significancy']],
    ['rent', []], // too short a stem to say
    ['loan', []],
  ])('%s -> %j', (word, forms) => expect(derivedForms(word)).toEqual(forms));
});

describe('stop words', () => {
  it('the normalised list is the stop words as normalizeWord gives them, in order, without repeats', () => {
    expect(NORMALISED_STOP_WORDS.split(' ')).toEqual([...new Set(STOP_WORDS.split(' ').map(normalizeWord))]);
  });

  it.each([
    ['does', true],
    ['facts', true],
    ['the', true],
    ['car', false],
    ['automobile', false],
  ])('%s: %s', (word, stop) => {
    expect(isStopWord(normalizeWord(word))).toBe(stop);
  });
});
