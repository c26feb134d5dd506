import { Option } from '@commander-js/extra-typings';
import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions, addSelectionOptions, positiveInt } from '../options.js';
import { renderRows } from '../output.js';
import { listRows } from '../../api/results.js';
import { TABLE_FIELDS } from './search.js';

export function registerList(program: Program, ctx: Context): void {
  const cmd = program
    .command('list')
    .description('every fact, in article order')
    .addOption(new Option('-n, --limit <n>', 'show at most n facts').argParser(positiveInt));
  addOutputOptions(addSelectionOptions(cmd), FACT_FIELDS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} list --theme ecology
  $ ${NAME} list --fields id | head -3
  $ ${NAME} list --theme ecology,rural --json | jq length
  $ ${NAME} list --format csv --fields id,statement > facts.csv
  $ ${NAME} list --min 1e12 --json | jq -r '.[].id'
  $ ${NAME} list --unit % --sort value -n 5

Exits 1 when no fact fits the filters.`,
    )
    .action(async (opts, c) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, { fields: FACT_FIELDS, terminal: 'table' });
      const rows = listRows(data, opts);
      if (rows.length === 0) {
        ctx.nothing(out, 'no facts fit those filters');
        return;
      }
      ctx.print(await renderRows(rows, out, TABLE_FIELDS), g);
    });
}
