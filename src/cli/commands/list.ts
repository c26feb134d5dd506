import type { Command } from 'commander';
import { NAME, type Context } from '../context.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions, addSelectionOptions } from '../options.js';
import { renderRows } from '../output.js';
import { listRows, type ListOptions } from '../../api/results.js';
import { TABLE_FIELDS } from './search.js';

export function registerList(program: Command, ctx: Context): void {
  const cmd = program.command('list').description('every fact, in article order');
  addSelectionOptions(cmd);
  addOutputOptions(cmd, FACT_FIELDS);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} list --theme ecology
  $ ${NAME} list --theme ecology,rural --json | jq length
  $ ${NAME} list --ndjson --fields id,statement | head -3
  $ ${NAME} list --min 1e12 --json | jq -r '.[].id'
  $ ${NAME} list --unit % --sort value

Exits 1 when no fact fits the filters.`,
    )
    .action(async (opts: ListOptions, c: Command) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, FACT_FIELDS);
      const rows = listRows(data, opts);
      if (rows.length === 0) return ctx.nothing(out, 'no facts fit those filters');
      ctx.io.stdout(await renderRows(rows, out, TABLE_FIELDS));
    });
}
