import { Option, type Command } from 'commander';
import { CITE_FORMATS, cite, type CiteFormat } from '../../format/cite.js';
import { NAME, type Context } from '../context.js';
import { factRow } from '../../api/results.js';

export function registerCite(program: Command, ctx: Context): void {
  program
    .command('cite')
    .description('a ready-to-paste citation of one fact: statement, verbatim quote, article and publisher')
    .argument('<id>', 'fact id, as shown by list and search')
    .addOption(new Option('-f, --format <format>', 'citation format').choices(CITE_FORMATS).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} cite gdp-2025
  $ ${NAME} cite laptop-production-world-first --format markdown >> notes.md
  $ ${NAME} cite gdp-2025 --format bibtex >> refs.bib`,
    )
    .action((id: string, opts: { format: CiteFormat }, c: Command) => {
      const { data } = ctx.load(c);
      ctx.io.stdout(cite(factRow(data, id).fact, data.meta, opts.format));
    });
}
