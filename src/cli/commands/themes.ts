import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { addOutputOptions } from '../options.js';
import { renderThemes, THEME_FIELDS } from '../output.js';
import { themeRows } from '../../api/results.js';

export function registerThemes(program: Program, ctx: Context): void {
  const cmd = program
    .command('themes')
    .description('the themes: one per zone of the "Six Zones and One Highland", with fact counts');
  addOutputOptions(cmd, THEME_FIELDS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} themes
  $ ${NAME} themes --json | jq -r '.[].id'
  $ ${NAME} themes --fields id | sort`,
    )
    .action(async (_opts, c) => {
      const { data, g } = ctx.load(c);
      ctx.print(await renderThemes(themeRows(data), ctx.output(g, { fields: THEME_FIELDS, terminal: 'table' })), g);
    });
}
