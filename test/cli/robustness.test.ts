// Whatever a person or a script throws at the CLI, it answers with data or a
// one-line reason and the right exit code, never an uncaught error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { cli } from '../helpers.js';

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('queries of any length or content', () => {
  it.each([
    ['10,000 characters', 'car '.repeat(2500)],
    ['one 10,000-character word', 'x'.repeat(10_000)],
    ['emoji', '🚗🚗 cars 🚗'],
    ['Chinese', '重庆汽车产量'],
    ['control characters', 'car\u0000\u0007\u001b[31m\u0008'],
    ['right-to-left text', 'مرحبا'],
    ['punctuation only', '!!! ??? ...'],
    ['regex syntax', '(.*)+[a-z]{2,}\\d'],
    ['a JSON fragment', '{"id": "gdp-2025"}'],
  ])('%s', async (_name, query) => {
    const started = performance.now();
    const r = await cli(['search', query, '--json']);
    // A guard against blow-ups (quadratic work on long input), not a speed test.
    expect(performance.now() - started).toBeLessThan(5000);
    expect([0, 1]).toContain(r.code);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    noStack(r.stderr);
  });

  it('takes a query that starts with a dash after --', async () => {
    const r = await cli(['search', '--json', '--', '-car']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].id).toMatch(/automobile|aito|seres/);
  });

  // The property below may say --data - : in process, with no standard input given, that is a usage error at
  // once, not a wait for the test runner's own standard input, which never ends.
  it.each([['list', '--data', '-'], ['search', 'car', '--data', '-'], ['show', 'gdp-2025', '--data=-']])('%s %s %s without standard input', async (...args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('there is no standard input to read facts from');
  });

  it('echoes no control characters back in a message', async () => {
    const r = await cli(['show', 'gdp\u001b[31m']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u001b');
  });
});

describe('a real bug', () => {
  // An output that fails is the nearest thing to a bug we can cause on purpose.
  const broken = { env: {}, isTTY: false, stdout: () => { throw new Error('disk on fire'); }, stderr: () => {} };

  it('is one line and a hint without --debug', async () => {
    let err = '';
    const code = await run(['list', '--json'], { ...broken, stderr: (s) => void (err += s) });
    expect(code).toBe(2);
    expect(err).toMatch(/^chongqing-facts: internal error: disk on fire\nRun again with --debug/);
    noStack(err);
  });

  it.each([[['--debug'], {}], [[], { DEBUG: 'chongqing-facts' }], [[], { DEBUG: 'other,*' }]])(
    'shows the stack with %j %j',
    async (flags, env) => {
      let err = '';
      const code = await run(['list', '--json', ...flags], { ...broken, env, stderr: (s) => void (err += s) });
      expect(code).toBe(2);
      expect(err).toMatch(/internal error: disk on fire\nError: disk on fire\n\s+at /);
    },
  );
});

describe('property: any arguments', () => {
  const word = fc.oneof(
    fc.constantFrom('car', 'laptop', 'gdp', '重庆', 'zzqxj', '', ' ', '-', '--', 'ecology', 'rural,party'),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
  const option = fc.oneof(
    fc.constantFrom('--json', '--ndjson', '--no-color', '--theme', '--limit', '--fields', '--data', '-n', '-t', '--help', '-V'),
    fc.constantFrom('--fields=id,statement', '--fields=nope', '--limit=3', '--limit=-1', '--theme=ecology', '--theme=ecolgy'),
  );
  const command = fc.constantFrom('search', 'list', 'show', 'themes', 'verify', 'help', 'serch', '');
  const argv = fc.tuple(command, fc.array(fc.oneof(word, option), { maxLength: 6 })).map(([c, rest]) => (c ? [c, ...rest] : rest));

  it('never throws, exits 0, 1 or 2, and --json output always parses', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const r = await cli(args);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error:/);
        noStack(r.stderr);
        // After "--" every argument is a word of the query, "--json" too.
        const end = args.indexOf('--');
        const options = end < 0 ? args : args.slice(0, end);
        const json = options.includes('--json') && !options.includes('--ndjson') && !options.some((a) => /^(-h|--help|-V|--version|help)$/.test(a));
        if (json && r.code !== 2 && r.stdout !== '') expect(() => JSON.parse(r.stdout)).not.toThrow();
        if (r.code === 2) expect(r.stdout).toBe('');
      }),
      { numRuns: Number(process.env.CQF_PROPERTY_RUNS ?? 300) },
    );
  });
});
