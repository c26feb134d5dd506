import { UsageError } from '../errors.js';
import type { Row } from '../format/fields.js';
import type { LoadedFacts } from '../facts.js';
import { search } from '../search.js';
import { indexFor } from '../search-index.js';

export interface SearchCommandOptions {
  themes?: readonly string[];
  limit: number;
}

/** The best facts for a query, best first, with their scores and matched words. */
export function searchFacts(data: LoadedFacts, query: string, opts: SearchCommandOptions): Row[] {
  if (query.trim() === '') throw new UsageError('the search query is empty');
  const index = indexFor(data);
  return search(index, query, { themes: opts.themes, limit: opts.limit });
}
