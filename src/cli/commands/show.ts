import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { factRow } from '../../api/results.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions } from '../options.js';
import { renderFact } from '../output.js';

export const SHOW_FIELDS = [...FACT_FIELDS, 'context'];

export function registerShow(program: Program, ctx: Context): void {
  const cmd = program
    .command('show')
    .description('one fact in full: statement, figures, source sentence, section')
    .argument('<id>', 'fact id, as shown by list and search')
    .option('-c, --context', 'also the whole paragraph the source sentence sits in');
  addOutputOptions(cmd, SHOW_FIELDS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} show automobile-production-2025
  $ ${NAME} show gdp-2025 --context
  $ ${NAME} show gdp-2025 --json | jq '.figures'
  $ ${NAME} show gdp-2025 --fields source

Exits 1, with suggestions, when no fact has that id.`,
    )
    .action(async (id, opts, c) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, { fields: SHOW_FIELDS, terminal: 'table' });
      const wantsContext = opts.context || out.fields?.includes('context');
      const { fact, context } = factRow(data, id, { context: wantsContext });
      const theme = data.themes.find((t) => t.id === fact.theme);
      const fields = context === undefined ? FACT_FIELDS : SHOW_FIELDS;
      ctx.print(await renderFact(fact, theme, out, fields, context), g);
    });
}
