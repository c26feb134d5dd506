// Parsing the option values that commander hands over as strings. Checking
// them against the data (a theme or unit it has) is the API's
// (src/api/options.ts), in the same words for the CLI, the API and the MCP server.
import { InvalidArgumentError, Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { MUST, normalSeed, SORT_KEYS } from '../api/options.js';
import { FORMATS, type Format } from './output.js';

/** `--theme a,b --theme c` -> ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim())];
}

export function positiveInt(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError(MUST.positiveInt);
  }
  return Number(value);
}

export const MAX_NUMBER_LENGTH = 400;

/** A number as people and scripts write it: 1e12, 3.5e9, 800000000000, 1,000, -2.5 (not 1_000: an underscore is a typo as often as a separator). */
export function number(value: string): number {
  // No number needs more; a cap keeps every step below cheap whatever is typed.
  if (value.length > MAX_NUMBER_LENGTH) throw new InvalidArgumentError(`is too long (at most ${MAX_NUMBER_LENGTH} characters); ${MUST.number}`);
  const text = value.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  // Decimal only: Number() would also take "0x10" and "Infinity". Each digit
  // can match one way only (no backtracking: "\d+\.?\d*" was quadratic on a
  // long run of digits followed by anything else).
  const n = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new InvalidArgumentError(MUST.number);
  return n;
}

export function year(value: string): number {
  if (!/^\s*\d{4}\s*$/.test(value)) throw new InvalidArgumentError(MUST.year);
  return Number(value);
}

/** A seed: a whole number of any size, as its digits written one way (normalSeed), so that 0, 00 and -0 are one seed. */
export function wholeNumber(value: string): string {
  const digits = normalSeed(value);
  if (digits === undefined) throw new InvalidArgumentError(MUST.wholeNumber);
  return digits;
}

/** -f/--format, its shorthands --json and --ndjson, and (where records have fields) --fields. */
export function addOutputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
  fields: readonly string[] | null,
  formats: readonly Format[] = FORMATS,
): WithOutputOptions<A, O, G> {
  cmd.addOption(formatOption(formats));
  if (formats.includes('json')) cmd.addOption(jsonOption());
  if (formats.includes('ndjson')) cmd.addOption(ndjsonOption());
  if (fields) cmd.addOption(fieldsOption(fields));
  // Which options a command gets depends on its formats and fields, which the
  // types cannot follow, so this is the one cast: the command is typed as
  // having all four (_everyOutputOption), which holds for those it lacks too,
  // as each is optional (absent, as when not given).
  return cmd as unknown as WithOutputOptions<A, O, G>;
}

const formatOption = (formats: readonly Format[]) => {
  const human = formats[0];
  return new Option('-f, --format <format>', `output format (default: ${human} on a terminal, ${formats.includes('plain') ? 'plain' : human} otherwise)`).choices(formats);
};
const jsonOption = () => new Option('--json', 'print JSON (--format json)').conflicts('ndjson');
const ndjsonOption = () => new Option('--ndjson', 'print one JSON object per line (--format ndjson)');
const fieldsOption = (fields: readonly string[]) => new Option('--fields <list>', `keys to print, comma-separated: ${fields.join(',')}`);

/** A command with every output option: only its type is used (addOutputOptions' result), it is never called. */
const _everyOutputOption = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) =>
  cmd.addOption(formatOption([])).addOption(jsonOption()).addOption(ndjsonOption()).addOption(fieldsOption([]));
type WithOutputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues> = ReturnType<typeof _everyOutputOption<A, O, G>>;

/** --theme, and the number filters: --year, --min, --max, --unit, --sort value. */
export function addSelectionOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) {
  return cmd
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList)
    .option('--year <yyyy>', 'only facts of this year', year)
    .option('--min <n>', 'only facts with a figure of at least n (1e12, 3.5e9, 800000000000)', number)
    .option('--max <n>', 'only facts with a figure of at most n', number)
    .option('--unit <unit>', 'only facts with a figure in this unit (RMB, %, tons, ...)')
    .addOption(new Option('--sort <key>', 'order by the largest figure, largest first').choices(SORT_KEYS));
}
