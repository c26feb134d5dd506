// The options of the API's functions, checked: first each value's kind (a
// limit is a positive whole number), then against the data (a theme or unit
// it has, --min not above --max). The CLI parses its option strings
// (src/cli/options.ts) and the MCP server takes tool arguments, and both hand
// the values here, so all three fail in the same words.
import { printable, UsageError } from '../errors.js';
import type { Selection } from '../core/select.js';
import { units } from '../core/select.js';
import type { Fact, Theme } from '../data/types.js';
import { listed } from '../format/list.js';
import { plainNumber } from '../format/number.js';
import { didYouMean } from '../search/suggest.js';
import { SORT_KEYS, type Filters } from './types.js';

export { SORT_KEYS };

/** What a value of each kind must be; the CLI's option parsers say the same. */
export const MUST = {
  positiveInt: 'must be a positive whole number',
  number: 'must be a number, e.g. 1e12, 3.5e9 or 800000000000',
  year: 'must be a four-digit year, e.g. 2025',
  wholeNumber: 'must be a whole number',
} as const;

/** A bad value, worded as commander words a bad option value: "limit: argument '0' is invalid. must be ...". */
export const invalid = (name: string, value: unknown, why: string) =>
  new UsageError(`${name}: argument '${printable(String(value))}' is invalid. ${why}`);

/** A positive whole number (a limit), or undefined. */
export function checkLimit(limit: unknown, name = 'limit'): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) throw invalid(name, limit, MUST.positiveInt);
  return limit;
}

function checkNumber(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(name, value, MUST.number);
  return value;
}

function checkYear(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  // As the CLI's /^\d{4}$/ for whole numbers.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1000 || value > 9999) throw invalid('year', value, MUST.year);
  return value;
}

/** One of a fixed set of values, failing as commander's .choices() words it. */
export function choice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw invalid(name, value, `Allowed choices are ${allowed.join(', ')}.`);
}

/**
 * A seed written one way: no plus sign, no leading zeros, no minus on zero,
 * so that equal numbers (0, 00, -0, +0) are equal seeds; undefined when it is
 * not a whole number. (A seed is hashed, not computed with: any size.)
 */
export function normalSeed(text: string): string | undefined {
  const m = /^\s*([+-]?)(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const digits = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

export function checkSeed(seed: unknown): string | undefined {
  if (seed === undefined) return undefined;
  const ok = typeof seed === 'string' || typeof seed === 'bigint' || (typeof seed === 'number' && Number.isSafeInteger(seed));
  const normal = ok ? normalSeed(String(seed)) : undefined;
  if (normal === undefined) throw invalid('seed', seed, MUST.wholeNumber);
  return normal;
}

/** 'a,b' or ['a', 'b,c'] -> ['a', 'b', 'c'], as `--theme a,b --theme c`; none (or []) is undefined. */
function themeList(theme: unknown): string[] | undefined {
  if (theme === undefined) return undefined;
  const list = typeof theme === 'string' ? [theme] : Array.isArray(theme) ? theme : undefined;
  if (!list || list.some((t) => typeof t !== 'string')) throw invalid('theme', theme, 'must be a theme id or a list of them');
  if (list.length === 0) return undefined;
  return (list as string[]).flatMap((t) => t.split(',').map((s) => s.trim()));
}

/** Checks theme ids against the data; an unknown one is a usage error with the valid ids. */
export function checkThemes(theme: unknown, themes: readonly Theme[]): string[] | undefined {
  const ids = themeList(theme);
  if (!ids) return undefined;
  const valid = themes.map((t) => t.id);
  const known = new Set(valid);
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--theme needs a theme id; valid themes: ${listed(valid)}`);
  for (const id of wanted) {
    if (!known.has(id)) {
      throw new UsageError(`unknown theme '${printable(id)}'${didYouMean(id, valid)}; valid themes: ${listed(valid)}`);
    }
  }
  return [...new Set(wanted)];
}

/** Checks a unit against those the facts use; an unknown one is a usage error with the valid units. */
export function checkUnit(unit: unknown, valid: readonly string[]): string | undefined {
  if (unit === undefined) return undefined;
  if (typeof unit !== 'string') throw invalid('unit', unit, 'must be a unit, e.g. RMB');
  if (valid.some((u) => u.toLowerCase() === unit.trim().toLowerCase())) return unit.trim();
  throw new UsageError(`unknown unit '${printable(unit)}'${didYouMean(unit, valid)}; units in the data: ${listed(valid)}`);
}

/** The kinds of the filters' values, checked before anything else (as commander parses options before a command runs). */
export function checkFilterValues(f: Filters): Filters {
  return {
    theme: f.theme,
    year: checkYear(f.year),
    min: checkNumber('min', f.min),
    max: checkNumber('max', f.max),
    unit: f.unit,
    sort: f.sort === undefined ? undefined : choice('sort', f.sort, SORT_KEYS),
  };
}

/** The selection the filters ask for, checked against the data. */
export function selection(f: Filters, data: { themes: readonly Theme[]; facts: readonly Fact[]; index?: { units: readonly string[] } }): Selection {
  if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
    throw new UsageError(`--min ${plainNumber(f.min)} is larger than --max ${plainNumber(f.max)}`);
  }
  return {
    themes: checkThemes(f.theme, data.themes),
    year: f.year,
    min: f.min,
    max: f.max,
    // An on-disk index knows its units; the facts are not all read for them,
    // nor at all without --unit (the bundled facts are parsed when first read: prebuilt.ts).
    unit: f.unit === undefined ? undefined : checkUnit(f.unit, data.index ? data.index.units : units(data.facts)),
  };
}

/** Whether any filter is set (for "no facts match ... with those filters"). */
export const filtered = (f: Filters): boolean =>
  themeList(f.theme) !== undefined || f.year !== undefined || f.min !== undefined || f.max !== undefined || f.unit !== undefined;
