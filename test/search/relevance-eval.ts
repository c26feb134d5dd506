// Scores the search against a query set: hit@3 and MRR over queries that
// have answers, and whether every nonsense query returns nothing. Shared by
// test/relevance.test.ts and `npm run bench:relevance`.
import { search } from '../../src/search/rank.js';
import { buildIndex } from '../../src/search/word-index.js';
import type { FactsFile } from '../../src/data/types.js';

export interface RelevanceQuery {
  query: string;
  /** Any of these in the top three is a hit; empty for nonsense. */
  expect: string[];
  kind: string;
}

export interface Miss {
  query: string;
  expect: string[];
  got: string[];
}

export interface Evaluation {
  answerable: number;
  hitAt3: number;
  mrr: number;
  nonsense: number;
  nonsenseRejected: number;
  byKind: Record<string, { queries: number; passed: number }>;
  misses: Miss[];
}

export function evaluate(queries: readonly RelevanceQuery[], data: FactsFile): Evaluation {
  const index = buildIndex(data.facts, data.themes);
  let hits = 0;
  let rr = 0;
  let answerable = 0;
  let nonsense = 0;
  let rejected = 0;
  const byKind: Evaluation['byKind'] = {};
  const misses: Miss[] = [];
  for (const q of queries) {
    const got = search(index, q.query, { limit: 10 }).map((h) => h.fact.id);
    const kind = (byKind[q.kind] ??= { queries: 0, passed: 0 });
    kind.queries++;
    let passed: boolean;
    if (q.expect.length === 0) {
      nonsense++;
      passed = got.length === 0;
      if (passed) rejected++;
    } else {
      answerable++;
      const rank = got.findIndex((id) => q.expect.includes(id));
      passed = rank >= 0 && rank < 3;
      if (passed) hits++;
      if (rank >= 0) rr += 1 / (rank + 1);
    }
    if (passed) kind.passed++;
    else misses.push({ query: q.query, expect: q.expect, got: got.slice(0, 3) });
  }
  return {
    answerable,
    hitAt3: answerable ? hits / answerable : 1,
    mrr: answerable ? rr / answerable : 1,
    nonsense,
    nonsenseRejected: rejected,
    byKind,
    misses,
  };
}
