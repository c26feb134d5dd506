// cite, show --context, number filters, stats, random, info and completion,
// in-process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA } from '../../src/data/load.js';
import { cli, ESC } from '../helpers.js';
import { bashComplete, fishComplete, hasShell, zshComplete } from '../security/shells.js';

const json = async (...argv: string[]) => {
  const r = await cli(argv);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};
const ids = (facts: { id: string }[]) => facts.map((f) => f.id);

describe('cite', () => {
  it.each([
    ['text', /^Chongqing's laptop production .*\n"Chongqing's laptop production maintained .* year;"\n-- Chongqing Daily, With Spring in the Air, .*, section "High-Quality Development Enters the Fast Lane"\n$/],
    ['markdown', /\n\n> Chongqing's laptop production maintained .* year;\n\n-- Chongqing Daily, \*With Spring in the Air,.*\*, section "High-Quality/],
    ['bibtex', /^@article\{chongqing-daily-laptop-production-world-first,\n {2}title {5}= \{With Spring in the Air.*\},\n {2}journal {3}= \{Chongqing Daily\},[\s\S]*\n\}\n$/],
  ])('--format %s', async (format, shape) => {
    const r = await cli(['cite', 'laptop-production-world-first', '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(shape);
  });

  it('cites several ids, a blank line between; csl-json is one array', async () => {
    const one = (await cli(['cite', 'gdp-2025'])).stdout;
    const two = (await cli(['cite', 'laptop-production-world-first'])).stdout;
    expect((await cli(['cite', 'gdp-2025', 'laptop-production-world-first'])).stdout).toBe(`${one}\n${two}`);
    const items = JSON.parse((await cli(['cite', 'gdp-2025', 'laptop-production-world-first', '--format', 'csl-json'])).stdout);
    expect(items.map((i: { id: string; type: string }) => [i.id, i.type])).toEqual([['gdp-2025', 'article-newspaper'], ['laptop-production-world-first', 'article-newspaper']]);
  });

  it('leaves out the section when it is the title (the opening paragraphs)', async () => {
    const r = await cli(['cite', 'gdp-2025']);
    expect(r.stdout).not.toContain('section');
  });

  it.each([
    [['cite', 'gdp-2025', '--format', 'pdf'], 2, /Allowed choices are text, markdown, bibtex, csl-json, json/],
    [['cite', 'gdp-2025', 'gpd-2025'], 1, /no fact with id 'gpd-2025'/],
    [['cite', 'gpd-2025'], 1, /no fact with id 'gpd-2025'; did you mean: gdp-2025\?/],
  ])('%j exits %i', async (argv, code, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('show --context', () => {
  it('adds the paragraph, with the sentence marked on a terminal', async () => {
    const r = await cli(['show', 'automobile-share-western-region', '--context'], { isTTY: true, columns: 100 });
    expect(r.stdout).toContain('context');
    expect(r.stdout).toContain(`${ESC}1m${ESC}33mIn 2025, Chongqing's automobile production`);
    expect(r.stdout).toContain('With solid strength');
  });

  it('adds a context field in JSON', async () => {
    const fact = await json('show', 'automobile-share-western-region', '--context', '--json');
    expect(fact.context).toMatch(/^In 2025, Chongqing's automobile production .* continues to rise\.$/);
    expect(fact.context).toContain(fact.source);
  });
});

describe('number filters', () => {
  it('list --min 1e12 returns the trillion-scale figures and nothing smaller', async () => {
    const facts = await json('list', '--min', '1e12', '--json');
    expect(ids(facts)).toEqual(['gdp-2025', 'western-china-asean-trade-1-trillion', 'green-loans-1-trillion']);
  });

  it.each([
    [['--min', '800000000000'], (v: number) => v >= 8e11],
    [['--min', '3.5e9', '--max', '1e11'], (v: number) => v >= 3.5e9 && v <= 1e11],
    [['--max', '5', '--unit', '%'], (v: number) => v <= 5],
    [['--min', '1,000', '--unit', 'tons'], (v: number) => v >= 1000],
  ])('%j keeps only facts with a figure in range', async (flags, inRange) => {
    const facts = await json('list', ...flags, '--json');
    for (const f of facts) expect(f.figures.some((g: { value: number }) => inRange(g.value))).toBe(true);
  });

  it('--unit and --sort value order by the largest figure', async () => {
    const facts = await json('list', '--unit', 'RMB', '--sort', 'value', '--json');
    const top = facts.map((f: { figures: { unit: string; value: number }[] }) =>
      Math.max(...f.figures.filter((g) => g.unit === 'RMB').map((g) => g.value)),
    );
    expect(top).toEqual([...top].sort((a, b) => b - a));
    expect(facts[0].id).toBe('gdp-2025');
  });

  it('--year keeps facts of that year', async () => {
    const facts = await json('list', '--year', '2026', '--json');
    expect(ids(facts)).toEqual(['15th-five-year-plan-2026']);
  });

  it('combines with search', async () => {
    const facts = await json('search', 'trade', '--min', '1e12', '--json');
    expect(ids(facts)).toEqual(['western-china-asean-trade-1-trillion']);
  });

  it.each([
    [['list', '--min', 'abc'], /'--min <n>' argument 'abc' is invalid\. must be a number/],
    [['list', '--max', ''], /must be a number/],
    [['list', '--year', '25'], /four-digit year/],
    [['list', '--unit', 'ton'], /unknown unit 'ton' \(did you mean tons\?\)/],
    [['list', '--sort', 'size'], /Allowed choices are value/],
    [['list', '--min', '10', '--max', '1'], /--min 10 is larger than --max 1/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('exits 1 when no fact fits', async () => {
    const r = await cli(['list', '--min', '1e15', '--json']);
    expect(r).toMatchObject({ code: 1, stdout: '[]\n' });
  });
});

describe('stats', () => {
  it('counts facts and facts with figures per theme', async () => {
    const s = await json('stats', '--json');
    expect(s.themes).toHaveLength(8);
    expect(s.facts).toBe(s.themes.reduce((n: number, t: { facts: number }) => n + t.facts, 0));
    for (const t of s.themes) expect(t.withFigures).toBeLessThanOrEqual(t.facts);
  });

  it('draws plain bars, no colour even on a terminal', async () => {
    const r = await cli(['stats'], { isTTY: true, columns: 80 });
    expect(r.stdout).toMatch(/^overview +█+░* +\d+ \(\d+ with figures\)$/m);
    expect(r.stdout).not.toContain(ESC);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('random', () => {
  it('is repeatable with --seed', async () => {
    const a = await json('random', '--seed', '42', '--json');
    const b = await json('random', '--seed', '42', '--json');
    expect(a).toEqual(b);
  });

  it('varies with the seed and keeps to --theme', async () => {
    const picks = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const f = await json('random', '--seed', String(seed), '--theme', 'ecology', '--json');
      expect(f.theme).toBe('ecology');
      picks.add(f.id);
    }
    expect(picks.size).toBeGreaterThan(3);
  });

  it('prints two lines for a greeting', async () => {
    const r = await cli(['random', '--seed', '7'], { isTTY: true });
    expect(r.stdout).toMatch(/^.+\n {2}> .+ \([a-z0-9-]+\)\n$/);
  });

  it('rejects a seed that is not a whole number', async () => {
    expect((await cli(['random', '--seed', '1.5'])).code).toBe(2);
  });
});

describe('info', () => {
  it("gives the dataset's title, counts and the facts file's SHA-256", async () => {
    const info = await json('info', '--json');
    const sha = createHash('sha256').update(readFileSync(BUNDLED_DATA)).digest('hex');
    expect(info).toMatchObject({ publisher: 'Chongqing Daily', themes: 8, sha256: sha });
    expect(info.facts).toBeGreaterThan(100);
    const text = await cli(['info'], { isTTY: true });
    expect(text.stdout).toContain(`sha256    ${sha}`);
    // On a pipe: key<TAB>value.
    expect((await cli(['info'])).stdout).toContain(`sha256\t${sha}\n`);
  });
});

describe('completion', () => {
  // The scripts ask the built binary (on PATH) for candidates at each TAB.
  const script = async (shell: string) => (await cli(['completion', shell])).stdout;

  it('bash: completes "search --theme ec" to ecology, and more', async () => {
    const bash = await script('bash');
    const complete = (...words: string[]) => bashComplete(bash, words);
    expect(complete('chongqing-facts', 'search', '--theme', 'ec')).toEqual(['ecology']);
    expect(complete('chongqing-facts', 'list', '-t', 'ecology,ru')).toEqual(['ecology,rural']);
    expect(complete('chongqing-facts', 'se')).toEqual(['search']);
    expect(complete('chongqing-facts', 'show', 'gdp')).toEqual(['gdp-2025']);
    expect(complete('chongqing-facts', 'cite', 'x', '--format', 'b')).toEqual(['bibtex']);
    expect(complete('chongqing-facts', 'list', '--js')).toEqual(['--json']);
    expect(complete('chongqing-facts', 'completion', 'z')).toEqual(['zsh']);
    expect(complete('chongqing-facts', 'cite', 'gdp-2025', '-f', 'm')).toEqual(['markdown']);
    expect(complete('chongqing-facts', 'list', '--unit', 'coun')).toEqual(['countries\\ and\\ regions']);
    expect(complete('chongqing-facts', 'list', '--unit', 'countries\\ a')).toEqual(['countries\\ and\\ regions']);
    expect(complete('chongqing-facts', 'show', 'x', '--fields', 'con')).toEqual(['context']);
    expect(complete('chongqing-facts', 'list', '--fields', 'sc')).toEqual([]); // score is search's
    expect(complete('chongqing-facts', 'search', 'x', '--theme', '=', 'eco')).toEqual(['ecology']);
    expect(complete('chongqing-facts', 'search', 'x', '--theme', '=')).toHaveLength(8);
    expect(complete('chongqing-facts', 'help', 'st')).toEqual(['stats']);
  });

  it.runIf(hasShell('zsh'))('zsh: completes themes (after = and a comma too), units, formats and ids', async () => {
    const zsh = await script('zsh');
    const complete = (...words: string[]) => zshComplete(zsh, words);
    expect(complete('chongqing-facts', 'search', '--theme', 'ec')).toEqual(['ecology']);
    expect(complete('chongqing-facts', 'search', '--theme=ec')).toEqual(['--theme=ecology']);
    expect(complete('chongqing-facts', 'list', '--theme', 'ecology,ru')).toEqual(['ecology,rural']);
    expect(complete('chongqing-facts', 'list', '--unit', 'coun')).toEqual(['countries and regions']);
    expect(complete('chongqing-facts', 'list', '--unit', 'countries\\ a')).toEqual(['countries and regions']);
    expect(complete('chongqing-facts', 'cite', 'gdp-2025', '-f', 'b')).toEqual(['bibtex']);
    expect(complete('chongqing-facts', 'show', 'gdp')).toEqual(['gdp-2025']);
    expect(complete('chongqing-facts', '--data', '')).toEqual(['<files>']);
  });

  it.runIf(hasShell('fish'))('fish: completes themes (after a comma too), units, formats and ids', async () => {
    const fish = await script('fish');
    const complete = (line: string) => fishComplete(fish, line);
    expect(complete('chongqing-facts search --theme ec')).toEqual(['ecology']);
    expect(complete('chongqing-facts search --theme=ec')).toEqual(['--theme=ecology']);
    expect(complete('chongqing-facts list --theme ecology,ru')).toEqual(['ecology,rural']);
    expect(complete('chongqing-facts list --unit coun')).toEqual(['countries and regions']);
    expect(complete('chongqing-facts cite gdp-2025 -f b')).toEqual(['bibtex']);
    expect(complete('chongqing-facts show gdp')).toEqual(['gdp-2025']);
    expect(complete('chongqing-facts se')).toEqual(['search']);
  });

  it.each(['bash', 'zsh', 'fish'])('%s: the script holds no data, only the way to ask for it', async (shell) => {
    const r = await cli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('__complete');
    expect(r.stdout).not.toContain('ecology');
    expect(r.stdout).not.toContain('gdp-2025');
  });

  it.each([
    ['bash', ['-n']],
    ['zsh', ['-n']],
    ['fish', ['--no-execute']],
  ])('%s: the script parses', async (shell, check) => {
    if (!hasShell(shell)) return;
    const file = join(mkdtempSync(join(tmpdir(), 'cqf-script-')), shell);
    writeFileSync(file, (await cli(['completion', shell])).stdout);
    expect(spawnSync(shell, [...check, file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });

  it('tcsh is a usage error', async () => {
    const r = await cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });
});

describe('review fixes', () => {
  it('stats fits a 40-column terminal', async () => {
    const r = await cli(['stats'], { isTTY: true, columns: 40 });
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('random seeds that differ by 2^32 give different facts', async () => {
    const a = await json('random', '--seed', '1', '--json');
    const b = await json('random', '--seed', '4294967297', '--json');
    const huge = await cli(['random', '--seed', '99999999999999999999']);
    expect(a.id).not.toBe(b.id);
    expect(huge.code).toBe(0);
  });
});
