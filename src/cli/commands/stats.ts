import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { addOutputOptions } from '../options.js';
import { renderStats, STATS_FORMATS } from '../output.js';
import { statsOf } from '../../api/results.js';

export function registerStats(program: Program, ctx: Context): void {
  const cmd = program
    .command('stats')
    .description('facts per theme and how many carry figures, as a bar chart');
  addOutputOptions(cmd, null, STATS_FORMATS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} stats
  $ ${NAME} stats --json | jq '.themes[] | {id, facts}'
  $ ${NAME} stats | sort -t "$(printf '\\t')" -k2 -n    # id, facts, with figures

On a pipe: one line per theme, tab-separated: id, facts, facts with figures.`,
    )
    .action((_opts, c) => {
      const { data, g } = ctx.load(c);
      const s = statsOf(data);
      ctx.print(renderStats(s, ctx.output(g, { fields: null, terminal: 'chart' })), g);
    });
}
