import type { Command } from 'commander';
import { Option } from 'commander';
import { NAME, type Context } from '../context.js';
import { UsageError } from '../../errors.js';
import { FACT_FIELDS, type Row } from '../../format/fields.js';
import { addOutputOptions, addSelectionOptions, positiveInt, selection, type SelectionOptions } from '../options.js';
import { renderRows } from '../output.js';
import { search } from '../../search/rank.js';
import { indexFor } from '../../search/word-index.js';
import { byValue, selects } from '../../core/select.js';

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
    .action(async (words: string[], opts: SelectionOptions & { limit: number }, c: Command) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, SEARCH_FIELDS);
      const query = words.join(' ');
      if (query.trim() === '') throw new UsageError('the search query is empty');
      const sel = selection(opts, data);
      let rows: Row[] = search(indexFor(data), query).filter((h) => selects(h.fact, sel));
      if (opts.sort === 'value') rows = byValue(rows, sel);
      rows = rows.slice(0, opts.limit);
      if (rows.length === 0) return ctx.nothing(out, 'no facts match that query');
      ctx.io.stdout(await renderRows(rows, out, TABLE_FIELDS));
    });
}
