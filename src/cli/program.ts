// The commander program: global options, help, and the one place where
// errors become messages and exit codes. Each command lives in
// src/commands/; they compute with the modules in src/ and print through the
// context, so tests can run the whole CLI in-process.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { version } from '../../package.json';
import { registerCite } from './commands/cite.js';
import { registerComplete } from './commands/complete.js';
import { registerCompletion } from './commands/completion.js';
import { registerIndex } from './commands/index.js';
import { registerInfo } from './commands/info.js';
import { registerList } from './commands/list.js';
import { registerMcp } from './commands/mcp.js';
import { registerRandom } from './commands/random.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerThemes } from './commands/themes.js';
import { registerVerify } from './commands/verify.js';
import { createContext, EXIT, NAME, type Context, type IO } from './context.js';
import { FactsError, printable, UsageError } from '../errors.js';
import { didYouMean } from '../search/suggest.js';
import { visible } from '../format/visible.js';
import { fitHelp, HELP_WIDTH } from './help.js';
import { terminalWidth } from './context.js';

/** The terminal's width for help, 80 columns elsewhere. */
const helpWidth = (io: IO) => (io.isTTY ? terminalWidth(io) : HELP_WIDTH);

export { colorLevel, EXIT, type IO } from './context.js';

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: IO): Promise<number> {
  const ctx = createContext(io);
  return execute(ctx, createProgram(ctx, LOOKUPS.has(argv[0] ?? '') ? argv[0] : undefined), argv);
}

/** Runs `program` (made with `ctx`) on `argv`; errors become messages and the exit code. */
export async function execute(ctx: Context, program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    return reportError(err, ctx.io, isDebug(argv, ctx.io.env));
  }
}

function reportError(err: unknown, io: IO, debug: boolean): number {
  // commander has already written its own message (or the help / version).
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.found : EXIT.error;
  // A user's mistake is one line, --debug or not: the stack is for our bugs.
  // Messages name files, ids and themes from the data: shown escaped, on one line.
  if (err instanceof FactsError) {
    io.stderr(`${NAME}: error: ${visible(err.message)}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr(`${NAME}: internal error: ${visible(e.message)}\n`);
  const stack = () => (e.stack ?? '').split('\n').map(visible).join('\n');
  io.stderr(debug ? `${stack()}\n` : `Run again with --debug (or DEBUG=${NAME}) to see where it happened.\n`);
  return EXIT.error;
}

function isDebug(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--debug') || /(^|[\s,])(chongqing-facts|\*)([\s,]|$)/.test(env.DEBUG ?? '');
}

/** The command names, for the starter's per-command code cache (scripts/build.mjs). */
export function commandNames(): string[] {
  const io: IO = { stdout: () => {}, stderr: () => {}, env: {}, isTTY: false };
  return createProgram(createContext(io)).commands.map((c) => c.name());
}

/**
 * The commands, by name, in the order help lists them; each one's
 * definition is its register function (a test checks the names match).
 */
const COMMANDS: readonly (readonly [string, (program: Program, ctx: Context) => void])[] = [
  ['search', registerSearch],
  ['list', registerList],
  ['show', registerShow],
  ['themes', registerThemes],
  ['cite', registerCite],
  ['stats', registerStats],
  ['random', registerRandom],
  ['info', registerInfo],
  ['index', registerIndex],
  ['verify', registerVerify],
  ['completion', registerCompletion],
  ['mcp', registerMcp],
  ['__complete', registerComplete],
];

/**
 * Commands that never look at the others: when one of them is the first
 * argument, the program is made with that command alone, which saves a
 * lookup the time to define the rest. Not help, completion and __complete,
 * which list every command.
 */
export const LOOKUPS: ReadonlySet<string> = new Set(['search', 'list', 'show', 'themes', 'cite', 'stats', 'random', 'info', 'verify']);

/** The program with every command, or with `only` (one of LOOKUPS) and no other. */
export function createProgram(ctx: Context, only?: string): Program {
  const program = globalProgram(ctx);
  for (const [name, register] of COMMANDS) {
    if (only === undefined || name === only) register(program, ctx);
  }
  if (only !== undefined) return program;
  addHelpCommand(program);
  return program;
}

/** The program, its global options typed from their definitions: each command's optsWithGlobals() has them. */
export type Program = ReturnType<typeof globalProgram>;

/** The program with its global options and no command yet. */
function globalProgram(ctx: Context) {
  return new Command(NAME)
    .description('Facts about Chongqing from Chongqing Daily\'s "Six Zones and One Highland" report, each with its source sentence.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureHelp({ showGlobalOptions: true })
    .helpCommand(false)
    .option('--data <file>', 'use this facts file instead of the bundled one (or set CHONGQING_FACTS_DATA)')
    .addOption(new Option('--color <when>', 'colour tables and charts: auto, always or never (see the README for FORCE_COLOR, CLICOLOR_FORCE, NO_COLOR, CLICOLOR)').choices(['auto', 'always', 'never']))
    .option('--no-color', 'never colour (--color never)')
    .option('--no-pager', 'never page long output (the pager: CHONGQING_FACTS_PAGER, PAGER, or less -FRX)')
    .option('--debug', `show stack traces of internal errors (also DEBUG=${NAME})`)
    .configureOutput({
      // Only help and the version are written here: help fitted to the width.
      writeOut: (text) => ctx.io.stdout(fitHelp(text, helpWidth(ctx.io))),
      writeErr: (text) => ctx.io.stderr(fitHelp(text, helpWidth(ctx.io))),
      getOutHelpWidth: () => helpWidth(ctx.io),
      getErrHelpWidth: () => helpWidth(ctx.io),
      // One line, like our own errors, written straight to stderr (not fitted like help); what the user typed is echoed escaped.
      outputError: (text) => ctx.io.stderr(`${NAME}: ${printable(shortArgument(text.trim().replace(/\s*\n\s*/g, ' ')), 400)}\n`),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} search automobile
  $ ${NAME} search "air quality" --theme ecology
  $ ${NAME} list --theme ecology --json | jq -r '.[].statement'
  $ ${NAME} list --min 1e12
  $ ${NAME} show gdp-2025 --context
  $ ${NAME} cite gdp-2025 --format markdown

Exit status: 0 found, 1 nothing matched, 2 usage or data error.`,
    );
}

/** Our own help command: commander's answers an unknown name with the whole help. */
function addHelpCommand(program: Program): void {
  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command')
    .action((name) => {
      if (name === undefined) {
        program.outputHelp();
        return;
      }
      // Not the hidden __complete.
      const listed = program.createHelp().visibleCommands(program);
      const cmd = listed.find((c) => c.name() === name);
      if (!cmd) {
        const names = listed.map((c) => c.name());
        throw new UsageError(`unknown command '${printable(name)}'${didYouMean(name, names)}; commands: ${names.join(', ')}`);
      }
      cmd.outputHelp();
    });
}

/** commander's "argument 'VALUE' is invalid. REASON" with a long VALUE cut, so that the reason still fits the line. */
function shortArgument(text: string): string {
  const [, head = '', value = '', tail = ''] = /^(error: option '[^']*' argument ')([\s\S]*)(' is invalid\.[\s\S]*)$/.exec(text) ?? [];
  return value.length > 60 ? `${head}${value.slice(0, 60)}…${tail}` : text;
}
