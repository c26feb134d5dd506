import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/data/numbers.js';

describe('findNumbers', () => {
  it.each([
    ['RMB 3.37 trillion', [[3370000000000, '3.37 trillion']]],
    ['2.788 million units, accounting for 38.6%', [[2788000, '2.788 million'], [38.6, '38.6']]],
    ['1,031 townships and 9,892 villages', [[1031, '1,031'], [9892, '9,892']]],
    ['for the 11th consecutive year', [[11, '11th']]],
    ['from two hours to ten minutes', [[2, 'two'], [10, 'ten']]],
    ['Seven independent products', [[7, 'Seven']]],
    ['ranks sixth nationwide and third in the west', [[6, 'sixth'], [3, 'third']]],
    ['within half a day', [[0.5, 'half']]],
    ['the AITO M8 and M9', []],
    ['one of the first', []],
    ['hundreds of thousands of residents', []],
    ['RMB 187.5 billion', [[187500000000, '187.5 billion']]],
    ['RMB 15.12 million', [[15120000, '15.12 million']]],
  ])('%s', (text, expected) => {
    expect(findNumbers(text).map((n) => [n.value, n.text])).toEqual(expected);
  });
});
