import type { Command } from 'commander';
import { NAME, type Context } from '../context.js';
import { addOutputOptions } from '../options.js';
import { renderThemes } from '../output.js';
import { themeRows } from '../../api/results.js';

export function registerThemes(program: Command, ctx: Context): void {
  const cmd = program
    .command('themes')
    .description('the themes: one per zone of the "Six Zones and One Highland", with fact counts');
  addOutputOptions(cmd, null);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} themes
  $ ${NAME} themes --json | jq -r '.[].id'`,
    )
    .action(async (_opts: unknown, c: Command) => {
      const { data, g } = ctx.load(c);
      ctx.io.stdout(await renderThemes(themeRows(data), ctx.output(g, null)));
    });
}
