import { Option } from '@commander-js/extra-typings';
import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { UsageError } from '../../errors.js';
import { FACT_FIELDS, type Row } from '../../format/fields.js';
import { addOutputOptions, addSelectionOptions, positiveInt } from '../options.js';
import { renderBatch, renderRows } from '../output.js';
import { searchRows } from '../../api/results.js';
import { STDIN } from '../../data/read.js';
import { visible } from '../../format/visible.js';

export const SEARCH_FIELDS = [...FACT_FIELDS, 'score'];
export const TABLE_FIELDS = ['id', 'theme', 'statement', 'source'];
/** Queries read with --stdin: far more than anyone types, little enough to read at once. */
export const MAX_QUERY_BYTES = 64 * 1024 * 1024;

export function registerSearch(program: Program, ctx: Context): void {
  const cmd = program
    .command('search')
    .description('fuzzy search the facts, best match first')
    .argument('[query...]', 'words to look for (English or Chinese)')
    .addOption(new Option('-n, --limit <n>', 'show at most n results (per query)').default(10).argParser(positiveInt))
    .option('--stdin', 'read one query a line from standard input and answer each (empty lines skipped)');
  addOutputOptions(addSelectionOptions(cmd), SEARCH_FIELDS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} search car production
  $ ${NAME} search laptops --limit 3
  $ ${NAME} search 奉节脐橙
  $ ${NAME} search loans --theme ecology,rural --json | jq '.[0].source'
  $ ${NAME} search trade --unit RMB --sort value
  $ printf 'gdp\\nlaptops\\n' | ${NAME} search --stdin --ndjson -n 1

Exits 1 when nothing matches (JSON output is then []). With --stdin: exits 0
if any query found a fact, 1 if none did, 2 on a usage or data error; each
JSON record carries its "query", plain and the other line formats start with
a query column, and a table has a heading per query.`,
    )
    .action(async (words, opts, c) => {
      // Checked before the facts are read: --data - would take standard input first.
      if (opts.stdin) checkStdin(ctx, c.optsWithGlobals().data, words);
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, { fields: SEARCH_FIELDS, terminal: 'table' });
      const answer = (query: string): Row[] => searchRows(data, query, opts);
      if (opts.stdin) {
        const batch = stdinQueries(ctx).map((query) => ({ query, rows: answer(query) }));
        const found = batch.some((b) => b.rows.length > 0);
        if (!found) {
          ctx.nothing(out, batch.length ? 'no facts match any of the queries' : 'standard input held no queries');
          return;
        }
        for (const b of batch) if (b.rows.length === 0 && out.format === 'table') ctx.io.stderr(`${NAME}: no facts match '${visible(b.query)}'\n`);
        ctx.print(await renderBatch(batch, out, TABLE_FIELDS), g);
        return;
      }
      if (words.length === 0) throw new UsageError("missing required argument 'query'");
      const query = words.join(' ');
      if (query.trim() === '') throw new UsageError('the search query is empty');
      const rows = answer(query);
      if (rows.length === 0) {
        ctx.nothing(out, 'no facts match that query');
        return;
      }
      ctx.print(await renderRows(rows, out, TABLE_FIELDS), g);
    });
}

function checkStdin(ctx: Context, data: string | undefined, words: readonly string[]): void {
  if (words.length > 0) throw new UsageError('give queries either as arguments or with --stdin, not both');
  if (data === STDIN || (data === undefined && ctx.io.env.CHONGQING_FACTS_DATA === STDIN)) {
    throw new UsageError('--stdin reads queries from standard input, which --data - already reads facts from');
  }
  if (!ctx.io.stdin) throw new UsageError('there is no standard input to read queries from');
}

/** The queries on standard input, one a line, blank lines skipped. */
function stdinQueries(ctx: Context): string[] {
  return (ctx.io.stdin?.(MAX_QUERY_BYTES) ?? '')
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trim())
    .filter((line) => line !== '');
}
