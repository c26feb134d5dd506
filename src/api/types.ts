// The public types of the Node API's options and results, in a module of
// their own: the declarations a user compiles against (dist/types/) reach
// this file, the fact types and the errors, and nothing of the CLI's.
import type { Fact, Meta, Theme } from '../data/types.js';

/** A loaded facts file, as loadFacts() returns it: checked, filled in, and frozen. */
export interface Facts {
  readonly meta: Readonly<Meta>;
  readonly themes: readonly Readonly<Theme>[];
  readonly facts: readonly Readonly<Fact>[];
  /** The file's absolute path (`-` for standard input). */
  readonly path: string;
}

export const SORT_KEYS = ['value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Narrowing by theme, year and figure, as `list` and `search` take it. */
export interface Filters {
  /** Theme ids: 'ecology', 'ecology,rural' or ['ecology', 'rural']; an empty list is no filter. */
  theme?: string | readonly string[];
  /** Only facts of this year. */
  year?: number;
  /** Only facts with a figure of at least / at most this value (in `unit`, when given). */
  min?: number;
  max?: number;
  /** Only facts with a figure in this unit ('RMB', '%', ...), in any case. */
  unit?: string;
  /** 'value': the largest (matching) figure first, instead of relevance or article order. */
  sort?: SortKey;
}

export interface SearchFilters extends Filters {
  /** At most this many results (default 10). */
  limit?: number;
}

export interface ListFilters extends Filters {
  /** At most this many facts (default: all). */
  limit?: number;
}

export interface RandomChoice {
  /** Only these themes, as for list. */
  theme?: string | readonly string[];
  /** The same fact for the same seed and data: a whole number of any size (as digits, a number or a bigint). */
  seed?: string | number | bigint;
}
