import { describe, expect, it } from 'vitest';
import { packRankFlags, unpackRankFlags } from '../../src/search/rank-info.js';

// The on-disk index keeps a fact's flags and statement length as one number.
describe('packRankFlags', () => {
  it.each([
    { figured: false, ranked: false, dated: false, length: 0 },
    { figured: true, ranked: false, dated: false, length: 1 },
    { figured: false, ranked: true, dated: false, length: 57 },
    { figured: false, ranked: false, dated: true, length: 300 },
    { figured: true, ranked: true, dated: true, length: 2 ** 40 },
  ])('%o comes back as it went in', (info) => expect(unpackRankFlags(packRankFlags(info))).toEqual(info));
});
