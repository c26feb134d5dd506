import type { Command } from 'commander';
import { Option } from 'commander';
import { NAME, type Context } from '../context.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions, addSelectionOptions, positiveInt } from '../options.js';
import { renderRows } from '../output.js';
import { searchRows, type SearchOptions } from '../../api/results.js';

export const SEARCH_FIELDS = [...FACT_FIELDS, 'score'];
export const TABLE_FIELDS = ['id', 'theme', 'statement', 'source'];

export function registerSearch(program: Command, ctx: Context): void {
  const cmd = program
    .command('search')
    .description('fuzzy search the facts, best match first')
    .argument('<query...>', 'words to look for (English or Chinese)')
    .addOption(new Option('-n, --limit <n>', 'show at most n results').default(10).argParser(positiveInt));
  addSelectionOptions(cmd);
  addOutputOptions(cmd, SEARCH_FIELDS);
  cmd
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} search car production
  $ ${NAME} search laptops --limit 3
  $ ${NAME} search 奉节脐橙
  $ ${NAME} search loans --theme ecology,rural --json | jq '.[0].source'
  $ ${NAME} search trade --unit RMB --sort value

Exits 1 when nothing matches (JSON output is then []).`,
    )
    .action(async (words: string[], opts: SearchOptions, c: Command) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, SEARCH_FIELDS);
      const rows = searchRows(data, words.join(' '), opts);
      if (rows.length === 0) return ctx.nothing(out, 'no facts match that query');
      ctx.io.stdout(await renderRows(rows, out, TABLE_FIELDS));
    });
}
