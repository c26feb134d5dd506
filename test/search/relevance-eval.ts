// Scores the search against a query set: hit@1, hit@3 and MRR over the
// queries that have answers, by kind, and the share of unanswerable queries
// that return nothing. Shared by test/search/relevance.test.ts and
// `npm run bench:relevance`.
//
// Two formats of expected answers:
// - fact ids (test/fixtures/relevance.json): `expect: ["gdp-2025", ...]`,
//   any of them is a hit;
// - blind sets (test/fixtures/blind/*.json, written from the article alone):
//   `expect: [["substring of a sentence", ...], ...]`, one group per topic;
//   a fact answers a group when its source sentence holds one of the group's
//   substrings. A query of several topics is a hit at k when every topic is
//   answered within the top k.
import { search } from '../../src/search/rank.js';
import { buildIndex } from '../../src/search/word-index.js';
import type { Fact, FactsFile } from '../../src/data/types.js';

export interface RelevanceQuery {
  query: string;
  /** Fact ids (any is a hit), or groups of article substrings (one group per topic); empty: unanswerable. */
  expect: string[] | string[][];
  kind: string;
  /** An unanswerable query close to what the article covers. */
  near?: boolean;
}

export interface Miss {
  query: string;
  kind: string;
  /** What would have been right: ids, or "topic 1: id, id | topic 2: ..." */
  expect: string[];
  got: string[];
}

export interface KindScore {
  queries: number;
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Unanswerable queries, and how many of them returned nothing. */
  unanswerable: number;
  silent: number;
}

export interface Evaluation extends KindScore {
  byKind: Record<string, KindScore>;
  misses: Miss[];
  /** Blind queries whose expected sentence no fact quotes: the facts file cannot answer them. */
  uncovered: string[];
}

const empty = (): KindScore => ({ queries: 0, answerable: 0, hitAt1: 0, hitAt3: 0, mrr: 0, unanswerable: 0, silent: 0 });

/** The ids of the facts that answer each topic of the query. */
export function topics(q: RelevanceQuery, facts: readonly Fact[]): string[][] {
  if (q.expect.length === 0) return [];
  if (typeof q.expect[0] === 'string') return [q.expect as string[]];
  return (q.expect as string[][]).map((group) =>
    facts.filter((f) => group.some((s) => f.source.includes(s))).map((f) => f.id),
  );
}

/**
 * The position (1-based) by which every topic has an answer, scaled so that
 * n topics answered by the first n results give 1; Infinity when some topic
 * is not answered at all.
 */
function coveredAt(got: readonly string[], wanted: readonly string[][]): number {
  let last = 0;
  for (const ids of wanted) {
    const at = got.findIndex((id) => ids.includes(id));
    if (at < 0) return Number.POSITIVE_INFINITY;
    last = Math.max(last, at + 1);
  }
  return Math.max(1, last - (wanted.length - 1));
}

export function evaluate(queries: readonly RelevanceQuery[], data: FactsFile): Evaluation {
  const index = buildIndex(data.facts, data.themes);
  const total = empty();
  const byKind: Record<string, KindScore> = {};
  const misses: Miss[] = [];
  const uncovered: string[] = [];
  for (const q of queries) {
    const got = search(index, q.query, { limit: 10 }).map((h) => h.fact.id);
    const kind = (byKind[q.kind] ??= empty());
    const wanted = topics(q, data.facts);
    for (const s of [total, kind]) s.queries++;
    if (wanted.length === 0) {
      const silent = got.length === 0;
      for (const s of [total, kind]) {
        s.unanswerable++;
        if (silent) s.silent++;
      }
      if (!silent) misses.push({ query: q.query, kind: q.kind, expect: [], got: got.slice(0, 3) });
      continue;
    }
    if (wanted.some((ids) => ids.length === 0)) uncovered.push(q.query);
    // A query of n topics can be answered at best by n results: hit@1 then means "by position n".
    const at = coveredAt(got, wanted);
    const strictAt3 = at + (wanted.length - 1) <= 3;
    for (const s of [total, kind]) {
      s.answerable++;
      if (at <= 1) s.hitAt1++;
      if (strictAt3) s.hitAt3++;
      if (Number.isFinite(at)) s.mrr += 1 / at;
    }
    if (!strictAt3) {
      const expect = wanted.length === 1 ? (wanted[0] ?? []) : wanted.map((ids, i) => `topic ${i + 1}: ${ids.join(', ') || '(no fact)'}`);
      misses.push({ query: q.query, kind: q.kind, expect, got: got.slice(0, 3) });
    }
  }
  for (const s of [total, ...Object.values(byKind)]) {
    if (s.answerable) {
      s.hitAt1 /= s.answerable;
      s.hitAt3 /= s.answerable;
      s.mrr /= s.answerable;
    }
  }
  return { ...total, byKind, misses, uncovered };
}
