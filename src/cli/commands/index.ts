import { indexOutput, NAME, type Context } from '../context.js';
import type { Program } from '../program.js';
import { resolveDataPath } from '../../data/load.js';
import { BUNDLED_DATA } from '../../data/load.js';
import { STDIN } from '../../data/read.js';
import { UsageError } from '../../errors.js';
import { visible } from '../../format/visible.js';
import { AUTO_INDEX_BYTES, indexFile } from '../../index/place.js';
import { sqlite } from '../../index/sqlite.js';

export function registerIndex(program: Program, ctx: Context): void {
  program
    .command('index')
    .description('build the on-disk search index of a big facts file (--data) now')
    .option('--beside', 'keep the index beside the facts file (FILE.cqf-index.sqlite), not in the cache directory')
    .option('--force', 'build it again even when it is up to date')
    .addHelpText(
      'after',
      `
Examples:
  $ ${NAME} index --data big-facts.json
  $ ${NAME} index --data big-facts.json --beside

A facts file of ${AUTO_INDEX_BYTES / 1024 / 1024} MB or more gets its index on first use anyway;
this builds it now, or for a smaller file. The index is rebuilt when the
file changes. Needs Node 22.13 or later (node:sqlite). Prints the index's path.`,
    )
    .action((opts, c) => {
      const g = c.optsWithGlobals();
      if (g.data !== undefined && g.data.trim() === '') throw new UsageError('--data needs a file name');
      const path = resolveDataPath(g.data, ctx.io.env);
      if (path === BUNDLED_DATA) throw new UsageError('index needs a facts file: --data FILE (the bundled facts need no index)');
      if (path === STDIN) throw new UsageError('index needs a facts file, not standard input');
      if (!sqlite()) throw new UsageError(`index needs node:sqlite, which this Node (${process.version}) lacks; use Node 22.13 or later`);
      const started = Date.now();
      const report = indexFile(path, { ...indexOutput(ctx.io, path), beside: opts.beside, force: opts.force });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.io.stderr(
        `${NAME}: ${report.built ? `indexed ${report.facts} facts in ${seconds} s` : `the index of ${report.facts} facts is up to date`}\n`,
      );
      ctx.io.stdout(`${visible(report.file)}\n`);
    });
}
