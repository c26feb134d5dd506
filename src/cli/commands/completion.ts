import { Argument, type Command } from 'commander';
import { CITE_FORMATS } from '../../format/cite.js';
import { SHELLS, completionScript, type Shell } from '../completion.js';
import { NAME, type Context } from '../context.js';
import { units } from '../../core/select.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { SEARCH_FIELDS } from './search.js';
import { SHOW_FIELDS } from './show.js';

export function registerCompletion(program: Command, ctx: Context): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, options, theme and fact ids)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      `
Install:
  bash  $ ${NAME} completion bash > ~/.local/share/bash-completion/completions/${NAME}
  zsh   $ ${NAME} completion zsh > "\${fpath[1]}/_${NAME}"     # or: source <(${NAME} completion zsh)
  fish  $ ${NAME} completion fish > ~/.config/fish/completions/${NAME}.fish
Then open a new shell.`,
    )
    .action((shell: Shell, _opts: unknown, c: Command) => {
      const { data } = ctx.load(c);
      const flags = (cmd: Command) => cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => !!f));
      ctx.io.stdout(
        completionScript(shell, {
          name: NAME,
          globalOptions: flags(program),
          commands: program.commands
            .filter((cmd) => cmd.name() !== 'help')
            .map((cmd) => ({ name: cmd.name(), description: cmd.description(), options: flags(cmd) }))
            .concat([{ name: 'help', description: 'show help for a command', options: [] }]),
          themes: data.themes.map((t) => t.id),
          ids: data.facts.map((f) => f.id),
          units: units(data.facts),
          fields: { search: SEARCH_FIELDS, list: [...FACT_FIELDS], show: SHOW_FIELDS },
          formats: [...CITE_FORMATS],
          shells: [...SHELLS],
        }),
      );
    });
}
