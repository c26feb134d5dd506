// What the MCP server asks of the facts, answered by the CLI's own core:
// records exactly as `--json` prints them, and a bad argument fails with the
// CLI's wording (its option checks are reused, not rewritten). The server
// reaches the core through this module alone, so that when the Node API
// lands, this is the one file to rewire.
import { InvalidArgumentError } from 'commander';
import { contextOf } from '../cli/commands/show.js';
import { positiveInt, selection, year, type SelectionOptions } from '../cli/options.js';
import { byValue, selects, units } from '../core/select.js';
import { themeSummaries } from '../core/stats.js';
import { findFact, readArticle, type LoadedFacts } from '../data/load.js';
import type { Fact, Meta, ThemeSummary } from '../data/types.js';
import { CliError, NotFoundError, printable, UsageError } from '../errors.js';
import { ALL_CITE_FORMATS as CITE_FORMATS, citations, type AnyCiteFormat as CiteFormat } from '../format/cite.js';
import { record, type Row } from '../format/fields.js';
import { toJson } from '../format/json.js';
import { search } from '../search/rank.js';
import { indexFor, type SearchIndex } from '../search/word-index.js';

export type { Fact, Meta, ThemeSummary };
export { CITE_FORMATS, type CiteFormat };
export const SORT_KEYS = ['value'] as const;
/** As the CLI's `search --limit`. */
export const DEFAULT_LIMIT = 10;

/** A fact as `--json` prints it: the fact as stored, with `score` (search) or `context` (show --context). */
export type FactRecord = Record<string, unknown>;

export interface SearchArgs {
  query: string;
  themes?: string[];
  limit?: number;
  year?: number;
  min?: number;
  max?: number;
  unit?: string;
  sort?: string;
}

export interface FoundFact {
  fact: Fact;
  record: FactRecord;
}

/** Nothing matched: what the CLI exits 1 for. A message, not an error. */
export interface Nothing {
  nothing: string;
}

export interface FactsService {
  meta: Meta;
  /** The facts file, for the log. */
  path: string;
  facts: readonly Fact[];
  themeIds: string[];
  units: string[];
  /** `search --json`: the hits, best first, and the text the CLI prints. */
  search(args: SearchArgs): { hits: FoundFact[]; json: string } | (Nothing & { json: string });
  /** `show --json [--context]`. */
  getFact(id: string, withContext?: boolean): (FoundFact & { context?: string; json: string }) | Nothing;
  /** `themes --json`. */
  themes(): { themes: ThemeSummary[]; json: string };
  /** `cite --format`, with the fact as `show --json` prints it. */
  cite(id: string, format?: string): (FoundFact & { citation: string; format: CiteFormat; json: string }) | Nothing;
  /** The article the facts are drawn from, as its file has it. */
  article(): string;
}

/** Whether an error is the user's (a message to pass on) rather than a bug. */
export const isUserError = (err: unknown): boolean => err instanceof CliError;

export function factsService(data: LoadedFacts): FactsService {
  let index: SearchIndex | undefined;
  /** findFact's "not found" (exit 1 in the CLI) is a message here; usage and data errors still throw. */
  const lookup = (id: string): Fact | Nothing => {
    try {
      return findFact(data, id);
    } catch (err) {
      if (err instanceof NotFoundError) return { nothing: err.message };
      throw err;
    }
  };
  return {
    meta: data.meta,
    path: data.path,
    facts: data.facts,
    themeIds: data.themes.map((t) => t.id),
    units: units(data.facts),

    search(args) {
      // As `search`'s action in src/cli/commands/search.ts, with tool arguments for options.
      // The order of the checks is the CLI's: commander's option parsers, then the action's.
      const limit = args.limit === undefined ? DEFAULT_LIMIT : checked('limit', args.limit, positiveInt);
      const opts: SelectionOptions = {
        // As `--theme a,b --theme c`; no themes at all is no filter.
        theme: args.themes?.length ? args.themes.flatMap((t) => t.split(',').map((s) => s.trim())) : undefined,
        year: args.year === undefined ? undefined : checked('year', args.year, year),
        min: args.min,
        max: args.max,
        unit: args.unit,
        sort: args.sort === undefined ? undefined : choice('sort', args.sort, SORT_KEYS),
      };
      if (args.query.trim() === '') throw new UsageError('the search query is empty');
      const sel = selection(opts, data);
      index ??= indexFor(data);
      let rows: Row[] = search(index, args.query).filter((h) => selects(h.fact, sel));
      if (opts.sort === 'value') rows = byValue(rows, sel);
      rows = rows.slice(0, limit);
      const records = rows.map((r) => record(r));
      const json = toJson(records);
      if (rows.length === 0) {
        const filtered = opts.theme || opts.year !== undefined || opts.min !== undefined || opts.max !== undefined || opts.unit;
        return { nothing: `no facts match that query${filtered ? ' with those filters' : ''}`, json };
      }
      return { hits: rows.map((r, i) => ({ fact: r.fact, record: records[i] })), json };
    },

    getFact(id, withContext = false) {
      const fact = lookup(id);
      if ('nothing' in fact) return fact;
      const context = withContext ? contextOf(data, fact) : undefined;
      const rec = record({ fact, context });
      return { fact, record: rec, context, json: toJson(rec) };
    },

    themes() {
      const themes = themeSummaries(data);
      return { themes, json: toJson(themes) };
    },

    cite(id, format = 'text') {
      const f = choice('format', format, CITE_FORMATS);
      const fact = lookup(id);
      if ('nothing' in fact) return fact;
      const rec = record({ fact });
      return { fact, record: rec, format: f, citation: citations([fact], data.meta, f), json: toJson(rec) };
    },

    article: () => readArticle(data),
  };
}

/**
 * A number checked by the CLI's own option parser (given it as the text it
 * parses), failing as commander words it for an option: "option '--year
 * <yyyy>' argument '25' is invalid. must be ...", here with the tool
 * argument's name for the option.
 */
function checked(name: string, value: number, parse: (text: string) => number): number {
  try {
    return parse(String(value));
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw invalid(name, String(value), err.message);
    throw err;
  }
}

/** One of a fixed set of values, failing as commander's .choices() words it. */
function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(name, value, `Allowed choices are ${allowed.join(', ')}.`);
}

const invalid = (name: string, value: string, why: string) =>
  new UsageError(`${name}: argument '${printable(value)}' is invalid. ${why}`);
