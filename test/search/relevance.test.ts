// The relevance benchmark as a test: the fact a person means comes in the top
// three for every query of test/fixtures/relevance.json, and nonsense finds nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/data/load.js';
import { evaluate, type RelevanceQuery } from './relevance-eval.js';

const queries: RelevanceQuery[] = JSON.parse(
  readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8'),
);
const data = loadFacts();
const result = evaluate(queries, data);

describe('search relevance', () => {
  it('has a query set worth the name', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    expect(result.unanswerable).toBeGreaterThanOrEqual(10);
    const ids = new Set(data.facts.map((f) => f.id));
    expect(queries.flatMap((q) => q.expect.flat()).filter((id) => !ids.has(id))).toEqual([]);
  });

  // At the level the benchmark measures (npm run bench:relevance: hit@3
  // 1.000, MRR 0.992), so that a ranking change that loses a query fails.
  it('puts an expected fact in the top three for every query', () => {
    expect(result.misses.filter((m) => m.expect.length > 0)).toEqual([]);
    expect(result.hitAt3).toBe(1);
  });

  it('puts it first almost always (MRR at least 0.99)', () => {
    expect(result.mrr).toBeGreaterThanOrEqual(0.99);
  });

  it('returns nothing for every nonsense query', () => {
    expect(result.misses.filter((m) => m.expect.length === 0)).toEqual([]);
  });
});

// The blind sets (written from the article alone, test/fixtures/blind), at
// the level `npm run bench:relevance` measured, so that a ranking change
// that loses queries fails. Set A was tuned on in both rounds; B was the
// first round's hold-out, run once at its end and a regression set since;
// C was written for the second round and first run at its start (its
// figures then: hit@3 0.854, 30/45 silent), then tuned on; D was the
// second round's hold-out, run once at its end (its README says more); E
// was written for the third round and first run at its start (hit@3 0.855,
// 36/44 silent), then tuned on; F was the third round's hold-out, run once
// at its end; G was written for the fourth round and first run at its start
// (hit@3 0.907, 34/43 silent), then tuned on; H was the fourth round's
// hold-out, run once at its end (2026-11-29, commit fe349ef); I was the
// fifth round's hold-out, run once at its end (2026-11-29, commit 3ffcc6f).
describe.each([
  ['set-a.json', { hitAt3: 0.97, silent: 36, kinds: { question: 0.96, paraphrase: 0.96, 'multi-topic': 1, chinese: 1, typo: 0.93, keyword: 1 } }],
  ['holdout-b.json', { hitAt3: 0.95, silent: 36, kinds: { question: 0.96, paraphrase: 0.9, 'multi-topic': 0.9, chinese: 1, typo: 1, keyword: 1 } }],
  ['holdout-d.json', { hitAt3: 0.97, silent: 39, kinds: { question: 0.97, paraphrase: 0.91, 'multi-topic': 1, chinese: 1, typo: 1, keyword: 1 } }],
  ['set-c.json', { hitAt3: 0.96, silent: 42, kinds: { question: 1, paraphrase: 0.89, 'multi-topic': 1, chinese: 0.95, typo: 1, keyword: 0.95 } }],
  ['holdout-f.json', { hitAt3: 0.94, silent: 43, kinds: { question: 1, paraphrase: 0.8, 'multi-topic': 1, chinese: 0.94, typo: 0.93, keyword: 1 } }],
  ['set-e.json', { hitAt3: 0.93, silent: 44, kinds: { question: 0.97, paraphrase: 0.85, 'multi-topic': 0.96, chinese: 0.83, typo: 1, keyword: 1 } }],
  ['set-g.json', { hitAt3: 0.96, silent: 42, kinds: { question: 1, paraphrase: 0.94, 'multi-topic': 0.96, chinese: 0.94, typo: 1, keyword: 0.94 } }],
  ['holdout-h.json', { hitAt3: 0.94, silent: 49, kinds: { question: 0.97, paraphrase: 0.87, 'multi-topic': 1, chinese: 0.84, typo: 1, keyword: 1 } }],
  ['holdout-i.json', { hitAt3: 0.93, silent: 42, kinds: { question: 1, paraphrase: 0.86, 'multi-topic': 0.92, chinese: 0.8, typo: 1, keyword: 1 } }],
])('blind query set %s', (file, measured) => {
  const blind: RelevanceQuery[] = JSON.parse(readFileSync(new URL(`../fixtures/blind/${file}`, import.meta.url), 'utf8'));
  const r = evaluate(blind, data);

  it('is a set worth the name: 160+ queries, 35+ unanswerable, every expected sentence quoted by a fact', () => {
    expect(blind.length).toBeGreaterThanOrEqual(160);
    expect(r.unanswerable).toBeGreaterThanOrEqual(35);
    expect(r.uncovered.length).toBeLessThanOrEqual(1);
  });

  it(`keeps hit@3 at ${measured.hitAt3} or more, and ${measured.silent} unanswerable queries silent`, () => {
    expect(r.hitAt3).toBeGreaterThanOrEqual(measured.hitAt3);
    expect(r.silent).toBeGreaterThanOrEqual(measured.silent);
  });

  it.each(Object.entries(measured.kinds))('keeps hit@3 of %s queries at %f or more', (kind, level) => {
    expect(r.byKind[kind]?.hitAt3).toBeGreaterThanOrEqual(level);
  });
});
