import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions, collectList, wholeNumber } from '../options.js';
import { RANDOM_FORMATS, renderRandom } from '../output.js';
import { randomFact } from '../../api/results.js';
import { TABLE_FIELDS } from './search.js';

export function registerRandom(program: Program, ctx: Context): void {
  const cmd = program
    .command('random')
    .description('one fact at random, for a shell greeting or a fact of the day')
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList)
    .option('--seed <n>', 'the same fact for the same seed (and data)', wholeNumber);
  addOutputOptions(cmd, FACT_FIELDS, RANDOM_FORMATS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} random
  $ ${NAME} random --theme ecology
  $ ${NAME} random --seed "$(date +%Y%m%d)"    # a fact of the day
  $ ${NAME} random --fields statement | cowsay

On a terminal: the statement, then the quoted source and the id (--format
text); on a pipe, one plain line.`,
    )
    .action(async (opts, c) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, { fields: FACT_FIELDS, terminal: 'text' });
      const fact = randomFact(data, opts);
      ctx.print(await renderRandom(fact, out, TABLE_FIELDS), g);
    });
}
