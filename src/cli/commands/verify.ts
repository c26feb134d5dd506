import type { Command } from 'commander';
import { EXIT, NAME, type Context } from '../context.js';
import { toJson } from '../../format/json.js';
import { problemLines, verifyData } from '../../data/verify.js';
import { visible } from '../../format/visible.js';

export function registerVerify(program: Command, ctx: Context): void {
  program
    .command('verify')
    .description('check every fact against the article: verbatim sources, figures, numbers, ids, themes')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} verify
  $ ${NAME} verify --data my-facts.json --json | jq '.problems[]'

Exits 0 when every check holds, 1 listing every problem.`,
    )
    .action((_opts: unknown, c: Command) => {
      const { data, g } = ctx.load(c, { strict: false });
      const report = verifyData(data);
      ctx.exitCode = report.ok ? EXIT.found : EXIT.nothing;
      if (g.json) {
        ctx.io.stdout(toJson(report));
      } else if (report.ok) {
        ctx.io.stdout(`ok: ${report.facts} facts agree with ${visible(report.article)}\n`);
      } else {
        ctx.io.stdout(problemLines(report));
        ctx.io.stderr(`${NAME}: ${report.problems.length} problem(s) in ${report.facts} facts of ${visible(report.file)}\n`);
      }
    });
}
