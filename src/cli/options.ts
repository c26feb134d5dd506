// Parsing and checking option values that commander hands over as strings.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { printable, UsageError } from '../errors.js';
import type { Selection } from '../core/select.js';
import { units } from '../core/select.js';
import { didYouMean } from '../search/suggest.js';
import { listed } from '../format/list.js';
import { plainNumber } from '../format/number.js';
import { FORMATS } from './output.js';
import type { Fact, Theme } from '../data/types.js';

/** `--theme a,b --theme c` -> ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim())];
}

export function positiveInt(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('must be a positive whole number');
  }
  return Number(value);
}

/** A number as people and scripts write it: 1e12, 3.5e9, 800000000000, 1,000, -2.5 (not 1_000: an underscore is a typo as often as a separator). */
export function number(value: string): number {
  const text = value.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  // Decimal only: Number() would also take "0x10" and "Infinity".
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new InvalidArgumentError('must be a number, e.g. 1e12, 3.5e9 or 800000000000');
  return n;
}

export function year(value: string): number {
  if (!/^\s*\d{4}\s*$/.test(value)) throw new InvalidArgumentError('must be a four-digit year, e.g. 2025');
  return Number(value);
}

/**
 * A whole number of any size, as its digits (a seed is hashed, not computed
 * with), written one way: no plus sign, no leading zeros, no minus on zero, so
 * that equal numbers (0, 00, -0, +0) are equal seeds.
 */
export function wholeNumber(value: string): string {
  const m = /^\s*([+-]?)(\d+)\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError('must be a whole number');
  const digits = m[2].replace(/^0+(?=\d)/, '');
  return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

/** Checks a unit against those the facts use; an unknown one is a usage error with the valid units. */
export function checkUnit(unit: string | undefined, valid: readonly string[]): string | undefined {
  if (unit === undefined) return undefined;
  if (valid.some((u) => u.toLowerCase() === unit.trim().toLowerCase())) return unit.trim();
  throw new UsageError(`unknown unit '${printable(unit)}'${didYouMean(unit, valid)}; units in the data: ${listed(valid)}`);
}

/** Checks theme ids against the data; an unknown one is a usage error with the valid ids. */
export function checkThemes(ids: string[] | undefined, themes: readonly Theme[]): string[] | undefined {
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

/** -f/--format, its shorthands --json and --ndjson, and (where records have fields) --fields. */
export function addOutputOptions(cmd: Command, fields: readonly string[] | null, formats: readonly string[] = FORMATS): Command {
  const human = formats[0];
  cmd.addOption(
    new Option('-f, --format <format>', `output format (default: ${human} on a terminal, ${formats.includes('plain') ? 'plain' : human} otherwise)`).choices(formats),
  );
  if (formats.includes('json')) cmd.addOption(new Option('--json', 'print JSON (--format json)').conflicts('ndjson'));
  if (formats.includes('ndjson')) cmd.addOption(new Option('--ndjson', 'print one JSON object per line (--format ndjson)'));
  if (fields) cmd.option('--fields <list>', `keys to print, comma-separated: ${fields.join(',')}`);
  return cmd;
}

/** --theme, and the number filters: --year, --min, --max, --unit, --sort value. */
export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList)
    .option('--year <yyyy>', 'only facts of this year', year)
    .option('--min <n>', 'only facts with a figure of at least n (1e12, 3.5e9, 800000000000)', number)
    .option('--max <n>', 'only facts with a figure of at most n', number)
    .option('--unit <unit>', 'only facts with a figure in this unit (RMB, %, tons, ...)')
    .addOption(new Option('--sort <key>', 'order by the largest figure, largest first').choices(['value']));
}

export interface SelectionOptions {
  theme?: string[];
  year?: number;
  min?: number;
  max?: number;
  unit?: string;
  sort?: 'value';
}

/** The selection the options ask for, checked against the data. */
export function selection(opts: SelectionOptions, data: { themes: readonly Theme[]; facts: readonly Fact[] }): Selection {
  if (opts.min !== undefined && opts.max !== undefined && opts.min > opts.max) {
    throw new UsageError(`--min ${plainNumber(opts.min)} is larger than --max ${plainNumber(opts.max)}`);
  }
  return {
    themes: checkThemes(opts.theme, data.themes),
    year: opts.year,
    min: opts.min,
    max: opts.max,
    unit: checkUnit(opts.unit, units(data.facts)),
  };
}
