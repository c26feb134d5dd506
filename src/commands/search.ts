import { UsageError } from '../errors.js';
import type { Row } from '../format/fields.js';
import { buildIndex, search } from '../search.js';
import type { FactsFile } from '../types.js';

export interface SearchCommandOptions {
  themes?: readonly string[];
  limit: number;
}

/** The best facts for a query, best first, with their scores and matched words. */
export function searchFacts(data: FactsFile, query: string, opts: SearchCommandOptions): Row[] {
  if (query.trim() === '') throw new UsageError('the search query is empty');
  const index = buildIndex(data.facts, data.themes);
  return search(index, query, { themes: opts.themes, limit: opts.limit });
}
