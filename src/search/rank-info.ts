// What ranking (rank.ts) needs of a fact: whether it has figures, how long
// its statement is, and its source sentence (facts of one sentence are told
// apart by it). The in-memory and the packed index take it from the fact;
// the on-disk index stores it (src/index/disk.ts).
import type { Fact } from '../data/types.js';

export interface RankInfo {
  figured: boolean;
  length: number;
  /** The source sentence, or a key of it (an on-disk index keeps no text). */
  source: string | number;
}

export const factRankInfo = (fact: Fact | undefined): RankInfo | undefined =>
  fact && { figured: !!fact.figures?.length, length: fact.statement.length, source: fact.source };
