// Words that are also names of Object's properties ("constructor",
// "toString", "__proto__") are words like any other: no lookup table keyed by
// data or input inherits from Object.prototype.
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/data/numbers.js';
import { search } from '../../src/search/rank.js';
import { normalizeWord, terms } from '../../src/search/tokenize.js';
import { packIndex, readPackedIndex } from '../../src/search/packed-index.js';
import { buildIndex } from '../../src/search/word-index.js';
import { cli } from '../helpers.js';
import { tinyFacts } from './hostile.js';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];

describe('property names as words', () => {
  it.each(NAMES)('%s normalises to a string', (word) => {
    expect(typeof normalizeWord(word)).toBe('string');
    expect(typeof normalizeWord(`${word}s`)).toBe('string');
  });

  it('"constructors" and "constructor" meet', () => {
    expect(normalizeWord('constructors')).toBe('constructor');
    expect(normalizeWord('Constructor')).toBe('constructor');
  });

  it('finds no number in them', () => {
    expect(findNumbers(NAMES.join(' '))).toEqual([]);
  });

  const facts = [
    { id: 'builder', statement: 'The constructor of the bridge is a state firm.' },
    { id: 'other', statement: 'Tea grows on the hills, and toString valueOf hasOwnProperty are odd words.' },
  ];

  it('search constructors finds the fact that says constructor', async () => {
    const r = await cli(['search', 'constructors', '--json', '--data', tinyFacts('constructor.json', facts)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { id: string }) => f.id)).toEqual(['builder']);
  });

  it.each(['tostring', 'valueof', 'hasownproperty', 'proto'])('search %s finds its fact, or nothing, but never fails', async (word) => {
    const r = await cli(['search', word, '--json', '--data', tinyFacts('names.json', facts)]);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
  });

  it('a packed index (read in place) finds it too', () => {
    const withThemes = facts.map((f) => ({ ...f, theme: 'main', source: f.statement, section: 'T' }));
    const built = buildIndex(withThemes, [{ id: 'main', name: 'Main', zone: null }]);
    const stored = readPackedIndex(packIndex(built), withThemes)!;
    for (const index of [built, stored]) {
      expect(search(index, 'constructors').map((h) => h.fact.id)).toEqual(['builder']);
      expect(search(index, 'tostring').map((h) => h.fact.id)).toEqual(['other']);
    }
    expect(terms('__proto__ constructor')).toEqual(['proto', 'constructor']);
  });
});
