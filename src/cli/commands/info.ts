import type { Command } from 'commander';
import { NAME, type Context } from '../context.js';
import { toJson } from '../../format/json.js';
import { datasetInfo, infoText } from '../../core/info.js';

export function registerInfo(program: Command, ctx: Context): void {
  program
    .command('info')
    .description("the dataset: title, publisher, fact and theme counts, the facts file's SHA-256")
    .option('--json', 'print it as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} info
  $ ${NAME} info --json | jq -r .sha256`,
    )
    .action(async (_opts: unknown, c: Command) => {
      const { data, g } = ctx.load(c);
      const info = await datasetInfo(data);
      ctx.io.stdout(g.json ? toJson(info) : infoText(info));
    });
}
