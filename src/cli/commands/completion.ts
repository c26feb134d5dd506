import { Argument } from '@commander-js/extra-typings';
import { SHELLS, completionScript } from '../completion.js';
import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';

export function registerCompletion(program: Program, ctx: Context): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, options, theme and fact ids)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      `
Install:
  # bash
  $ d=~/.local/share/bash-completion
  $ ${NAME} completion bash > "$d/completions/${NAME}"
  # zsh (or, after compinit: source <(${NAME} completion zsh))
  $ ${NAME} completion zsh > "\${fpath[1]}/_${NAME}"
  # fish
  $ d=~/.config/fish/completions
  $ ${NAME} completion fish > "$d/${NAME}.fish"
Then open a new shell. The script asks ${NAME} for the ids at each TAB, so it
never needs printing again; --data or CHONGQING_FACTS_DATA on the line counts.`,
    )
    .action((shell) => {
      ctx.io.stdout(completionScript(shell, NAME));
    });
}
