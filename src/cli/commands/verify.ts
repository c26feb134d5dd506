import { EXIT, NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { verifyData } from '../../data/verify.js';
import { addOutputOptions } from '../options.js';
import { renderVerify, VERIFY_FORMATS } from '../output.js';
import { visible } from '../../format/visible.js';

export function registerVerify(program: Program, ctx: Context): void {
  const cmd = program
    .command('verify')
    .description('check every fact against the article: verbatim sources, figures, numbers, ids, themes');
  addOutputOptions(cmd, null, VERIFY_FORMATS)
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} verify
  $ ${NAME} verify --data my-facts.json --json | jq '.problems[]'

Exits 0 when every check holds, 1 listing every problem (one a line, on a
terminal or a pipe alike).`,
    )
    .action((_opts, c) => {
      const { data, g } = ctx.load(c, { strict: false });
      const report = verifyData(data);
      ctx.exitCode = report.ok ? EXIT.found : EXIT.nothing;
      const out = ctx.output(g, { fields: null, terminal: 'text', pipe: 'text' });
      ctx.print(renderVerify(report, out), g);
      if (out.format !== 'json' && !report.ok) {
        ctx.io.stderr(`${NAME}: ${report.problems.length} problem(s) in ${report.facts} facts of ${visible(report.file)}\n`);
      }
    });
}
