import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/search/suggest.js';

/** The whole table, as the textbook computes it: the reference for the banded version. */
function fullDistance(a: string, b: string): number {
  const d: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  // Cells are read only after they are filled; Infinity would lose every min().
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    d.push(row);
    for (let j = 1; j <= b.length; j++) {
      let cell = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cell = Math.min(cell, at(i - 2, j - 2) + 1);
      row.push(cell);
    }
  }
  return at(a.length, b.length);
}

describe('editDistance', () => {
  it.each([
    ['ecology', 'ecology', 0],
    ['ecolgy', 'ecology', 1],
    ['ecloogy', 'ecology', 1],
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('with a bound, is the full distance or bound + 1 when that is more', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 14 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(fullDistance(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('costs length x bound: two 100,000-character strings in a moment', () => {
    const a = 'ab'.repeat(50_000);
    const started = performance.now();
    expect(editDistance(a, `x${a.slice(1)}`, 3)).toBe(1);
    expect(editDistance(a, 'ba'.repeat(50_000), 3)).toBe(2);
    expect(editDistance(a, 'cd'.repeat(50_000), 3)).toBe(4);
    expect(performance.now() - started).toBeLessThan(2000); // a guard against the full table (10^10 cells), not a speed test
  });
});

describe('suggest', () => {
  const themes = ['overview', 'industry', 'opening-up', 'reform', 'governance', 'rural', 'ecology', 'party'];
  it.each([
    ['ecolgy', ['ecology']],
    ['refrom', ['reform']],
    ['opening', ['opening-up']],
    ['xyz', []],
  ])('%s', (input, expected) => expect(suggest(input, themes)).toEqual(expected));

  it('offers nothing for an input longer than any id, and costs nothing for it', () => {
    expect(suggest('x'.repeat(100_000), ['x'.repeat(100_000), 'xx'])).toEqual([]);
    expect(suggest(`${'a'.repeat(99)}b`, [`${'a'.repeat(99)}c`])).toEqual([`${'a'.repeat(99)}c`]);
  });

  it('words a hint only when something is close', () => {
    expect(didYouMean('partty', themes)).toBe(' (did you mean party?)');
    expect(didYouMean('zzz', themes)).toBe('');
  });
});
