// The Node API: `import { search } from 'chongqing-facts'`. The same
// functions the CLI and the MCP server compute their answers with
// (src/api/results.ts); each result is exactly the object that the CLI's
// `--json` prints. It never prints and never exits: what goes wrong is thrown
// as a FactsError with a `code`, in the words the CLI uses.
//
// Public on purpose: the lookups (search, list, getFact with its paragraph,
// themes, random, stats) and loadFacts. Not public: cite (a rendering, whose
// formats are the CLI's to change), info (a hash of the file, which a script
// makes with node:crypto from `path`) and verify (a maintainer's check of a
// facts file, with the CLI's report).
import { record, type Row } from '../format/fields.js';
import type { Fact, Figure, Meta, Rank, Theme, ThemeSummary } from '../data/types.js';
import type { Stats, ThemeStats } from '../core/stats.js';
import { loadPublic, useData } from './public.js';
import { factRow, listRows, randomFact, searchRows, statsOf, themeRows } from './results.js';
import type { Facts, Filters, ListFilters, RandomChoice, SearchFilters, SortKey } from './types.js';

export { DataError, FactsError, NotFoundError, UsageError, type ErrorCode } from '../errors.js';
export type { Fact, Facts, Figure, Filters, Meta, Rank, SortKey, Stats, Theme, ThemeStats, ThemeSummary };

/** Which facts to use: a facts file's path (relative to the working directory) or what loadFacts() returned; the bundled facts when left out. */
export interface DataOption {
  data?: string | Facts;
}

export interface SearchOptions extends SearchFilters, DataOption {}
export interface ListOptions extends ListFilters, DataOption {}
export interface RandomOptions extends RandomChoice, DataOption {}
export interface GetFactOptions extends DataOption {
  /** Also the paragraph the source sentence sits in, as `context` (the facts file must name its article). */
  context?: boolean;
}

/** A search result: the fact, then its `score` (0 a perfect match of every word, up to 1). */
export type SearchResult = Fact & { score: number };
/** A fact as getFact() returns it: with `context` when asked for. */
export type FactWithContext = Fact & { context?: string };

/** Results are the CLI's JSON records, as new plain objects: the caller's to keep or change. */
const plain = (row: Row): Record<string, unknown> => structuredClone(record(row));

/**
 * Loads and checks a facts file (the bundled one when `path` is left out;
 * `-` is standard input). A file is read once per process while it stays the
 * same (size, times and inode); a changed file is read again. The result is
 * frozen, and may be passed as the `data` option.
 */
export function loadFacts(path?: string): Facts {
  return loadPublic(path);
}

/** The facts that match `query`, best first: at most `limit` (10), narrowed by the filters. None is []. */
export function search(query: string, options: SearchOptions = {}): SearchResult[] {
  return searchRows(useData(options.data), query, options).map((r) => plain(r) as SearchResult);
}

/** Every fact that fits the filters, in the file's order (`sort: 'value'`: the largest figure first). */
export function list(options: ListOptions = {}): Fact[] {
  return listRows(useData(options.data), options).map((r) => plain(r) as Fact);
}

/** The fact with this id; an unknown id throws NotFoundError, naming the closest ids. */
export function getFact(id: string, options: GetFactOptions = {}): FactWithContext {
  return plain(factRow(useData(options.data), id, { context: options.context === true })) as FactWithContext;
}

/** The themes in file order, each with its number of facts. */
export function themes(options: DataOption = {}): ThemeSummary[] {
  return structuredClone(themeRows(useData(options.data)));
}

/** One fact at random, or always the same one for a `seed`. No fact to pick (an empty theme) throws NotFoundError. */
export function random(options: RandomOptions = {}): Fact {
  return plain({ fact: randomFact(useData(options.data), options) }) as Fact;
}

/** How many facts there are, per theme, and how many carry figures. */
export function stats(options: DataOption = {}): Stats {
  return structuredClone(statsOf(useData(options.data)));
}
