// What every command gets from the CLI layer: where to print, how to set the
// exit code, the facts (loaded from --data, CHONGQING_FACTS_DATA or the
// bundled file) and the output options the user chose.
import type { Command } from 'commander';
import { resolveDataPath, type LoadedFacts, type LoadOptions } from '../data/load.js';
import { loadData } from '../api/data.js';
import { parseFields } from '../format/fields.js';
import type { Mode, OutputOptions } from './output.js';
import { UsageError } from '../errors.js';

/** Where the CLI reads its surroundings and writes its output; tests pass their own. */
export interface IO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
}

export const NAME = 'chongqing-facts';
export const EXIT = { found: 0, nothing: 1, error: 2 } as const;

/** Options of the program and of every command, as commander collects them. */
export interface GlobalOptions {
  data?: string;
  color: boolean;
  debug?: boolean;
  json?: boolean;
  ndjson?: boolean;
  fields?: string;
}

export interface Context {
  io: IO;
  exitCode: number;
  /** The facts and the options in force for this command. */
  load(cmd: Command, options?: LoadOptions): { data: LoadedFacts; g: GlobalOptions };
  /** Table, JSON or NDJSON, with --fields checked against `allowed`. */
  output(g: GlobalOptions, allowed: readonly string[] | null): OutputOptions;
  /** Nothing found: exit 1, `[]` for --json, a note on stderr for people. */
  nothing(out: OutputOptions, message: string): void;
}

export function createContext(io: IO): Context {
  const ctx: Context = {
    io,
    exitCode: EXIT.found,
    load(cmd, options) {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (g.data !== undefined && g.data.trim() === '') throw new UsageError('--data needs a file name');
      return { data: loadData(resolveDataPath(g.data, io.env), options), g };
    },
    output(g, allowed) {
      const mode: Mode = g.json ? 'json' : g.ndjson ? 'ndjson' : 'table';
      const table = mode === 'table';
      return {
        mode,
        fields: g.fields !== undefined && allowed ? parseFields(g.fields, allowed) : undefined,
        // Only tables ask about the terminal: JSON stays uncoloured and never looks.
        width: table ? terminalWidth(io) : 0,
        color: table ? colorLevel(io, g.color) : 0,
      };
    },
    nothing(out, message) {
      ctx.exitCode = EXIT.nothing;
      if (out.mode === 'json') io.stdout('[]\n');
      if (out.mode === 'table') io.stderr(`${NAME}: ${message}\n`);
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
 * Colour for tables only: --no-color wins, then FORCE_COLOR (0 turns it off),
 * then NO_COLOR, then whether stdout is a terminal.
 */
export function colorLevel(io: IO, flag: boolean): 0 | 1 | 2 | 3 {
  if (!flag) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (io.env.NO_COLOR) return 0;
  if (!io.isTTY || io.env.TERM === 'dumb') return 0;
  if (io.env.COLORTERM === 'truecolor' || io.env.COLORTERM === '24bit') return 3;
  return /256/.test(io.env.TERM ?? '') ? 2 : 1;
}
