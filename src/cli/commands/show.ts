import type { Command } from 'commander';
import { paragraphOf, parseArticle } from '../../data/article.js';
import { NAME, type Context } from '../context.js';
import { DataError } from '../../errors.js';
import { findFact, readArticle, type LoadedFacts } from '../../data/load.js';
import type { Fact } from '../../data/types.js';
import { FACT_FIELDS } from '../../format/fields.js';
import { addOutputOptions } from '../options.js';
import { renderFact } from '../output.js';

export const SHOW_FIELDS = [...FACT_FIELDS, 'context'];

/** The paragraph a fact's source sentence sits in (also for the MCP server's get_fact). */
export function contextOf(data: LoadedFacts, fact: Fact): string {
  const context = paragraphOf(parseArticle(readArticle(data)), fact.source);
  if (context === undefined) {
    throw new DataError(`the source of '${fact.id}' is not a sentence of ${data.meta.article}, so it has no paragraph; 'chongqing-facts verify' lists such problems`);
  }
  return context;
}

export function registerShow(program: Command, ctx: Context): void {
  const cmd = program
    .command('show')
    .description('one fact in full: statement, figures, source sentence, section')
    .argument('<id>', 'fact id, as shown by list and search')
    .option('-c, --context', 'also the whole paragraph the source sentence sits in');
  addOutputOptions(cmd, SHOW_FIELDS);
  cmd
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
    .action(async (id: string, opts: { context?: boolean }, c: Command) => {
      const { data, g } = ctx.load(c);
      const out = ctx.output(g, { fields: SHOW_FIELDS, terminal: 'table' });
      const fact = findFact(data, id);
      const wantsContext = opts.context || out.fields?.includes('context');
      const context = wantsContext ? contextOf(data, fact) : undefined;
      const theme = data.themes.find((t) => t.id === fact.theme);
      const fields = context === undefined ? FACT_FIELDS : SHOW_FIELDS;
      ctx.print(await renderFact(fact, theme, out, fields, context), g);
    });
}
