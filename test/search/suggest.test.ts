import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/search/suggest.js';

describe('editDistance', () => {
  it.each([
    ['ecology', 'ecology', 0],
    ['ecolgy', 'ecology', 1],
    ['ecloogy', 'ecology', 1],
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('suggest', () => {
  const themes = ['overview', 'industry', 'opening-up', 'reform', 'governance', 'rural', 'ecology', 'party'];
  it.each([
    ['ecolgy', ['ecology']],
    ['refrom', ['reform']],
    ['opening', ['opening-up']],
    ['xyz', []],
  ])('%s', (input, expected) => expect(suggest(input, themes)).toEqual(expected));

  it('words a hint only when something is close', () => {
    expect(didYouMean('partty', themes)).toBe(' (did you mean party?)');
    expect(didYouMean('zzz', themes)).toBe('');
  });
});
