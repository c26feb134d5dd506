import type { Command } from 'commander';
import { NAME, type Context } from '../context.js';
import { record } from '../../format/fields.js';
import { toJson, toNdjson } from '../../format/json.js';
import { addOutputOptions, collectList, wholeNumber } from '../options.js';
import { greeting } from '../../core/random.js';
import { randomFact } from '../../api/results.js';

export function registerRandom(program: Command, ctx: Context): void {
  const cmd = program
    .command('random')
    .description('one fact at random, for a shell greeting or a fact of the day')
    .option('-t, --theme <ids>', 'only these themes (comma-separated, repeatable)', collectList)
    .option('--seed <n>', 'the same fact for the same seed (and data)', wholeNumber);
  addOutputOptions(cmd, null);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} random
  $ ${NAME} random --theme ecology
  $ ${NAME} random --seed "$(date +%Y%m%d)"    # a fact of the day`,
    )
    .action((opts: { theme?: string[]; seed?: string }, c: Command) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, null);
      const fact = randomFact(data, opts);
      if (out.mode === 'json') ctx.io.stdout(toJson(record({ fact })));
      else if (out.mode === 'ndjson') ctx.io.stdout(toNdjson([record({ fact })]));
      else ctx.io.stdout(greeting(fact));
    });
}
