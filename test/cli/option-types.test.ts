// Option types at compile time: commander's options are typed from their
// definitions (@commander-js/extra-typings), so a command's action that reads
// a misspelt option, or takes a value as the wrong type, does not compile.
// `npm run typecheck` (tsc --noEmit, which includes test/) checks this file:
// each @ts-expect-error fails the check if its line stops being an error.
// The actions here are never run; the commands are built the way
// src/cli/commands/*.ts build theirs, on the real program and helpers.
import { Option } from '@commander-js/extra-typings';
import { describe, expectTypeOf, it } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import { addOutputOptions, addSelectionOptions, collectList, positiveInt, wholeNumber } from '../../src/cli/options.js';
import type { Format } from '../../src/cli/output.js';
import { createProgram } from '../../src/cli/program.js';
import type { SortKey } from '../../src/api/types.js';

const ctx = createContext({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
const program = createProgram(ctx);
/** Reads values, so that the lines above it are about the option, not an unused variable. */
const use = (..._values: unknown[]) => {};

describe('option types come from the option definitions', () => {
  it('the program’s global options, in every command’s optsWithGlobals()', () => {
    program.command('probe-globals').action((_opts, c) => {
      const g = c.optsWithGlobals();
      expectTypeOf(g.data).toEqualTypeOf<string | undefined>();
      // --color <when> with its choices, or false for --no-color.
      expectTypeOf(g.color).toEqualTypeOf<'auto' | 'always' | 'never' | false | undefined>();
      // --no-pager alone: true unless given.
      expectTypeOf(g.pager).toEqualTypeOf<boolean>();
      expectTypeOf(g.debug).toEqualTypeOf<true | undefined>();
      // ctx.load hands the same types back.
      expectTypeOf(ctx.load(c).g).toEqualTypeOf(g);
    });
  });

  it('the shared helpers’ options, with the types their parsers return', () => {
    const cmd = program.command('probe-list').addOption(new Option('-n, --limit <n>', '').argParser(positiveInt));
    addOutputOptions(addSelectionOptions(cmd), ['id']).action((opts) => {
      expectTypeOf(opts.limit).toEqualTypeOf<number | undefined>();
      expectTypeOf(opts.theme).toEqualTypeOf<string[] | undefined>();
      expectTypeOf(opts.year).toEqualTypeOf<number | undefined>();
      expectTypeOf(opts.min).toEqualTypeOf<number | undefined>();
      expectTypeOf(opts.max).toEqualTypeOf<number | undefined>();
      expectTypeOf(opts.unit).toEqualTypeOf<string | undefined>();
      expectTypeOf(opts.sort).toEqualTypeOf<SortKey | undefined>();
      expectTypeOf(opts.format).toEqualTypeOf<Format | undefined>();
      expectTypeOf(opts.json).toEqualTypeOf<true | undefined>();
      expectTypeOf(opts.ndjson).toEqualTypeOf<true | undefined>();
      expectTypeOf(opts.fields).toEqualTypeOf<string | undefined>();
    });
  });

  it('a default and a parser: always a number', () => {
    program
      .command('probe-search')
      .argument('[query...]')
      .addOption(new Option('-n, --limit <n>', '').default(10).argParser(positiveInt))
      .action((words, opts) => {
        expectTypeOf(words).toEqualTypeOf<string[]>();
        expectTypeOf(opts.limit).toEqualTypeOf<number>();
      });
  });

  it('a misspelt option name does not compile', () => {
    program
      .command('probe-misspelt')
      .option('--seed <n>', '', wholeNumber)
      .option('-t, --theme <ids>', '', collectList)
      .action((opts, c) => {
        // @ts-expect-error -- the option is --seed
        use(opts.sed);
        // @ts-expect-error -- the option is --theme
        use(opts.themes);
        // @ts-expect-error -- the program's option is --data
        use(c.optsWithGlobals().date);
        expectTypeOf(opts).not.toHaveProperty('sed');
      });
  });

  it('an option taken as the wrong type does not compile', () => {
    addSelectionOptions(program.command('probe-wrong-type').option('--seed <n>', '', wholeNumber)).action((opts) => {
      // @ts-expect-error -- wholeNumber returns the digits, a string
      const seed: number | undefined = opts.seed;
      // @ts-expect-error -- collectList returns a list
      const theme: string | undefined = opts.theme;
      // @ts-expect-error -- year() returns a number
      const year: string | undefined = opts.year;
      // @ts-expect-error -- --sort takes only its choices
      const sort: 'year' | undefined = opts.sort;
      use(seed, theme, year, sort);
    });
  });
});
