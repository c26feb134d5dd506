// What ranking (rank.ts) needs of a fact: whether it has figures, a place in
// a ranking or a year (what "how many" and "when" ask for), how long its
// statement is, and its source sentence (facts of one sentence are told
// apart by it). The in-memory and the packed index take it from the fact;
// the on-disk index stores it (src/index/disk.ts).
import type { Fact } from '../data/types.js';

export interface RankInfo {
  figured: boolean;
  /** A place in a ranking, as a number ("ranks sixth nationwide"); "leads the nation" is none. */
  ranked: boolean;
  /** A year the fact is of. */
  dated: boolean;
  length: number;
  /** The source sentence, or a key of it (an on-disk index keeps no text). */
  source: string | number;
}

export const factRankInfo = (fact: Fact | undefined): RankInfo | undefined =>
  fact && {
    figured: !!fact.figures?.length,
    ranked: fact.rank?.position !== undefined,
    dated: fact.year !== undefined,
    length: fact.statement.length,
    source: fact.source,
  };

/**
 * The flags and length of a RankInfo as one number, as the on-disk index
 * keeps it beside the source's key (a float64: exact up to 2^53): statement
 * length x 8 + dated x 4 + ranked x 2 + figured.
 */
export const packRankFlags = (info: Omit<RankInfo, 'source'>): number =>
  info.length * 8 + (info.dated ? 4 : 0) + (info.ranked ? 2 : 0) + (info.figured ? 1 : 0);

export const unpackRankFlags = (packed: number): Omit<RankInfo, 'source'> => ({
  figured: packed % 2 === 1,
  ranked: Math.floor(packed / 2) % 2 === 1,
  dated: Math.floor(packed / 4) % 2 === 1,
  length: Math.floor(packed / 8),
});
