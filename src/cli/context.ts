// What every command gets from the CLI layer: where to print, how to set the
// exit code, the facts (loaded from --data, CHONGQING_FACTS_DATA or the
// bundled file) and the output options the user chose.
import { resolveDataPath, type LoadedFacts, type LoadOptions } from '../data/load.js';
import { STDIN } from '../data/read.js';
import { loadData } from '../api/data.js';
import type { IndexOptions } from '../index/place.js';
import type { Progress } from '../index/build.js';
import { visible } from '../format/visible.js';
import { parseFields } from '../format/fields.js';
import type { Format, OutputOptions } from './output.js';
import { UsageError } from '../errors.js';
import { displayWidth } from '../format/width.js';

/** Where the CLI reads its surroundings and writes its output; tests pass their own. */
export interface IO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Whether stderr is a terminal: building an index shows its progress there. */
  stderrIsTTY?: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
  /** The terminal's height, when stdout is one. */
  rows?: number;
  /** Standard input's text (search --stdin; --data - reads it too); absent where there is none to read. */
  stdin?: (maxBytes: number) => string;
  /**
   * Shows `text` through the pager command `pager` (the process does it;
   * tests pass none): false if the pager could not start.
   */
  page?: (text: string, pager: string) => boolean;
}

export const NAME = 'chongqing-facts';
export const EXIT = { found: 0, nothing: 1, error: 2 } as const;

/**
 * What the context reads of a command's options, its own and the program's.
 * Their types are inferred from the option definitions (program.ts,
 * options.ts), and the compiler checks them against these.
 */
export interface GlobalOptions {
  data?: string;
  /** --color <when> ('auto', 'always', 'never'), false for --no-color, undefined when not given. */
  color?: string | boolean;
  /** false for --no-pager. */
  pager?: boolean;
  debug?: boolean;
  json?: boolean;
  ndjson?: boolean;
  format?: Format;
  fields?: string;
}

/** What a command can print: its formats, the one a terminal gets, and the --fields it takes. */
export interface OutputSpec {
  fields: readonly string[] | null;
  /** The default on a terminal. */
  terminal: Format;
  /** The default elsewhere: `plain` unless given. */
  pipe?: Format;
}

export interface Context {
  io: IO;
  exitCode: number;
  /** The facts and the options in force for this command. */
  load<G extends Pick<GlobalOptions, 'data'>>(cmd: { optsWithGlobals(): G }, options?: LoadOptions): { data: LoadedFacts; g: G };
  /** The format (--format, --json, --ndjson, or the default), with --fields checked. */
  output(g: GlobalOptions, spec: OutputSpec): OutputOptions;
  /** Nothing found: exit 1, `[]` for --json, a note on stderr for people. */
  nothing(out: OutputOptions, message: string): void;
  /** Writes a command's output to stdout, through the pager when it is taller than the terminal. */
  print(text: string, g: Pick<GlobalOptions, 'pager'>): void;
}

export function createContext(io: IO): Context {
  const ctx: Context = {
    io,
    exitCode: EXIT.found,
    load(cmd, options) {
      const g = cmd.optsWithGlobals();
      if (g.data !== undefined && g.data.trim() === '') throw new UsageError('--data needs a file name');
      const path = resolveDataPath(g.data, io.env);
      // As for search --stdin: standard input is read only where the IO gives one (an in-process run has none).
      if (path === STDIN && !io.stdin) throw new UsageError('there is no standard input to read facts from (--data -)');
      return { data: loadData(path, { ...options, ...indexOutput(io, path) }), g };
    },
    output(g, spec) {
      const format = chooseFormat(g, spec.terminal, spec.pipe ?? 'plain', io);
      // Only people's formats ask about the terminal: JSON and plain lines stay uncoloured.
      const human = format === 'table' || format === 'chart' || format === 'text';
      return {
        format,
        fields: g.fields !== undefined && spec.fields ? parseFields(g.fields, spec.fields) : undefined,
        width: human ? terminalWidth(io) : 0,
        color: human ? colorLevel(io, g.color) : 0,
        ascii: human && !utf8Locale(io.env),
      };
    },
    nothing(out, message) {
      ctx.exitCode = EXIT.nothing;
      if (out.format === 'json') io.stdout('[]\n');
      else if (out.format !== 'ndjson') io.stderr(`${NAME}: ${message}\n`);
    },
    print(text, g) {
      const pager = io.page && g.pager !== false && io.isTTY ? pagerFor(io.env) : undefined;
      if (pager !== undefined && io.page && tallerThan(text, io.rows, terminalWidth(io)) && io.page(text, pager)) return;
      io.stdout(text);
    },
  };
  return ctx;
}

/** Table width when stdout is not a terminal, or the terminal does not say. */
const DEFAULT_WIDTH = 100;
/** Terminal widths outside this range are taken as the nearest end: a wild COLUMNS cannot make huge lines. */
const MIN_WIDTH = 20;
const MAX_WIDTH = 1000;

/** The terminal's width, or COLUMNS when it does not say; COLUMNS counts only for a terminal. */
export function terminalWidth(io: IO): number {
  if (!io.isTTY) return DEFAULT_WIDTH;
  const cols = io.columns ?? Number(io.env.COLUMNS);
  if (!Number.isFinite(cols) || cols <= 0) return DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(cols)));
}

/**
 * --format, or --json / --ndjson (a different --format with them is a usage
 * error), or the default: `terminal` on a terminal, plain lines on a pipe.
 */
export function chooseFormat(g: GlobalOptions, terminal: Format, pipe: Format, io: IO): Format {
  const flag = g.json ? 'json' : g.ndjson ? 'ndjson' : undefined;
  if (g.format !== undefined) {
    if (flag !== undefined && flag !== g.format) throw new UsageError(`--${flag} and --format ${g.format} ask for different formats; give one`);
    return g.format;
  }
  if (flag !== undefined) return flag;
  return io.isTTY ? terminal : pipe;
}

/**
 * Whether to colour, in this order, the first that speaks deciding:
 * 1. --color always|never (or --no-color); --color auto defers;
 * 2. FORCE_COLOR: 0 or false off, 1, 2, 3 (or anything else) on at that level;
 * 3. CLICOLOR_FORCE: set and not 0, on;
 * 4. NO_COLOR: set and not empty, off;
 * 5. CLICOLOR=0, off;
 * 6. whether stdout is a terminal (and TERM is not dumb).
 * Only tables, the chart and text are ever coloured; the level follows
 * FORCE_COLOR, COLORTERM and TERM.
 */
export function colorLevel(io: IO, flag: string | boolean | undefined): 0 | 1 | 2 | 3 {
  const env = io.env;
  const force = env.FORCE_COLOR;
  const on = (): 0 | 1 | 2 | 3 => {
    const n = Number(force);
    if (force && (n === 1 || n === 2 || n === 3)) return n;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
    return /256/.test(env.TERM ?? '') ? 2 : 1;
  };
  if (flag === false || flag === 'never') return 0;
  if (flag === 'always') return on();
  if (force !== undefined && force !== '') return force === '0' || force === 'false' ? 0 : on();
  if (env.CLICOLOR_FORCE !== undefined && env.CLICOLOR_FORCE !== '' && env.CLICOLOR_FORCE !== '0') return on();
  if (env.NO_COLOR) return 0;
  if (env.CLICOLOR === '0') return 0;
  if (!io.isTTY || env.TERM === 'dumb') return 0;
  return on();
}

/**
 * Whether the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE
 * and LANG that is set and not empty decides (C and POSIX are ASCII). With
 * none set, UTF-8: terminals, containers and CI runners that set no locale
 * are UTF-8 nearly always, and Node writes UTF-8 regardless.
 */
export function utf8Locale(env: NodeJS.ProcessEnv): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  return locale === undefined || /utf-?8/i.test(locale);
}

/**
 * The pager for output taller than the terminal: CHONGQING_FACTS_PAGER, then
 * PAGER, then less -FRX (as git and gh). An empty setting or `cat` means none.
 */
export function pagerFor(env: NodeJS.ProcessEnv): string | undefined {
  const pager = (env.CHONGQING_FACTS_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return pager === '' || pager === 'cat' ? undefined : pager;
}

/** Whether `text` takes more lines than the terminal has rows, long lines counted as they wrap. */
export function tallerThan(text: string, rows: number | undefined, columns: number): boolean {
  if (rows === undefined || !Number.isFinite(rows) || rows <= 0) return false;
  let lines = 0;
  let start = 0;
  while (start < text.length && lines < rows) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Colour codes take no columns; a wide line takes one row per `columns`.
    // Our own SGR codes, stripped before measuring.
    const width = displayWidth(text.slice(start, end).replace(/\u001b\[[0-9;]*m/g, ''));
    lines += Math.max(1, Math.ceil(width / columns));
    start = end + 1;
  }
  return lines >= rows;
}

/** How building an index talks to people: a note on stderr, and progress when stderr is a terminal. */
export function indexOutput(io: IO, path: string): IndexOptions {
  let shown = false;
  const progress = (p: Progress) => {
    const done = p.bytes >= p.total;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? Math.round(p.facts / elapsed) : 0;
    const percent = p.total > 0 ? Math.floor((100 * p.bytes) / p.total) : 100;
    io.stderr(`\r\u001b[K${NAME}: indexing ${visible(path)}: ${percent}%, ${p.facts.toLocaleString('en-US')} facts, ${rate.toLocaleString('en-US')} facts/s${done ? '\n' : ''}`);
    shown = !done;
  };
  const started = Date.now();
  return {
    env: io.env,
    // For a person at a terminal; a script reading stderr is not told what it cannot change.
    note: (text) => {
      if (io.stderrIsTTY) io.stderr(`${shown ? '\n' : ''}${NAME}: ${text}\n`);
    },
    progress: io.stderrIsTTY ? progress : undefined,
  };
}
