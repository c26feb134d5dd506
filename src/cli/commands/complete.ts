import { Argument, type CommandUnknownOpts, type Option } from '@commander-js/extra-typings';
import { complete, completionLines, type DataModel, type OptionModel, type ProgramModel } from '../complete.js';
import { SHELLS } from '../completion.js';
import type { Context } from '../context.js';
import type { Program } from '../program.js';
import { units } from '../../core/select.js';
import { loadFacts, resolveDataPath } from '../../data/load.js';
import { STDIN } from '../../data/read.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { SEARCH_FIELDS } from './search.js';
import { SHOW_FIELDS } from './show.js';

/**
 * The hidden command the completion scripts call at every TAB:
 * `chongqing-facts __complete <shell> -- <words typed so far>`. It prints the
 * kind of answer, then one candidate a line; on any trouble, no candidates.
 */
export function registerComplete(program: Program, ctx: Context): void {
  program
    .command('__complete', { hidden: true })
    .description('candidates for shell completion (used by the completion scripts)')
    .addArgument(new Argument('<shell>').choices(SHELLS))
    .argument('[words...]')
    .helpOption(false)
    .action((shell, words) => {
      let out = completionLines(shell, { kind: 'values', candidates: [] });
      try {
        out = completionLines(shell, complete(shell, words, programModel(program), (choice) => facts(choice, ctx)));
      } catch {
        // A TAB never shows an error.
      }
      ctx.io.stdout(out);
    });
}

function facts(choice: { data?: string; env?: string }, ctx: Context): DataModel | undefined {
  const env = choice.env === undefined ? ctx.io.env : { ...ctx.io.env, CHONGQING_FACTS_DATA: choice.env };
  const path = resolveDataPath(choice.data, env);
  // Standard input belongs to the shell while it completes.
  if (path === STDIN) return undefined;
  try {
    const data = loadFacts(path);
    return { themes: data.themes.map((t) => t.id), ids: data.facts.map((f) => f.id), units: units(data.facts) };
  } catch {
    return undefined;
  }
}

/** Commands, options and arguments, read from the commander program itself. */
export function programModel(program: CommandUnknownOpts): ProgramModel {
  const option = (o: Option): OptionModel => ({
    flags: [o.short, o.long].filter((f): f is string => !!f),
    description: o.description,
    takesValue: o.required || o.optional,
    choices: o.argChoices,
  });
  const visible = program.createHelp().visibleCommands(program);
  return {
    options: program.options.filter((o) => !o.hidden).map(option),
    commands: visible.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: c.options.filter((o) => !o.hidden).map(option),
      args: c.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, choices: a.argChoices })),
    })),
    fields: new Map<string, readonly string[]>([
      ['search', SEARCH_FIELDS],
      ['list', FACT_FIELDS],
      ['show', SHOW_FIELDS],
    ]),
  };
}
