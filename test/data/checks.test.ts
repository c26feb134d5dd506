// src/data/checks.ts: one set of checks, stopped at the first problem by the
// loader and listed in full by verify.
import { describe, expect, it } from 'vitest';
import { checkReferences, type Finding, SLUG } from '../../src/data/checks.js';
import { factsSchema } from '../../src/data/generated/facts-schema.js';
import type { Fact, FactsFile, Theme } from '../../src/data/types.js';
import { cpuMs } from '../cpu-time.js';

const fact = (id: string, theme = 'a'): Fact => ({ id, theme, statement: 'S.', source: 'S.' });
const theme = (id: string): Theme => ({ id, name: id, zone: null });
const file = (facts: Fact[], themes: Theme[] = [theme('a')], derived = false) => ({
  meta: { title: 't' },
  themes,
  facts,
  defaults: { title: false, themes: derived },
});
const all = (data: FactsFile) => {
  const found: Finding[] = [];
  checkReferences(data, (f) => found.push(f));
  return found;
};
const messages = (data: FactsFile) => all(data).map((p) => `${p.where}: ${p.alone}`);

describe('checkReferences', () => {
  it('uses the schema\'s own slug pattern', () => {
    expect(SLUG.source).toBe(factsSchema.$defs.slug.pattern);
  });

  it.each([
    ['a good file', file([fact('x'), fact('y')]), []],
    ['an id in capitals', file([fact('X')]), ['facts[0] (id "X"): the id is not kebab-case (lower-case letters a-z, digits and single hyphens)']],
    ['a double hyphen', file([fact('a--b')]), ['facts[0] (id "a--b"): the id is not kebab-case (lower-case letters a-z, digits and single hyphens)']],
    ['a repeated id', file([fact('x'), fact('y'), fact('x')]), ['facts[2] (id "x"): the id repeats facts[0]']],
    ['an unknown theme', file([fact('x', 'b')]), ['facts[0] (id "x"): theme "b" is not one of the file\'s themes (a)']],
    ['a theme id twice', file([fact('x')], [theme('a'), theme('a')]), ['themes[1] (id "a"): the id repeats themes[0]']],
    ['a theme id with a space', file([fact('x', 'a b')], [theme('a b')]), [
      'themes[0] (id "a b"): the id is not kebab-case (lower-case letters a-z, digits and single hyphens)',
      'facts[0] (id "x"): theme "a b" is not kebab-case (lower-case letters a-z, digits and single hyphens)',
    ]],
    ['themes taken from the facts: a bad one is named once, on the fact', file([fact('x', 'B')], [theme('B')], true), [
      'facts[0] (id "x"): theme "B" is not kebab-case (lower-case letters a-z, digits and single hyphens)',
    ]],
    ['control characters, escaped', file([fact('x\u001b[31m', 'a\u0007')]), [
      'facts[0] (id "x\\u001b[31m"): the id is not kebab-case (lower-case letters a-z, digits and single hyphens)',
      'facts[0] (id "x\\u001b[31m"): theme "a\\u0007" is not kebab-case (lower-case letters a-z, digits and single hyphens)',
    ]],
    ['many themes, the first twelve named', file([fact('x', 'z')], Array.from({ length: 20 }, (_, i) => theme(`t${i}`))), [
      'facts[0] (id "x"): theme "z" is not one of the file\'s themes (t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, …)',
    ]],
  ])('%s', (_what, data, expected) => {
    expect(messages(data)).toEqual(expected);
  });

  it('stops where its report throws, as the loader\'s does at the first problem', () => {
    const seen: number[] = [];
    expect(() =>
      checkReferences(file([fact('X'), fact('Y')]), (f) => {
        seen.push(f.index);
        throw new Error('first');
      }),
    ).toThrow('first');
    expect(seen).toEqual([0]);
  });

  it('costs time linear in the number of facts and themes, problems or not', () => {
    const time = (n: number) => {
      const themes = Array.from({ length: n }, (_, i) => theme(`t${i}`));
      const facts = Array.from({ length: n }, (_, i) => fact(`f${i % (n / 2)}`, `u${i}`));
      const start = cpuMs();
      const count = all(file(facts, themes)).length;
      expect(count).toBe(n + n / 2);
      return cpuMs() - start;
    };
    time(2000);
    const small = Math.min(time(2000), time(2000));
    const large = Math.min(time(20000), time(20000));
    // 10 times the data: linear is ~10, quadratic ~100.
    expect(large / small).toBeLessThan(30);
  });
});
