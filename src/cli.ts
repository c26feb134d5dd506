// The commander program. Commands compute values; this layer alone decides
// what to print, where, and with which exit code.
import { Command, CommanderError, Option } from 'commander';
import { version } from '../package.json';
import { listFacts } from './commands/list.js';
import { searchFacts } from './commands/search.js';
import { showFact } from './commands/show.js';
import { themeSummaries } from './commands/themes.js';
import { problemLines, verifyData } from './commands/verify.js';
import { CliError } from './errors.js';
import { loadFacts, resolveDataPath, type LoadedFacts } from './facts.js';
import { FACT_FIELDS, parseFields } from './format/fields.js';
import { checkThemes, collectList, positiveInt } from './options.js';
import { renderFact, renderRows, renderThemes, type Mode, type OutputOptions } from './output.js';
import { toJson } from './format/json.js';

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

export const EXIT = { found: 0, nothing: 1, error: 2 } as const;

const NAME = 'chongqing-facts';
const TABLE_FIELDS = ['id', 'theme', 'statement', 'source'];
const SEARCH_FIELDS = [...FACT_FIELDS, 'score'];

interface GlobalOptions {
  data?: string;
  color: boolean;
  debug?: boolean;
  json?: boolean;
  ndjson?: boolean;
  fields?: string;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: IO): Promise<number> {
  const state = { exitCode: EXIT.found as number };
  const program = createProgram(io, state);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (err) {
    return reportError(err, io, isDebug(argv, io.env));
  }
}

function reportError(err: unknown, io: IO, debug: boolean): number {
  // commander has already written its own message (or the help / version).
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.found : EXIT.error;
  if (err instanceof CliError) {
    io.stderr(`${NAME}: error: ${err.message}\n`);
    if (debug && err.stack) io.stderr(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr(`${NAME}: internal error: ${e.message}\n`);
  io.stderr(debug ? `${e.stack}\n` : `Run again with --debug (or DEBUG=${NAME}) to see where it happened.\n`);
  return EXIT.error;
}

function isDebug(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--debug') || /(^|[\s,])(chongqing-facts|\*)([\s,]|$)/.test(env.DEBUG ?? '');
}

export function createProgram(io: IO, state: { exitCode: number }): Command {
  const program = new Command(NAME);
  program
    .description('Facts about Chongqing from Chongqing Daily\'s "Six Zones and One Highland" report, each with its source sentence.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .option('--data <file>', 'use this facts file instead of the bundled one (or set CHONGQING_FACTS_DATA)')
    .option('--no-color', 'never colour the output (also NO_COLOR=1; FORCE_COLOR=1 forces colour)')
    .option('--debug', `show stack traces of internal errors (also DEBUG=${NAME})`)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`${NAME}: ${text}`),
    })
    .showHelpAfterError(`Run '${NAME} --help' for usage.`)
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} search automobile
  $ ${NAME} search "air quality" --theme ecology
  $ ${NAME} list --theme ecology --json | jq -r '.[].statement'
  $ ${NAME} show gdp-2025
  $ ${NAME} themes

Exit status: 0 found, 1 nothing matched, 2 usage or data error.`,
    );

  const load = (cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    return { data: loadFacts(resolveDataPath(g.data, io.env)), g };
  };
  const output = (g: GlobalOptions, allowed: readonly string[] | null): OutputOptions => {
    const mode: Mode = g.json ? 'json' : g.ndjson ? 'ndjson' : 'table';
    const table = mode === 'table';
    return {
      mode,
      fields: g.fields !== undefined && allowed ? parseFields(g.fields, allowed) : undefined,
      // Only tables ask about the terminal: JSON stays uncoloured and never loads tty.
      width: table ? terminalWidth(io) : 0,
      color: table ? colorLevel(io, g.color) : 0,
    };
  };

  const search = program
    .command('search')
    .description('fuzzy search the facts, best match first')
    .argument('<query...>', 'words to look for (English or Chinese)')
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList)
    .addOption(new Option('-n, --limit <n>', 'show at most n results').default(10).argParser(positiveInt));
  outputOptions(search, SEARCH_FIELDS);
  search
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} search car production
  $ ${NAME} search laptops --limit 3
  $ ${NAME} search 奉节脐橙
  $ ${NAME} search loans --theme ecology,rural --json | jq '.[0].source'

Exits 1 when nothing matches (JSON output is then []).`,
    )
    .action(async (words: string[], _opts: unknown, cmd: Command) => {
      const { data, g } = load(cmd);
      const opts = cmd.opts<{ theme?: string[]; limit: number }>();
      const out = output(g, SEARCH_FIELDS);
      const rows = searchFacts(data, words.join(' '), {
        themes: checkThemes(opts.theme, data.themes),
        limit: opts.limit,
      });
      if (rows.length === 0) {
        state.exitCode = EXIT.nothing;
        if (out.mode === 'json') io.stdout('[]\n');
        if (out.mode === 'table') io.stderr(`${NAME}: no facts match that query\n`);
        return;
      }
      io.stdout(await renderRows(rows, out, TABLE_FIELDS));
    });

  const list = program
    .command('list')
    .description('every fact, in article order')
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList);
  outputOptions(list, FACT_FIELDS);
  list
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} list --theme ecology
  $ ${NAME} list --theme ecology,rural --json | jq length
  $ ${NAME} list --ndjson --fields id,statement | head -3`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { data, g } = load(cmd);
      const opts = cmd.opts<{ theme?: string[] }>();
      const out = output(g, FACT_FIELDS);
      const rows = listFacts(data, checkThemes(opts.theme, data.themes));
      if (rows.length === 0) {
        state.exitCode = EXIT.nothing;
        if (out.mode === 'json') io.stdout('[]\n');
        if (out.mode === 'table') io.stderr(`${NAME}: no facts in that theme\n`);
        return;
      }
      io.stdout(await renderRows(rows, out, TABLE_FIELDS));
    });

  const show = program
    .command('show')
    .description('one fact in full: statement, figures, source sentence, section')
    .argument('<id>', 'fact id, as shown by list and search');
  outputOptions(show, FACT_FIELDS);
  show
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} show automobile-production-2025
  $ ${NAME} show gdp-2025 --json | jq '.figures'

Exits 1, with suggestions, when no fact has that id.`,
    )
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { data, g } = load(cmd);
      const out = output(g, FACT_FIELDS);
      const fact = showFact(data, id);
      io.stdout(await renderFact(fact, data.themes.find((t) => t.id === fact.theme), out));
    });

  const themes = program.command('themes').description('the themes: one per zone of the "Six Zones and One Highland", with fact counts');
  outputOptions(themes, null);
  themes
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} themes
  $ ${NAME} themes --json | jq -r '.[].id'`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { data, g } = load(cmd);
      io.stdout(await renderThemes(themeSummaries(data), output(g, null)));
    });

  const verify = program
    .command('verify')
    .description('check every fact against the article: verbatim sources, figures, numbers, ids, themes')
    .option('--json', 'print the report as JSON');
  verify
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} verify
  $ ${NAME} verify --data my-facts.json --json | jq '.problems[]'

Exits 0 when every check holds, 1 listing every problem.`,
    )
    .action((_opts: unknown, cmd: Command) => {
      const { data, g } = load(cmd);
      const report = verifyData(data);
      const ok = report.problems.length === 0;
      state.exitCode = ok ? EXIT.found : EXIT.nothing;
      if (g.json) {
        io.stdout(toJson({ ok, ...report }));
      } else if (ok) {
        io.stdout(`ok: ${report.facts} facts agree with ${report.article}\n`);
      } else {
        io.stdout(problemLines(report));
        io.stderr(`${NAME}: ${report.problems.length} problem(s) in ${report.facts} facts of ${report.file}\n`);
      }
    });

  return program;
}

/** --json, --ndjson and (where records have fields) --fields. */
function outputOptions(cmd: Command, fields: readonly string[] | null): void {
  cmd.addOption(new Option('--json', 'print JSON (an array; an object for show)').conflicts('ndjson'));
  cmd.addOption(new Option('--ndjson', 'print one JSON object per line'));
  if (fields) cmd.option('--fields <list>', `keys to print, comma-separated: ${fields.join(',')}`);
}

function terminalWidth(io: IO): number {
  const cols = io.columns ?? Number(io.env.COLUMNS);
  return Number.isFinite(cols) && cols > 0 ? Math.floor(cols) : 100;
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
