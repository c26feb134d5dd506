// Output formats, each parsed back by a real parser: csv and tsv by Python's
// csv module (a spawned python3), Markdown by splitting the pipe table on
// unescaped pipes, JSON by JSON.parse. Plus the defaults (plain on a pipe),
// --limit, search --stdin, colour precedence, ASCII locales and the pager's
// decisions.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ESC, MINI } from '../helpers.js';
import { colorLevel, pagerFor, tallerThan, utf8Locale, type IO } from '../../src/cli/context.js';
import { pagerArgv } from '../../src/cli/pager.js';
import { csvCell, markdownCell, tsvCell } from '../../src/format/flat.js';

const ids = ['gdp-2025', 'automobile-production-2025', 'laptop-production-world-first', 'good-air-quality-days'];

/** Rows as Python's csv module reads them (tsv: tab-delimited, no quoting, our escapes undone). */
function python(text: string, dialect: 'csv' | 'tsv'): string[][] {
  const script =
    dialect === 'csv'
      ? 'import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin.buffer.read().decode().splitlines(True)))))'
      : String.raw`import csv,sys,json,re
rows=csv.reader(sys.stdin.buffer.read().decode().splitlines(True),delimiter='\t',quoting=csv.QUOTE_NONE)
un=lambda v: re.sub(r'\\(.)', lambda m: {'t':'\t','n':'\n','r':'\r','\\':'\\'}.get(m.group(1), '\\'+m.group(1)), v)
print(json.dumps([[un(v) for v in r] for r in rows]))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' }));
}

/** A Markdown pipe table's header and rows, \| and \\ and \< unescaped. */
function markdown(text: string): string[][] {
  const lines = text.trimEnd().split('\n');
  expect(lines[1]).toMatch(/^\|(---\|)+$/);
  return lines.filter((_, i) => i !== 1).map((line) => {
    expect(line).toMatch(/^\| .* \|$/);
    return line
      .slice(2, -2)
      .split(/ \| (?<!\\ \| )/)
      .map((cell) => cell.replace(/\\([\\|<])/g, '$1'));
  });
}

describe('plain output on a pipe', () => {
  it('is one record a line, tab-separated, no header, no box drawing', async () => {
    const r = await cli(['list', '--data', MINI]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(ids);
    expect(lines.every((l) => l.split('\t').length === 4)).toBe(true);
    expect(r.stdout).not.toMatch(/[─│┌]/);
  });

  it('list --fields id prints bare ids', async () => {
    expect((await cli(['list', '--fields', 'id', '--data', MINI])).stdout).toBe(`${ids.join('\n')}\n`);
  });

  it('--format table forces the box table off a terminal', async () => {
    expect((await cli(['list', '--format', 'table', '--data', MINI])).stdout).toMatch(/┌/);
  });

  it('escapes backslash, tab, newline and carriage return as \\\\ \\t \\n \\r, other controls as \\uXXXX', () => {
    expect(tsvCell('a\\b\tc\nd\re\u001b[2J')).toBe('a\\\\b\\tc\\nd\\re\\u001b[2J');
  });
});

describe.each([
  ['search', 'car', '--data', MINI],
  ['list', '--data', MINI],
  ['show', 'gdp-2025', '--data', MINI],
  ['random', '--seed', '3', '--data', MINI],
])('formats of %s', (...argv) => {
  const fields = ['statement', 'id', 'figures'];
  const json = async () => {
    const r = await cli([...argv, '--json', '--fields', fields.join(',')]);
    const v = JSON.parse(r.stdout);
    return (Array.isArray(v) ? v : [v]).map((o: Record<string, unknown>) => fields.map((f) => o[f]));
  };
  const text = (v: unknown) => (Array.isArray(v) ? v.map((g: { text: string }) => g.text).join('; ') : v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const expected = async () => (await json()).map((row: unknown[]) => row.map(text));

  it('csv: RFC 4180 with a header, read back by python csv', async () => {
    const r = await cli([...argv, '--format', 'csv', '--fields', fields.join(',')]);
    expect(r.stdout).toMatch(/\r\n$/);
    const rows = python(r.stdout, 'csv');
    expect(rows[0]).toEqual(fields);
    expect(rows.slice(1)).toEqual(await expected());
  });

  it('tsv: a header and escapes, read back by python csv', async () => {
    const r = await cli([...argv, '--format', 'tsv', '--fields', fields.join(',')]);
    const rows = python(r.stdout, 'tsv');
    expect(rows[0]).toEqual(fields);
    expect(rows.slice(1)).toEqual(await expected());
  });

  it('markdown: a pipe table', async () => {
    const r = await cli([...argv, '--format', 'markdown', '--fields', fields.join(',')]);
    const rows = markdown(r.stdout);
    expect(rows[0]).toEqual(fields);
    expect(rows.slice(1)).toEqual(await expected());
  });

  it('ndjson and plain agree with json', async () => {
    const nd = await cli([...argv, '--format', 'ndjson', '--fields', fields.join(',')]);
    expect(nd.stdout.trimEnd().split('\n').map((l) => fields.map((f) => JSON.parse(l)[f]))).toEqual(await json());
    const plain = await cli([...argv, '--format', 'plain', '--fields', fields.join(',')]);
    expect(plain.stdout.trimEnd().split('\n').map((l) => l.split('\t'))).toEqual(await expected());
  });

  it('--json with another --format is a usage error; with --format json it is fine', async () => {
    const r = await cli([...argv, '--json', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --format csv ask for different formats/);
    expect((await cli([...argv, '--json', '--format', 'json'])).code).toBe(0);
  });
});

describe('cells with the characters each format must escape', () => {
  const hostile = 'say "hi", a|b <b>x</b> \\ tab\there\nnew';
  it.each([
    ['csv', csvCell(hostile), (s: string) => python(`${s}\r\n`, 'csv')[0]?.[0], 'say "hi", a|b <b>x</b> \\ tab\\u0009here\\u000anew'],
    ['tsv', tsvCell(hostile), (s: string) => python(`${s}\n`, 'tsv')[0]?.[0], hostile],
    ['markdown', markdownCell(hostile), (s: string) => markdown(`| ${s} |\n|---|\n`)[0]?.[0], 'say "hi", a|b <b>x</b> \\ tab here new'],
  ])('%s', (_format, cell, parse, back) => {
    expect(parse(cell)).toBe(back);
  });

  it('csv: a value a spreadsheet would run as a formula gets a leading quote; a negative number does not', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2.5')).toBe('-2.5');
    expect(csvCell('+cmd')).toBe("'+cmd");
  });
});

describe('themes, stats and info', () => {
  it('themes --fields picks and orders columns in every format', async () => {
    expect((await cli(['themes', '--fields', 'facts,id', '--data', MINI])).stdout.split('\n')[0]).toMatch(/^\d+\t[a-z]+$/);
    const j = JSON.parse((await cli(['themes', '--fields', 'facts,id', '--json', '--data', MINI])).stdout);
    expect(Object.keys(j[0])).toEqual(['facts', 'id']);
    expect((await cli(['themes', '--fields', 'id', '--format', 'table', '--data', MINI])).stdout).toMatch(/┌/);
  });

  it('stats: a chart on a terminal, id/facts/withFigures lines on a pipe, csv on request', async () => {
    expect((await cli(['stats', '--data', MINI], { isTTY: true })).stdout).toContain('█');
    const plain = (await cli(['stats', '--data', MINI])).stdout.trimEnd().split('\n');
    expect(plain.every((l) => /^[a-z-]+\t\d+\t\d+$/.test(l))).toBe(true);
    expect(python((await cli(['stats', '--format', 'csv', '--data', MINI])).stdout, 'csv')[0]).toEqual(['id', 'facts', 'withFigures']);
  });

  it('verify: the same text on a pipe and a terminal', async () => {
    const pipe = await cli(['verify']);
    expect(pipe.stdout).toMatch(/^ok: \d+ facts agree with /);
    expect((await cli(['verify'], { isTTY: true })).stdout).toBe(pipe.stdout);
  });
});

describe('list --limit', () => {
  it.each([['-n'], ['--limit']])('%s 2 keeps the first two', async (flag) => {
    expect((await cli(['list', flag, '2', '--fields', 'id', '--data', MINI])).stdout).toBe(`${ids.slice(0, 2).join('\n')}\n`);
  });
  it('rejects 0', async () => {
    expect((await cli(['list', '-n', '0', '--data', MINI])).code).toBe(2);
  });
});

describe('search --stdin', () => {
  const stdin = (text: string) => () => text;

  it('answers each line, skipping blank ones; each JSON record carries its query', async () => {
    const r = await cli(['search', '--stdin', '--ndjson', '-n', '1', '--data', MINI], { stdin: stdin('car\n\n  \r\nlaptop\r\n') });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.id])).toEqual([['car', 'automobile-production-2025'], ['laptop', 'laptop-production-world-first']]);
    const j = JSON.parse((await cli(['search', '--stdin', '--json', '-n', '1', '--data', MINI], { stdin: stdin('car\nlaptop') })).stdout);
    expect(j.map((o: { query: string }) => o.query)).toEqual(['car', 'laptop']);
  });

  it('plain lines start with the query; a table has a heading per query', async () => {
    const plain = await cli(['search', '--stdin', '-n', '1', '--fields', 'id', '--data', MINI], { stdin: stdin('car\nlaptop\n') });
    expect(plain.stdout).toBe('car\tautomobile-production-2025\nlaptop\tlaptop-production-world-first\n');
    const table = await cli(['search', '--stdin', '-n', '1', '--data', MINI], { stdin: stdin('car\nlaptop\n'), isTTY: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(table.stdout).toMatch(/query: car\n┌[^]*query: laptop\n┌/);
  });

  it('exits 0 if any query found something, 1 if none did, 2 with a query argument too', async () => {
    expect((await cli(['search', '--stdin', '--data', MINI], { stdin: stdin('zzzzqqq\ncar\n') })).code).toBe(0);
    const none = await cli(['search', '--stdin', '--json', '--data', MINI], { stdin: stdin('zzzzqqq\nxxxyyy\n') });
    expect([none.code, none.stdout]).toEqual([1, '[]\n']);
    expect((await cli(['search', 'car', '--stdin', '--data', MINI], { stdin: stdin('car\n') })).code).toBe(2);
    expect((await cli(['search', '--stdin', '--data', '-'], { stdin: stdin('car\n') })).code).toBe(2);
  });

  it('reads standard input with a size cap', async () => {
    let cap = 0;
    await cli(['search', '--stdin', '--data', MINI], { stdin: (max) => ((cap = max), 'car\n') });
    expect(cap).toBe(64 * 1024 * 1024);
  });
});

describe('colour precedence', () => {
  // flag, env, terminal?, coloured?
  it.each([
    ['always', { NO_COLOR: '1', FORCE_COLOR: '0' }, false, true],
    ['never', { FORCE_COLOR: '1', CLICOLOR_FORCE: '1' }, true, false],
    [false, { FORCE_COLOR: '1' }, true, false],
    ['auto', { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0', CLICOLOR_FORCE: '1' }, true, false],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [undefined, { CLICOLOR_FORCE: '1', NO_COLOR: '1' }, false, true],
    [undefined, { CLICOLOR_FORCE: '0' }, false, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { CLICOLOR: '0' }, true, false],
    [undefined, { CLICOLOR: '1' }, true, true],
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: 'dumb' }, true, false],
  ] as const)('--color %s, %j, terminal %s -> %s', (flag, env, isTTY, coloured) => {
    const io: IO = { env: { ...env }, isTTY, stdout: () => {}, stderr: () => {} };
    expect(colorLevel(io, flag) > 0).toBe(coloured);
  });

  it('--color always colours a table on a pipe, never JSON or plain lines', async () => {
    expect((await cli(['list', '--color', 'always', '--format', 'table', '--data', MINI])).stdout).toContain(ESC);
    expect((await cli(['list', '--color', 'always', '--data', MINI])).stdout).not.toContain(ESC);
    expect((await cli(['list', '--color', 'always', '--json', '--data', MINI])).stdout).not.toContain(ESC);
    expect((await cli(['list', '--color', 'sometimes', '--data', MINI])).code).toBe(2);
  });
});

describe('ASCII when the locale is not UTF-8', () => {
  it.each([
    [{}, true],
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C' }, false],
    [{ LANG: 'POSIX' }, false],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, false],
    [{ LC_ALL: 'C.UTF-8', LANG: 'C' }, true],
    [{ LC_CTYPE: 'C', LANG: 'en_US.utf8' }, false],
    [{ LC_ALL: '', LC_CTYPE: 'en_GB.UTF-8', LANG: 'C' }, true],
    [{ LANG: 'de_DE.ISO-8859-1' }, false],
  ] as const)('%j -> UTF-8 %s', (env, utf8) => {
    expect(utf8Locale({ ...env })).toBe(utf8);
  });

  it.each([
    ['list', '--data', MINI],
    ['list', '--data', MINI, '--fields', 'id,statement'],
    ['show', 'gdp-2025', '--data', MINI],
    ['themes', '--data', MINI],
    ['stats', '--data', MINI],
    ['search', 'car', '--data', MINI],
  ])('%s draws in ASCII under LANG=C', async (...argv) => {
    for (const columns of [100, 40]) {
      const r = await cli(argv, { isTTY: true, columns, env: { LANG: 'C' } });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[─│┌┐└┘├┤┼█░]/);
      expect(r.stdout).toMatch(/[+#]/);
    }
  });
});

describe('pager', () => {
  it.each([
    [{}, 'less -FRX'],
    [{ PAGER: 'more' }, 'more'],
    [{ PAGER: 'more', CHONGQING_FACTS_PAGER: 'most' }, 'most'],
    [{ PAGER: '' }, undefined],
    [{ CHONGQING_FACTS_PAGER: 'cat', PAGER: 'less' }, undefined],
  ] as const)('%j -> %s', (env, pager) => {
    expect(pagerFor({ ...env })).toBe(pager);
  });

  it.each([
    ['less -FRX', ['less', '-FRX']],
    ['/usr/bin/less  -R', ['/usr/bin/less', '-R']],
    ['less -R | tee "$HOME/x"', ['sh', '-c', 'less -R | tee "$HOME/x"']],
    ["LESS='-R' less", ['sh', '-c', "LESS='-R' less"]],
  ])('%s runs as %j', (pager, argv) => {
    expect(pagerArgv(pager)).toEqual(argv);
  });

  it('counts rendered lines: long lines wrap, colour takes no room', () => {
    expect(tallerThan('a\nb\n', 3, 80)).toBe(false);
    expect(tallerThan('a\nb\nc\n', 3, 80)).toBe(true);
    expect(tallerThan(`${'x'.repeat(200)}\n`, 3, 80)).toBe(true);
    expect(tallerThan(`\u001b[1m${'x'.repeat(80)}\u001b[22m\n`, 2, 80)).toBe(false);
    expect(tallerThan('a\n'.repeat(1000), undefined, 80)).toBe(false);
  });

  const paged = async (argv: string[], io: Partial<IO>, started = true) => {
    const calls: string[] = [];
    const r = await cli(argv, { isTTY: true, columns: 100, rows: 10, ...io, page: (text, pager) => (calls.push(pager), started) });
    return { ...r, calls };
  };

  it('pages output taller than the terminal, and only on a terminal', async () => {
    expect((await paged(['list'], {})).calls).toEqual(['less -FRX']);
    expect((await paged(['list'], { isTTY: false })).calls).toEqual([]);
    expect((await paged(['list', '--no-pager'], {})).calls).toEqual([]);
    expect((await paged(['list', '--data', MINI, '--format', 'plain', '--fields', 'id'], {})).calls).toEqual([]);
    expect((await paged(['list'], { env: { PAGER: 'more' } })).calls).toEqual(['more']);
  });

  it('prints directly when the pager cannot start', async () => {
    const r = await paged(['list', '--fields', 'id'], {}, false);
    expect(r.calls).toHaveLength(1);
    expect(r.stdout).toContain('gdp-2025');
  });
});
