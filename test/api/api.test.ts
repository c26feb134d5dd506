// The Node API (src/api/index.ts), in-process: each function's results are
// exactly what the CLI's --json prints for the same arguments, each option
// narrows as the CLI's does, each failure is a typed error with a code and
// the CLI's message, and a facts file is loaded once while it stays the same.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as api from '../../src/api/index.js';
import { DataError, FactsError, NotFoundError, UsageError, getFact, list, loadFacts, random, search, stats, themes } from '../../src/api/index.js';
import { indexOf } from '../../src/api/data.js';
import type { LoadedFacts } from '../../src/data/load.js';
import { cli, MINI } from '../helpers.js';
import { nth } from '../nth.js';

/** What the CLI prints with --json for argv, and its exit code. */
async function cliJson(argv: string[]): Promise<{ code: number; value: unknown }> {
  const r = await cli([...argv, '--json']);
  expect(r.stderr).toBe('');
  return { code: r.code, value: JSON.parse(r.stdout) };
}

describe('results are what --json prints', () => {
  it.each<[string, () => unknown, string[]]>([
    ['search', () => search('car production'), ['search', 'car', 'production']],
    ['search: limit', () => search('production', { limit: 3 }), ['search', 'production', '--limit', '3']],
    ['search: theme as a string with a comma', () => search('loans', { theme: 'ecology,rural' }), ['search', 'loans', '--theme', 'ecology,rural']],
    ['search: theme as a list', () => search('loans', { theme: ['ecology', 'rural'] }), ['search', 'loans', '-t', 'ecology', '-t', 'rural']],
    ['search: theme [] is no filter', () => search('loans', { theme: [] }), ['search', 'loans']],
    ['search: year', () => search('production', { year: 2025 }), ['search', 'production', '--year', '2025']],
    ['search: unit and sort', () => search('trade', { unit: 'RMB', sort: 'value' }), ['search', 'trade', '--unit', 'RMB', '--sort', 'value']],
    ['search: min and max', () => search('production', { min: 1e6, max: 1e12 }), ['search', 'production', '--min', '1e6', '--max', '1e12']],
    ['search: Chinese', () => search('奉节脐橙'), ['search', '奉节脐橙']],
    ['search: --data', () => search('production', { data: MINI }), ['--data', MINI, 'search', 'production']],
    ['list', () => list(), ['list']],
    ['list: theme', () => list({ theme: 'ecology' }), ['list', '--theme', 'ecology']],
    ['list: min', () => list({ min: 1e12 }), ['list', '--min', '1e12']],
    ['list: unit, in any case, by value', () => list({ unit: '%', sort: 'value' }), ['list', '--unit', '%', '--sort', 'value']],
    ['list: year', () => list({ year: 2025 }), ['list', '--year', '2025']],
    ['list: --data', () => list({ data: MINI }), ['--data', MINI, 'list']],
    ['getFact', () => getFact('gdp-2025'), ['show', 'gdp-2025']],
    ['getFact: context', () => getFact('automobile-production-2025', { context: true }), ['show', 'automobile-production-2025', '--context']],
    ['themes', () => themes(), ['themes']],
    ['themes: --data', () => themes({ data: MINI }), ['--data', MINI, 'themes']],
    ['random: seed', () => random({ seed: 20260101 }), ['random', '--seed', '20260101']],
    ['random: seed as digits, theme', () => random({ seed: '007', theme: 'ecology' }), ['random', '--seed', '7', '--theme', 'ecology']],
    ['random: seed as a bigint', () => random({ seed: 123456789012345678901234567890n }), ['random', '--seed', '123456789012345678901234567890']],
    ['stats', () => stats(), ['stats']],
  ])('%s', async (_what, call, argv) => {
    const { code, value } = await cliJson(argv);
    expect(code).toBe(0);
    expect(call()).toStrictEqual(value);
  });

  it('keys in the same order as --json (score last)', async () => {
    const { value } = await cliJson(['search', 'laptop']);
    expect(JSON.stringify(search('laptop'))).toBe(JSON.stringify(value));
    expect(Object.keys(nth(search('laptop'))).at(-1)).toBe('score');
  });

  it('nothing found is [] (where the CLI exits 1)', async () => {
    const { code, value } = await cliJson(['search', 'zzqxj']);
    expect(code).toBe(1);
    expect(search('zzqxj')).toEqual(value);
    expect(list({ year: 1999 })).toEqual([]);
  });

  it('list takes a limit; search defaults to 10', () => {
    expect(list({ limit: 2 }).map((f) => f.id)).toEqual(list().slice(0, 2).map((f) => f.id));
    expect(search('chongqing')).toHaveLength(10);
  });
});

describe('errors: typed, with a code, in the CLI’s words', () => {
  const cases: [string, () => unknown, typeof FactsError, string, string[]][] = [
    ['unknown theme', () => search('loans', { theme: 'ecolgy' }), UsageError, 'usage', ['search', 'loans', '--theme', 'ecolgy']],
    ['empty theme', () => list({ theme: '' }), UsageError, 'usage', ['list', '--theme', '']],
    ['unknown unit', () => list({ unit: 'furlongs' }), UsageError, 'usage', ['list', '--unit', 'furlongs']],
    ['min above max', () => list({ min: 5, max: 1 }), UsageError, 'usage', ['list', '--min', '5', '--max', '1']],
    ['empty query', () => search('  '), UsageError, 'usage', ['search', '  ']],
    ['unknown id', () => getFact('gpd-2025'), NotFoundError, 'not-found', ['show', 'gpd-2025']],
    ['a theme without facts', () => random({ theme: 'industry', data: emptyThemeFile() }), NotFoundError, 'not-found', []],
    ['missing facts file', () => list({ data: '/nonexistent/facts.json' }), DataError, 'data', ['--data', '/nonexistent/facts.json', 'list']],
    ['context without an article', () => getFact('metro-lines', { context: true, data: minimalFile() }), DataError, 'data', []],
  ];
  it.each(cases)('%s', async (_what, call, type, code, argv) => {
    let err: unknown;
    try {
      call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(type);
    expect(err).toBeInstanceOf(FactsError);
    expect((err as FactsError).code).toBe(code);
    if (argv.length) {
      const r = await cli(argv);
      expect(r.code).toBe((err as FactsError).exitCode);
      expect(r.stderr).toBe(`chongqing-facts: error: ${(err as Error).message}\n`);
    }
  });

  it.each<[string, () => unknown, RegExp]>([
    ['limit 0', () => search('car', { limit: 0 }), /^limit: argument '0' is invalid\. must be a positive whole number$/],
    ['limit 2.5', () => list({ limit: 2.5 }), /^limit: argument '2\.5' is invalid/],
    ['year 25', () => list({ year: 25 }), /^year: argument '25' is invalid\. must be a four-digit year, e\.g\. 2025$/],
    ['min NaN', () => list({ min: Number.NaN }), /^min: argument 'NaN' is invalid\. must be a number/],
    ['max Infinity', () => list({ max: Infinity }), /^max: argument 'Infinity' is invalid/],
    ['sort', () => list({ sort: 'size' as 'value' }), /^sort: argument 'size' is invalid\. Allowed choices are value\.$/],
    ['seed', () => random({ seed: 1.5 }), /^seed: argument '1\.5' is invalid\. must be a whole number$/],
    ['theme of another type', () => list({ theme: 3 as unknown as string }), /^theme: argument '3' is invalid/],
    ['query of another type', () => search(undefined as unknown as string), /^the search query must be a string$/],
    ['data of another kind', () => list({ data: { facts: [] } as unknown as api.Facts }), /^data: must be a facts file name or what loadFacts\(\) returned$/],
    ['data an empty name', () => loadFacts(''), /^data: a facts file name must be a non-empty string$/],
  ])('%s is a usage error', (_what, call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });

  it('the order of the checks is the CLI’s: a bad value before an empty query', () => {
    expect(() => search('', { limit: 0 })).toThrow(/^limit:/);
  });

  it('never prints and never exits', () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const exit = vi.spyOn(process, 'exit');
    search('car');
    expect(() => getFact('nope')).toThrow(NotFoundError);
    expect(() => list({ data: '/nonexistent' })).toThrow(DataError);
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

describe('loading: once per file while it stays the same', () => {
  it('the same path (relative or absolute) is the same loaded object; the bundled file too', () => {
    expect(loadFacts(MINI)).toBe(loadFacts(MINI));
    expect(loadFacts()).toBe(loadFacts());
    const cwd = process.cwd();
    process.chdir(join(MINI, '..'));
    try {
      expect(loadFacts('mini-facts.json')).toBe(loadFacts(MINI));
    } finally {
      process.chdir(cwd);
    }
  });

  it('a file that changed is read again, even at the same size and modification time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqf-api-'));
    const file = join(dir, 'facts.json');
    const write = (statement: string) => {
      writeFileSync(file, JSON.stringify([{ id: 'a', theme: 't', statement, source: 'Source.' }]));
      utimesSync(file, 1_700_000_000, 1_700_000_000);
    };
    write('First one.');
    // A file changed this instant may change again within the same tick of the file system's clock: not kept.
    const racy = loadFacts(file);
    expect(loadFacts(file)).not.toBe(racy);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3000);
      const first = loadFacts(file);
      expect(first.facts[0]?.statement).toBe('First one.');
      expect(loadFacts(file)).toBe(first);
      write('Other one.');
      vi.setSystemTime(Date.now() + 3000);
      const second = loadFacts(file);
      expect(second).not.toBe(first);
      expect(second.facts[0]?.statement).toBe('Other one.');
      expect(list({ data: file })[0]?.statement).toBe('Other one.');
      expect(loadFacts(file)).toBe(second);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a loaded file is indexed once: later searches reuse its index', () => {
    const data = loadFacts(MINI) as LoadedFacts;
    search('production', { data: MINI });
    expect(indexOf(data)).toBe(indexOf(loadFacts(MINI) as LoadedFacts));
    expect(indexOf(data).origin).toBe('built');
    expect(indexOf(loadFacts() as LoadedFacts).origin).toBe('stored');
  });

  it('a loaded object is frozen and serves as data; results are the caller’s to change', () => {
    const data = loadFacts(MINI);
    expect(Object.isFrozen(data) && Object.isFrozen(data.facts) && Object.isFrozen(data.facts[0]?.figures?.[0])).toBe(true);
    expect(search('production', { data }).map((f) => f.id)).toEqual(search('production', { data: MINI }).map((f) => f.id));
    const fact = getFact('gdp-2025', { data });
    fact.figures?.push({ value: 1, unit: 'x', text: '1 x' });
    fact.statement = 'changed';
    expect(getFact('gdp-2025', { data })).toStrictEqual(getFact('gdp-2025', { data: MINI }));
    expect(getFact('gdp-2025', { data }).figures).toHaveLength(1);
  });

  it('exports the functions, the error classes and nothing of the CLI', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['DataError', 'FactsError', 'NotFoundError', 'UsageError', 'getFact', 'list', 'loadFacts', 'random', 'search', 'stats', 'themes'].sort(),
    );
  });
});

/** A facts file whose only theme has no facts. */
function emptyThemeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqf-api-'));
  const file = join(dir, 'facts.json');
  writeFileSync(
    file,
    JSON.stringify({
      themes: [{ id: 'industry', name: 'Industry' }, { id: 'other', name: 'Other' }],
      facts: [{ id: 'a', theme: 'other', statement: 'A.', source: 'A.' }],
    }),
  );
  return file;
}

/** The README's smallest facts file: no meta, so no article. */
function minimalFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqf-api-'));
  const file = join(dir, 'facts.json');
  writeFileSync(file, JSON.stringify([{ id: 'metro-lines', theme: 'transport', statement: 'The city has 12 metro lines.', source: 'There are 12 metro lines.' }]));
  return file;
}
