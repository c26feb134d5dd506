// The relevance benchmark as a test: the fact a person means comes in the top
// three for at least 90% of test/fixtures/relevance.json, and nonsense finds nothing.
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
    expect(result.nonsense).toBeGreaterThanOrEqual(10);
    const ids = new Set(data.facts.map((f) => f.id));
    expect(queries.flatMap((q) => q.expect).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('puts an expected fact in the top three for at least 90% of queries', () => {
    const misses = result.misses.filter((m) => m.expect.length > 0);
    expect({ hitAt3: result.hitAt3 >= 0.9, misses }).toEqual({ hitAt3: true, misses: expect.any(Array) });
  });

  it('returns nothing for every nonsense query', () => {
    expect(result.misses.filter((m) => m.expect.length === 0)).toEqual([]);
  });
});
