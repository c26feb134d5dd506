// Every command, rendered to a fake terminal (a TTY, colour forced) from a
// hostile facts file: no control character of the data reaches the terminal
// raw. What may remain is ours: newlines, and SGR colour sequences (ESC [ ... m).
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { builtCli } from './built.js';
import { CONTROLS, RAW_CONTROL, SGR, writeFacts } from './hostile.js';

const C = CONTROLS;
// The article may not hold line breaks of its own inside a paragraph.
const INLINE = C.replace(/[\n\r\u2028\u2029]/g, ' ');
const SOURCE = `Alpha ${INLINE} beta 2025 grew.`;

writeFacts('hostile-article.txt', [`Title ${INLINE}`, '', `Heading ${INLINE}`, '', `${SOURCE} Second ${INLINE} sentence.`, ''].join('\n'));

const theme = { id: 'hostile-theme', name: `Name ${C}`, zone: `Zone ${C}`, zh: [`中${C}`] };
const fact = {
  id: 'hostile-fact',
  theme: 'hostile-theme',
  statement: `Statement ${C} grew 5 percent.`,
  source: SOURCE,
  section: `Heading ${INLINE}`,
  figures: [
    { value: 1e-7, unit: `RMB ${C}`, text: `1 ${C}`, qualifier: `about ${C}` },
    { value: 5e-324, unit: 'units', text: 'tiny' },
    { value: 1e21, unit: 'units', text: 'huge' },
  ],
  rank: { position: 1, scope: `world ${C}`, text: `first ${C}` },
  year: 2025,
  date: `May ${C}`,
  tags: [`tag ${C}`],
  zh: [`重庆${C}`],
};
const meta = { title: `Title ${C}`, publisher: `Publisher ${C}`, article: 'hostile-article.txt', credit: `Credit ${C}`, language: 'en' };

/** Valid ids; everything else hostile. */
const TEXT = writeFacts('hostile-text.json', { meta, themes: [theme], facts: [fact, { ...fact, id: 'second-fact', figures: undefined }] });
/** Ids and theme ids hostile too: printed escaped, or refused with a message that is escaped. */
const IDS = writeFacts('hostile-ids.json', {
  meta,
  themes: [{ ...theme, id: `theme${C}` }],
  facts: [{ ...fact, id: `id${C}`, theme: `theme${C}` }],
});
const NEWLINE_PATH = `/nonexistent/line\nbreak ${C.replace(/\u0000/g, '')}.json`;

const commands = (data: string, id: string): string[][] => [
  ['search', 'statement'],
  ['search', 'statement', '--fields', 'id,theme,statement,source,section,figures,rank,year,date,tags,zh,score'],
  ['list'],
  ['list', '--fields', 'id,theme,statement,source,section,figures,rank,year,date,tags,zh'],
  ['list', '--unit', 'units'],
  ['show', id],
  ['show', id, '--context'],
  ['show', id, '--fields', 'id,context,figures'],
  ['cite', id],
  ['cite', id, '--format', 'markdown'],
  ['cite', id, '--format', 'bibtex'],
  ['themes'],
  ['stats'],
  ['random', '--seed', '1'],
  ['info'],
  ['verify'],
  ['completion', 'bash'],
  ['completion', 'zsh'],
  ['completion', 'fish'],
  ['__complete', 'bash', '--', 'chongqing-facts', 'show', ''],
  ['__complete', 'zsh', '--', 'chongqing-facts', 'list', '--unit', ''],
  // Errors that echo what was typed or what the data holds.
  ['show', `nope${C}`],
  ['show', `${id.slice(0, 4)}${C}`],
  ['list', '--theme', `nope${C}`],
  ['list', '--unit', `nope${C}`],
  ['list', '--fields', `id,${C}`],
  ['list', '--min', C],
  ['random', '--seed', C],
  [`cmd${C}`],
  ['help', `cmd${C}`],
  ['list', `--${C}`],
  ['--help'],
  ['search', '--help'],
].map((argv) => [...argv, '--data', data]);

const withJson = (argvs: string[][]) =>
  argvs.flatMap((argv) => [argv, [...argv, '--json'], [...argv, '--ndjson']]).filter((argv) => !['completion', '__complete', 'help', '--help'].includes(argv[0] ?? '') || !argv.includes('--json') && !argv.includes('--ndjson'));

function expectNoRawControls(out: string, where: string): void {
  const left = out.replace(SGR, '');
  const at = RAW_CONTROL.exec(left);
  expect(at, `${where}: raw U+${at?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(left.slice(Math.max(0, (at?.index ?? 0) - 20), (at?.index ?? 0) + 20))}`).toBeNull();
}

describe.each([
  ['text fields', TEXT, 'hostile-fact'],
  ['ids and theme ids', IDS, `id${C}`],
])('a facts file with hostile %s', (_what, data, id) => {
  it.each([100, 40])('shows no raw control character at width %i', async (columns) => {
    for (const argv of withJson(commands(data, id))) {
      // The built CLI: in-process cli-table3 measures with string-width, far slower on long text.
      const r = await builtCli(argv, { isTTY: true, columns, env: { FORCE_COLOR: '3', COLUMNS: String(columns) } });
      // fish's answer separates a candidate from its description with a tab: its own format.
      const stdout = argv[1] === 'fish' ? r.stdout.replace(/\t/g, ' ') : r.stdout;
      expectNoRawControls(stdout, `${argv.join(' ')} (stdout)`);
      expectNoRawControls(r.stderr, `${argv.join(' ')} (stderr)`);
      expect(r.stderr).not.toMatch(/internal error/);
      if (argv.includes('--json') && !argv.includes('--help') && r.stdout) expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });
});

describe('what the escapes look like', () => {
  it('text: every control as \\uXXXX, colour added after', async () => {
    const r = await cli(['show', 'hostile-fact', '--data', TEXT], { isTTY: true, columns: 200, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    const plain = r.stdout.replace(SGR, '');
    for (const escaped of ['\\u001b[2J', '\\u001b]0;pwned title\\u0007', '\\u202eevil\\u202c', 'zero\\u200b\\u200c\\u200d\\u2060\\ufeffwidth', 'line\\u000abreak\\u0009tab', 'over\\u000dwrite', '\\u009b31m']) {
      expect(plain).toContain(escaped);
    }
    expect(r.stdout).toContain('\u001b[36m'); // our own colour, kept
  });

  it('JSON: standard JSON that reads back as the data, with nothing raw in it', async () => {
    const r = await cli(['show', 'hostile-fact', '--json', '--data', TEXT]);
    expect(JSON.parse(r.stdout).statement).toBe(fact.statement);
    expectNoRawControls(r.stdout, 'show --json');
    expect(r.stdout).toContain('\\u202e');
  });

  it('figures in full decimal notation', async () => {
    const r = await cli(['show', 'hostile-fact', '--data', TEXT], { isTTY: true, columns: 1000 });
    expect(r.stdout).toContain('0.0000001 RMB');
    expect(r.stdout).toContain(`0.${'0'.repeat(323)}5 units`);
    expect(r.stdout).toContain('1,000,000,000,000,000,000,000 units');
    expect(r.stdout).not.toMatch(/\de[-+,]?\d/);
  });

  it('an error naming a file with a newline in its name stays one line', async () => {
    const r = await cli(['list', '--data', NEWLINE_PATH]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^chongqing-facts: error: cannot read facts file \/nonexistent\/line\\u000abreak .*: no such file\n$/);
    expectNoRawControls(r.stderr, 'the error');
    const nul = await cli(['list', '--data', `/x\u0000y${C}`]);
    expect(nul.stderr).toMatch(/^chongqing-facts: error: cannot read facts file \/x\\u0000y.*: a file name cannot hold a NUL character\n$/);
  });
});

describe('line formats from a hostile facts file', () => {
  // Ours: the tabs between plain/tsv fields and csv's CRLF; everything from the data is escaped.
  const ours = (format: string, out: string) => (format === 'csv' ? out.replace(/\r\n/g, '\n') : out.replace(/\t/g, ' '));
  it.each(['plain', 'tsv', 'csv', 'markdown'])('%s shows no raw control character', async (format) => {
    for (const [data, id] of [[TEXT, 'hostile-fact'], [IDS, `id${C}`]] as const) {
      for (const argv of [['search', 'statement'], ['list'], ['list', '--fields', 'id,theme,statement,source,section,figures,rank,year,date,tags,zh'], ['show', id, '--context'], ['themes'], ['random', '--seed', '1'], ['stats'], ['info']]) {
        const full = [...argv, '--format', format, '--data', data];
        const r = await cli(full);
        if (r.code === 2) continue; // a format the command does not have
        expectNoRawControls(ours(format, r.stdout), full.join(' '));
        expectNoRawControls(r.stderr, `${full.join(' ')} (stderr)`);
      }
    }
  });

  it('search --stdin echoes a hostile query escaped', async () => {
    const r = await cli(['search', '--stdin', '--format', 'table', '--data', TEXT], { stdin: () => `statement\nnothing${C}here\n`, isTTY: true });
    expectNoRawControls(r.stdout.replace(SGR, ''), 'stdout');
    expectNoRawControls(r.stderr, 'stderr');
  });
});
