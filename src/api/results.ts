// What each lookup finds, as rows (a fact, with its score, matched words or
// paragraph): the core of the API, of the CLI's commands and of the MCP
// server. src/api/index.ts turns rows into the records `--json` prints; the
// CLI renders rows (a table highlights the matched words).
import { byValue, selects } from '../core/select.js';
import { stats as countStats, themeSummaries, type Stats } from '../core/stats.js';
import { pickNth, pickRandom } from '../core/random.js';
import { isIndexed } from '../index/place.js';
import { paragraphOf, parseArticle } from '../data/article.js';
import { findFact, readArticle, type LoadedFacts } from '../data/load.js';
import type { Fact, ThemeSummary } from '../data/types.js';
import { DataError, NotFoundError, UsageError } from '../errors.js';
import type { Row } from '../format/fields.js';
import { search } from '../search/rank.js';
import { indexOf } from './data.js';
import { checkFilterValues, checkLimit, checkSeed, checkThemes, filtered, selection } from './options.js';
import type { ListFilters as ListOptions, RandomChoice as RandomOptions, SearchFilters as SearchOptions } from './types.js';

export type { ListOptions, RandomOptions, SearchOptions };

/** As the CLI's `search --limit`. */
export const DEFAULT_LIMIT = 10;

/** `search`: the facts that match the query, best first. */
export function searchRows(data: LoadedFacts, query: unknown, options: SearchOptions = {}): Row[] {
  // In the CLI's order: the options' values, then the query, then the values against the data.
  const limit = checkLimit(options.limit) ?? DEFAULT_LIMIT;
  const f = checkFilterValues(options);
  if (typeof query !== 'string') throw new UsageError('the search query must be a string');
  if (query.trim() === '') throw new UsageError('the search query is empty');
  const sel = selection(f, data);
  // Without filters or sorting, the first `limit` hits are the answer: no more need be made.
  const plain = f.sort === undefined && !filtered(f);
  const hits = search(indexOf(data), query, plain ? { limit } : {});
  if (f.sort === 'value') return byValue(hits.filter((h) => selects(h.fact, sel)), sel).slice(0, limit);
  // Hits read their facts when asked (an on-disk index has many): only until the limit is reached.
  const rows: Row[] = [];
  for (const h of hits) {
    if (rows.length >= limit) break;
    if (selects(h.fact, sel)) rows.push(h);
  }
  return rows;
}

/** `list`: the facts that fit the filters, in the file's order (or by value). */
export function listRows(data: LoadedFacts, options: ListOptions = {}): Row[] {
  const limit = checkLimit(options.limit);
  const f = checkFilterValues(options);
  const sel = selection(f, data);
  if (isIndexed(data) && f.sort !== 'value') {
    // Read in file order, only as far as the limit.
    const rows: Row[] = [];
    for (const fact of data.index.facts(sel.themes, sel.year)) {
      if (limit !== undefined && rows.length >= limit) break;
      if (selects(fact, sel)) rows.push({ fact });
    }
    return rows;
  }
  let rows: Row[] = data.facts.filter((fact) => selects(fact, sel)).map((fact) => ({ fact }));
  if (f.sort === 'value') rows = byValue(rows, sel);
  return limit === undefined ? rows : rows.slice(0, limit);
}

/** `show`: one fact by id, with the paragraph of its source sentence when asked; an unknown id is NotFoundError with the closest ids. */
export function factRow(data: LoadedFacts, id: unknown, options: { context?: boolean } = {}): Row & { context?: string } {
  if (typeof id !== 'string') throw new UsageError('a fact id must be a string');
  const fact = isIndexed(data) ? (data.index.factById(id) ?? findFact({ facts: data.index.idsNear(id.toLowerCase()).map(idOnly) }, id)) : findFact(data, id);
  return options.context ? { fact, context: contextOf(data, fact) } : { fact };
}

/** The paragraph a fact's source sentence sits in. */
function contextOf(data: LoadedFacts, fact: Fact): string {
  const context = paragraphOf(parseArticle(readArticle(data)), fact.source);
  if (context === undefined) {
    throw new DataError(`the source of '${fact.id}' is not a sentence of ${data.meta.article}, so it has no paragraph; 'chongqing-facts verify' lists such problems`);
  }
  return context;
}

/** `random`: one fact at random, or the seed's. */
export function randomFact(data: LoadedFacts, options: RandomOptions = {}): Fact {
  const seed = checkSeed(options.seed);
  const themes = checkThemes(options.theme, data.themes);
  const fact = isIndexed(data)
    ? pickNth(data.index.count(themes), seed, (n) => data.index.nth(themes, n))
    : pickRandom(themes ? data.facts.filter((f) => themes.includes(f.theme)) : data.facts, seed);
  if (!fact) throw new NotFoundError(themes ? 'no facts in that theme' : 'the facts file has no facts');
  return fact;
}

/** `themes`: the themes in file order, each with how many facts it has. */
export const themeRows = (data: LoadedFacts): ThemeSummary[] =>
  isIndexed(data) ? data.index.stats().themes.map(({ withFigures: _, ...t }) => t) : themeSummaries(data);

/** `stats`: facts per theme, and how many carry figures (an index counted them when it was built). */
export const statsOf = (data: LoadedFacts): Stats => (isIndexed(data) ? data.index.stats() : countStats(data));

/** Only the id matters to "did you mean": the rest of a fact never read. */
const idOnly = (id: string): Fact => ({ id, theme: '', statement: '', source: '' });
