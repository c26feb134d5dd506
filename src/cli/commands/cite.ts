import { Option } from '@commander-js/extra-typings';
import { ALL_CITE_FORMATS, citations } from '../../format/cite.js';
import { NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { factRow } from '../../api/results.js';

export function registerCite(program: Program, ctx: Context): void {
  program
    .command('cite')
    .description('ready-to-paste citations of facts: statement, verbatim quote, article and publisher')
    .argument('<ids...>', 'fact ids, as shown by list and search')
    .addOption(new Option('-f, --format <format>', 'citation format').choices(ALL_CITE_FORMATS).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} cite gdp-2025
  $ ${NAME} cite gdp-2025 laptop-production-world-first --format markdown >> notes.md
  $ ${NAME} cite gdp-2025 --format bibtex >> refs.bib
  $ ${NAME} cite gdp-2025 --format csl-json > refs.json    # pandoc --citeproc, Zotero

One citation per id, a blank line between them; csl-json and json print one
array. Exits 1, printing nothing, when an id is unknown.`,
    )
    .action((ids, opts, c) => {
      const { data, g } = ctx.load(c);
      const facts = ids.map((id) => factRow(data, id).fact);
      ctx.print(citations(facts, data.meta, opts.format), g);
    });
}
