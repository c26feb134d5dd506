import type { Command } from 'commander';
import { NAME, type Context } from '../context.js';
import { statsChart } from '../../format/chart.js';
import { toJson } from '../../format/json.js';
import { statsOf } from '../../api/results.js';

export function registerStats(program: Command, ctx: Context): void {
  program
    .command('stats')
    .description('facts per theme and how many carry figures, as a bar chart')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} stats
  $ ${NAME} stats --json | jq '.themes[] | {id, facts, withFigures}'`,
    )
    .action((_opts: unknown, c: Command) => {
      const { data, g } = ctx.load(c);
      const s = statsOf(data);
      if (g.json) ctx.io.stdout(toJson(s));
      else ctx.io.stdout(statsChart(s, ctx.output(g, null).width));
    });
}
