// Costs grow with the data, not with its square: each case runs at a size and
// at ten times that size, and the larger may take at most 15 times as long
// (linear is 10; quadratic would be 100). A ratio, not a time, so a slow
// machine does not fail it; of CPU time (cpu-time.ts), so a busy one does not
// either. The built CLI runs in this process, so only the work itself is
// timed, at the cost users pay.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/format/wrap.js';
import { displayWidth } from '../../src/format/width.js';
import { splitSentences } from '../../src/data/article.js';
import { editDistance } from '../../src/search/suggest.js';
import { builtCli } from './built.js';
import { writeFacts } from './hostile.js';
import { cpuMs } from '../cpu-time.js';

const LIMIT = 15;

// A full garbage collection on demand, so a run does not pay for the one before it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SLOW = 180_000;


interface Shape {
  facts: number;
  themes?: number;
  statement?: (i: number) => string;
  id?: (i: number) => string;
}

function factsFile(name: string, { facts, themes = 1, statement, id }: Shape): string {
  const themeList = Array.from({ length: themes }, (_, i) => ({ id: `t${i}`, name: `Theme ${i}`, zone: i % 2 ? null : `Zone ${i}` }));
  return writeFacts(name, {
    meta: { title: 'T', publisher: 'P', article: 'a.txt' },
    themes: themeList,
    facts: Array.from({ length: facts }, (_, i) => ({
      id: id?.(i) ?? `fact-${i}`,
      theme: `t${i % themes}`,
      statement: statement?.(i) ?? `Statement ${i} says something long enough to wrap in a narrow column of a table.`,
      source: `Source ${i}, quoted from the article.`,
      section: 'T',
      figures: [{ value: i * 1000, unit: 'RMB', text: `${i}` }],
      tags: ['tag'],
    })),
  });
}

/**
 * Times `f` at a size and at ten times it, alternating (a busy moment of the
 * machine then hits both), after one warm-up run; the fastest of `runs` each.
 */
async function expectLinear(what: string, f: (size: 'small' | 'large') => unknown, runs = 3): Promise<void> {
  // Work too quick to time well is repeated until the smaller size takes 20 ms or more.
  let repeat = 1;
  const time = async (size: 'small' | 'large') => {
    gc(); // each run starts from a clean heap, not with the last one's garbage to collect
    const started = cpuMs();
    for (let i = 0; i < repeat; i++) await f(size);
    return cpuMs() - started;
  };
  await f('small');
  // Calibrated on the fastest of three runs, again until it holds: one run
  // slowed by compiling left a count at which the smaller size took 1 ms,
  // too little to time (a ratio of 15.4 for linear work, once, in CI).
  const fastest = async () => Math.min(await time('small'), await time('small'), await time('small'));
  for (let took = await fastest(); took < 20 && repeat < 1000; took = await fastest()) {
    repeat = Math.min(1000, Math.ceil((repeat * 25) / Math.max(0.01, took)));
  }
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < runs; i++) {
    small = Math.min(small, await time('small'));
    large = Math.min(large, await time('large'));
  }
  const ratio = large / small;
  expect(ratio, `${what} (x${repeat}): ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms at ten times the size`).toBeLessThan(LIMIT);
}

const terminal = (columns: number) => ({ isTTY: true, columns, env: {} });
const ok = async (argv: string[], columns = 100) => {
  const r = await builtCli(argv, terminal(columns));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};

describe('linear in the data', () => {
  it('list as a table: 2,000 and 20,000 facts', { timeout: SLOW }, async () => {
    const files = { small: factsFile('rows-2k.json', { facts: 2000 }), large: factsFile('rows-20k.json', { facts: 20_000 }) };
    await expectLinear('list table', (size) => ok(['list', '--data', files[size]]), 2);
  });

  it('one long word drawn, in list and show: 20,000 and 200,000 characters', { timeout: SLOW }, async () => {
    const word = (n: number) => () => 'é'.repeat(n);
    const files = {
      small: factsFile('word-20k.json', { facts: 1, statement: word(20_000) }),
      large: factsFile('word-200k.json', { facts: 1, statement: word(200_000) }),
    };
    await expectLinear('list with a long word', (size) => ok(['list', '--data', files[size]], 80));
    await expectLinear('show with a long word', (size) => ok(['show', 'fact-0', '--data', files[size]], 80));
  });

  it('show with a long id that is not there: 10,000 and 100,000 characters', { timeout: SLOW }, async () => {
    const file = factsFile('ids.json', { facts: 200, id: (i) => `f${'x'.repeat(i % 40)}-fact-${i}` });
    const ids = { small: 'x'.repeat(10_000), large: 'x'.repeat(100_000) };
    await expectLinear('show suggestions', async (size) => {
      const r = await builtCli(['show', ids[size], '--data', file]);
      expect(r.code).toBe(1);
    });
  });

  it('long ids in the data, looked up with a typo: 200 ids of 1,000 and 10,000 characters', { timeout: SLOW }, async () => {
    const files = {
      small: factsFile('long-ids-1k.json', { facts: 200, id: (i) => `${'a'.repeat(1000)}-${i}` }),
      large: factsFile('long-ids-10k.json', { facts: 200, id: (i) => `${'a'.repeat(10_000)}-${i}` }),
    };
    const typo = { small: `${'a'.repeat(1000)}-x`, large: `${'a'.repeat(10_000)}-x` };
    await expectLinear('show suggestions against long ids', async (size) => {
      expect((await builtCli(['show', typo[size], '--data', files[size]])).code).toBe(1);
    });
  });

  // Sizes large enough that the smaller is past the start-up effects of the garbage collector.
  it('wrapping and measuring: 200,000 and 2,000,000 characters', { timeout: SLOW }, async () => {
    const text = { small: 'é'.repeat(200_000), large: 'é'.repeat(2_000_000) };
    const spaced = { small: 'word 重庆 '.repeat(25_000), large: 'word 重庆 '.repeat(250_000) };
    await expectLinear('wrapText, one word', (size) => wrapText(text[size], 37));
    await expectLinear('wrapText, many words', (size) => wrapText(spaced[size], 37));
    await expectLinear('displayWidth', (size) => displayWidth(`${spaced[size]}👍🏽`));
  });

  it('splitting sentences: 100,000 and 1,000,000 characters of dots and "No."', { timeout: SLOW }, async () => {
    const dots = { small: `a${'.'.repeat(100_000)}b`, large: `a${'.'.repeat(1_000_000)}b` };
    const nos = { small: 'No. '.repeat(25_000), large: 'No. '.repeat(250_000) };
    await expectLinear('splitSentences, dots', (size) => splitSentences(dots[size]));
    await expectLinear('splitSentences, No.', (size) => splitSentences(nos[size]));
  });

  // A query is read with regular expressions (Chinese amounts, hyphenated
  // compounds); one tried at every place inside a long run costs its square.
  it('a long query: 2,000 and 20,000 characters of one run', { timeout: SLOW }, async () => {
    const runs: [string, (n: number) => string][] = [
      ['digits', (n) => '1'.repeat(n)],
      // One long word: every split of it was once tried as a compound of two fact words.
      ['letters', (n) => 'a'.repeat(n)],
      ['letters and digits', (n) => 'a1'.repeat(n / 2)],
      ['digits in Chinese', (n) => `重${'1'.repeat(n)}`],
      ['Chinese numerals', (n) => `重${'一'.repeat(n)}`],
      ['hyphens', (n) => 'a-'.repeat(n / 2)],
    ];
    for (const [what, run] of runs) {
      const query = { small: run(2000), large: run(20_000) };
      await expectLinear(`search, a query of ${what}`, async (size) => {
        expect((await builtCli(['search', query[size], '--json'])).code).toBeLessThan(2);
      });
    }
  });

  it('edit distance with a bound: 100,000 and 1,000,000 characters', async () => {
    const a = { small: 'ab'.repeat(50_000), large: 'ab'.repeat(500_000) };
    await expectLinear('editDistance', (size) => editDistance(a[size], `x${a[size]}`, 3));
  });
});

describe('150,000 facts or themes: no stack overflow', () => {
  const many = factsFile('facts-150k.json', { facts: 150_000, themes: 3 });
  const themes = factsFile('themes-150k.json', { facts: 3, themes: 150_000 });

  it.each([
    ['list --fields id', ['list', '--fields', 'id', '--data', many], 100],
    ['list --sort value --json', ['list', '--sort', 'value', '--min', '0', '--json', '--data', many], 100],
    ['stats', ['stats', '--data', many], 100],
    ['stats, 150,000 themes', ['stats', '--data', themes], 100],
    ['themes, 150,000 themes, narrow', ['themes', '--data', themes], 40],
    ['list --theme <unknown>, 150,000 themes', ['list', '--theme', 'nope', '--data', themes], 100],
  ] as const)('%s', { timeout: SLOW }, async (_what, argv, columns) => {
    const r = await builtCli([...argv], terminal(columns));
    expect(r.stderr).not.toMatch(/internal error|call stack/i);
    expect([0, 2]).toContain(r.code);
    if (r.code === 2) expect(r.stderr).toMatch(/unknown theme 'nope'; valid themes: t0, t1, .*\(149980 more\)\n$/);
  });
});
