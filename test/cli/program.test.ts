// The CLI in-process, through commander's exitOverride: what goes to stdout,
// what to stderr, and the exit code.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ESC, MINI } from '../helpers.js';

const withMini = (...argv: string[]) => cli([...argv, '--data', MINI]);

describe('exit codes and streams', () => {
  it.each([
    // argv, exit code, stdout matches, stderr matches
    [['search', 'automobile'], 0, /automobile-production-2025/, /^$/],
    [['search', 'zzqxj'], 1, /^$/, /no facts match/],
    [['search', 'zzqxj', '--json'], 1, /^\[\]\n$/, /^$/],
    [['search', 'zzqxj', '--ndjson'], 1, /^$/, /^$/],
    [['list', '--theme', 'ecology', '--json'], 0, /good-air-quality-days/, /^$/],
    [['show', 'gdp-2025'], 0, /RMB 3\.37 trillion/, /^$/],
    [['show', 'gdp'], 1, /^$/, /no fact with id 'gdp'; did you mean: gdp-2025\?/],
    [['themes', '--json'], 0, /"overview"/, /^$/],
    [['serch', 'car'], 2, /^$/, /unknown command 'serch'[\s\S]*Did you mean search\?/],
    [['search'], 2, /^$/, /missing required argument 'query'/],
    [['search', '   '], 2, /^$/, /query is empty/],
    [['search', 'car', '--limit', '0'], 2, /^$/, /positive whole number/],
    [['search', 'car', '--limit', '2.5'], 2, /^$/, /positive whole number/],
    [['list', '--theme', 'ecolgy'], 2, /^$/, /unknown theme 'ecolgy' \(did you mean ecology\?\); valid themes: overview, industry, ecology/],
    [['list', '--bogus'], 2, /^$/, /unknown option '--bogus'/],
    [['list', '--json', '--ndjson'], 2, /^$/, /cannot be used with/],
    [['list', '--fields', 'id,nope'], 2, /^$/, /unknown field 'nope'; valid fields: id,/],
    [[], 2, /^$/, /Usage: chongqing-facts/],
  ] as const)('%j exits %i', async (argv, code, out, err) => {
    const r = await withMini(...argv);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(out);
    expect(r.stderr).toMatch(err);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('prints help and the version on stdout with exit 0', async () => {
    const help = await cli(['search', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a facts file that is not usable', () => {
  it.each([
    ['/nonexistent/facts.json', /cannot read facts file \/nonexistent\/facts.json: no such file/],
    [MINI.replace('mini-facts.json', ''), /it is a directory/],
  ])('%s', async (file, message) => {
    const r = await cli(['list', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('is also taken from CHONGQING_FACTS_DATA, and --data wins over it', async () => {
    const viaEnv = await cli(['list', '--json'], { env: { CHONGQING_FACTS_DATA: MINI } });
    expect(JSON.parse(viaEnv.stdout)).toHaveLength(4);
    const both = await cli(['list', '--json', '--data', MINI], { env: { CHONGQING_FACTS_DATA: '/nope.json' } });
    expect(both.code).toBe(0);
  });
});

describe('colour', () => {
  it.each([
    // io, argv extra, coloured?
    [{ isTTY: true, env: {} }, [], true],
    [{ isTTY: false, env: {} }, [], false],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, [], false],
    [{ isTTY: true, env: {} }, ['--no-color'], false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, ['--format', 'table'], true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, [], false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, ['--format', 'table', '--no-color'], false],
    // Plain lines (a pipe's default) are never coloured.
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, [], false],
  ] as const)('%j %j -> %s', async (io, extra, coloured) => {
    const r = await cli(['search', 'automobile', '--data', MINI, ...extra], { ...io, env: { ...io.env } });
    expect(r.stdout.includes(ESC)).toBe(coloured);
  });

  it('never colours JSON, even when forced', async () => {
    const r = await cli(['search', 'automobile', '--json', '--data', MINI], { isTTY: true, env: { FORCE_COLOR: '3' } });
    expect(r.stdout).not.toContain(ESC);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('output formats', () => {
  it('--ndjson prints one parseable object a line', async () => {
    const r = await withMini('list', '--ndjson');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([
      'gdp-2025',
      'automobile-production-2025',
      'laptop-production-world-first',
      'good-air-quality-days',
    ]);
  });

  it('--fields picks keys, in the order asked, null where a fact has none', async () => {
    const r = await withMini('list', '--json', '--fields', 'statement,id,rank');
    const first = JSON.parse(r.stdout)[0];
    expect(Object.keys(first)).toEqual(['statement', 'id', 'rank']);
    expect(first.rank).toBeNull();
  });

  it('search JSON carries a score, best first', async () => {
    const r = await withMini('search', 'laptop', '--json');
    const hits = JSON.parse(r.stdout);
    expect(hits[0].id).toBe('laptop-production-world-first');
    expect(hits[0].score).toBeGreaterThanOrEqual(0);
    expect(hits[0].score).toBeLessThanOrEqual(1);
  });

  it('--theme combines with search and accepts several themes', async () => {
    const none = await withMini('search', 'automobile', '--theme', 'ecology', '--json');
    expect(none.code).toBe(1);
    const some = await withMini('list', '--theme', 'ecology,overview', '--json');
    expect(JSON.parse(some.stdout).map((f: { theme: string }) => f.theme)).toEqual(['overview', 'ecology']);
    const repeated = await withMini('list', '--theme', 'ecology', '--theme', 'overview', '--json');
    expect(repeated.stdout).toBe(some.stdout);
  });

  it('--limit caps the results', async () => {
    const r = await withMini('search', 'chongqing', '--limit', '2', '--json');
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});

describe('every error is one line', () => {
  it.each([
    [['serch', 'car'], /^chongqing-facts: error: unknown command 'serch' \(Did you mean search\?\)\n$/],
    [['list', '--bogus'], /^chongqing-facts: error: unknown option '--bogus'\n$/],
    [['stats', '--ndjson'], /^chongqing-facts: error: unknown option '--ndjson' \(Did you mean --json\?\)\n$/],
    [['search'], /^chongqing-facts: error: missing required argument 'query'\n$/],
    [['help', 'nosuch'], /^chongqing-facts: error: unknown command 'nosuch'; commands: search, list, /],
    [['help', 'serch'], /^chongqing-facts: error: unknown command 'serch' \(did you mean search\?\)/],
    [['list', '--data', ''], /^chongqing-facts: error: --data needs a file name\n$/],
    [['list', '--min', '0x10'], /argument '0x10' is invalid/],
    [['list', '--fields', 'id,\u001b[31m'], /unknown field '\\u001b\[31m'/],
    [['\u001b[2Jcmd'], /unknown command '\\u001b\[2Jcmd'/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('help <command> prints that command\'s help on stdout', async () => {
    const r = await cli(['help', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: chongqing-facts show/);
  });

  it('DEBUG=* shows no stack for a user\'s mistake', async () => {
    const r = await cli(['show', 'nope'], { env: { DEBUG: '*' } });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('facts files with mistakes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cqf-bad-'));
  const mini = JSON.parse(readFileSync(MINI, 'utf8'));
  // The article beside the variants: a facts file may name only a file in its own directory.
  copyFileSync(resolve(dirname(MINI), mini.meta.article), join(dir, mini.meta.article));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const variant = (name: string, change: (d: typeof mini) => void) => {
    const d = structuredClone(mini);
    change(d);
    return write(name, JSON.stringify(d, null, 2));
  };

  it.each([
    ['a fact with an unknown theme', variant('theme.json', (d) => (d.facts[1].theme = 'sports')), /facts\[1\] \(id "automobile-production-2025"\): theme "sports" is not one of the file's themes/],
    ['a repeated id', variant('dup.json', (d) => (d.facts[2].id = 'gdp-2025')), /facts\[2\] \(id "gdp-2025"\): the id repeats facts\[0\]/],
    ['JSON with a mistake on line 2', write('syntax.json', '{"a": 1,\n "b": 2,}'), /is not valid JSON: Expected double-quoted property name at line 2, column 9$/m],
  ])('%s stops other commands with a data error (exit 2)', async (_what, file, message) => {
    const r = await cli(['stats', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('verify still lists every problem of such a file', async () => {
    const file = variant('both.json', (d) => {
      d.facts[1].theme = 'sports';
      d.facts[2].id = 'gdp-2025';
    });
    const r = await cli(['verify', '--data', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/theme "sports" is not one of/);
    expect(r.stdout).toMatch(/repeats facts\[0\]/);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const r = await cli(['list', '--json', '--data', write('bom.json', `\uFEFF${JSON.stringify(mini)}`)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(4);
  });

  it('show --context says so when the source is not in the article', async () => {
    const file = variant('context.json', (d) => (d.facts[0].source = 'Chongqing is large.'));
    const r = await cli(['show', 'gdp-2025', '--context', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the source of 'gdp-2025' is not a sentence of/);
  });

  it('random on a file without facts says so (exit 1)', async () => {
    const r = await cli(['random', '--json', '--data', variant('empty.json', (d) => (d.facts = []))]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/the facts file has no facts/);
  });
});
