import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { addOutputOptions } from '../options.js';
import { INFO_FORMATS, renderInfo } from '../output.js';
import { datasetInfo } from '../../core/info.js';

export function registerInfo(program: Program, ctx: Context): void {
  const cmd = program
    .command('info')
    .description("the dataset: title, publisher, fact and theme counts, the facts file's SHA-256");
  addOutputOptions(cmd, null, INFO_FORMATS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} info
  $ ${NAME} info --json | jq -r .sha256
  $ ${NAME} info | awk -F '\t' '$1 == "sha256" { print $2 }'

On a pipe: one line per key, tab-separated: key, value.`,
    )
    .action(async (_opts, c) => {
      const { data, g } = ctx.load(c);
      const info = await datasetInfo(data);
      ctx.print(renderInfo(info, ctx.output(g, { fields: null, terminal: 'text' })), g);
    });
}
