// What the MCP server asks of the facts, answered by the Node API's core
// (src/api/results.ts), as the CLI's are: records exactly as `--json` prints
// them, and a bad argument fails in the API's words, which are the CLI's.
// The server reaches the core through this module alone.
import { choice, filtered, SORT_KEYS } from '../api/options.js';
import { DEFAULT_LIMIT, factRow, searchRows, themeRows } from '../api/results.js';
import { units } from '../core/select.js';
import { readArticle, type LoadedFacts } from '../data/load.js';
import type { Fact, Meta, ThemeSummary } from '../data/types.js';
import { FactsError, NotFoundError } from '../errors.js';
import { ALL_CITE_FORMATS as CITE_FORMATS, citations, type AnyCiteFormat as CiteFormat } from '../format/cite.js';
import { record } from '../format/fields.js';
import { toJson } from '../format/json.js';

export type { Fact, Meta, ThemeSummary };
export { CITE_FORMATS, type CiteFormat };
export { SORT_KEYS };
export { DEFAULT_LIMIT };

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
  /** Values the server's input schemas advertise; given here, so the server's bundle needs none of the core. */
  choices: { citeFormats: readonly string[]; sortKeys: readonly string[]; defaultLimit: number };
  /** Whether an error is the user's (a message to pass on) rather than a bug. */
  isUserError(err: unknown): boolean;
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
export const isUserError = (err: unknown): boolean => err instanceof FactsError;

export function factsService(data: LoadedFacts): FactsService {
  /** "Not found" (exit 1 in the CLI) is a message here; usage and data errors still throw. */
  const found = <T>(get: () => T): T | Nothing => {
    try {
      return get();
    } catch (err) {
      if (err instanceof NotFoundError) return { nothing: err.message };
      throw err;
    }
  };
  return {
    choices: { citeFormats: CITE_FORMATS, sortKeys: SORT_KEYS, defaultLimit: DEFAULT_LIMIT },
    isUserError,
    meta: data.meta,
    path: data.path,
    facts: data.facts,
    themeIds: data.themes.map((t) => t.id),
    units: units(data.facts),

    search(args) {
      // Tool arguments are the API's options; `themes` is its `theme` (a list, split at commas, [] no filter).
      const opts = { theme: args.themes, limit: args.limit, year: args.year, min: args.min, max: args.max, unit: args.unit, sort: args.sort as 'value' | undefined };
      const rows = searchRows(data, args.query, opts);
      const hits = rows.map((r) => ({ fact: r.fact, record: record(r) }));
      const json = toJson(hits.map((h) => h.record));
      if (hits.length === 0) return { nothing: `no facts match that query${filtered(opts) ? ' with those filters' : ''}`, json };
      return { hits, json };
    },

    getFact(id, withContext = false) {
      return found(() => {
        const row = factRow(data, id, { context: withContext });
        const rec = record(row);
        return { fact: row.fact, record: rec, context: row.context, json: toJson(rec) };
      });
    },

    themes() {
      const themes = themeRows(data);
      return { themes, json: toJson(themes) };
    },

    cite(id, format = 'text') {
      const f = choice('format', format, CITE_FORMATS);
      return found(() => {
        const { fact } = factRow(data, id);
        const rec = record({ fact });
        return { fact, record: rec, format: f, citation: citations([fact], data.meta, f), json: toJson(rec) };
      });
    },

    article: () => readArticle(data),
  };
}
