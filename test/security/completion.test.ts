// Completion with a hostile facts file: ids, themes and units that are shell
// code. The scripts hold no data, so sourcing them runs nothing; a TAB asks
// the program, which answers in plain lines that the shell quotes as it
// inserts them, so pressing TAB runs nothing either.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { complete, parseLine, unquote, type DataModel, type ProgramModel } from '../../src/cli/complete.js';
import { cli } from '../helpers.js';
import { writeFacts } from './hostile.js';
import { bashComplete, fishComplete, hasShell, shq, WORK, zshComplete } from './shells.js';

// Each payload would leave a file named pwned-... in the shell's working directory.
const MARK = 'pwned';
const hostile = (n: number) => [
  `x$(touch ${MARK}-${n}a)`,
  `x\`touch ${MARK}-${n}b\``,
  `'; touch ${MARK}-${n}c; '`,
  `x) touch ${MARK}-${n}d ;; y`, // closes a case statement
  `"; touch ${MARK}-${n}e; "`,
  `x\ntouch ${MARK}-${n}f`, // a newline: a second line of the answer
  `(touch ${MARK}-${n}g)`, // fish's command substitution
  `x;touch ${MARK}-${n}h`,
  `$'\\x41'`,
  `*`,
  `-rf`,
];
const ids = hostile(1);
const themes = hostile(2);
const units = [...hostile(3), 'countries and regions', "it's"];

const FILE = writeFacts('completion-hostile.json', {
  meta: { title: 'T', publisher: 'P', article: 'a.txt' },
  themes: themes.map((id) => ({ id, name: 'n', zone: null })),
  facts: ids.map((id, i) => ({
    id,
    theme: themes[i % themes.length],
    statement: 's',
    source: 's',
    section: 'T',
    // The first fact carries a figure in every unit.
    figures: (i === 0 ? units : [units[i % units.length]]).map((unit) => ({ value: i, unit, text: String(i) })),
  })),
});
// A second file, named so that its path is shell code too: --data on the line must reach the program as it is.
const ODD_PATH = writeFacts(`odd $(touch ${MARK}-path) name.json`, {
  meta: { title: 'T', publisher: 'P', article: 'a.txt' },
  themes: [{ id: 'only-theme', name: 'n', zone: null }],
  facts: [{ id: 'only-fact', theme: 'only-theme', statement: 's', source: 's', section: 'T' }],
});

const nothingRan = () => expect(readdirSync(WORK).filter((f) => f.startsWith(MARK))).toEqual([]);
/** One line each, no control characters: what a candidate may be. */
const offerable = (values: string[]) => values.filter((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v));

// What the program accepts from this file decides what completion offers: a
// loader that refuses such ids (exit 2) leaves nothing to offer but names.
let accepted = { ids: [] as string[], themes: [] as string[], units: [] as string[] };
beforeAll(async () => {
  const r = await cli(['list', '--json', '--data', FILE]);
  if (r.code === 0) accepted = { ids: offerable(ids), themes: offerable(themes), units: offerable(units) };
});

describe('the scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: the same script with or without the hostile file', async (shell) => {
    const plain = await cli(['completion', shell]);
    const withData = await cli(['completion', shell, '--data', FILE], { env: { CHONGQING_FACTS_DATA: FILE } });
    expect(withData).toEqual(plain);
    for (const id of ids.filter((x) => x.includes('touch'))) expect(plain.stdout).not.toContain(id);
  });
});

describe.runIf(hasShell('bash'))('bash, with a hostile facts file', () => {
  let script = '';
  beforeAll(async () => {
    script = (await cli(['completion', 'bash'])).stdout;
  });
  const tab = (...words: string[]) => bashComplete(script, ['chongqing-facts', ...words], { CHONGQING_FACTS_DATA: FILE });
  // bash inserts COMPREPLY as it is: the script quotes each candidate (printf %q).
  const quoted = (values: string[], typed = '') =>
    values.filter((v) => v.startsWith(typed)).map((v) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(v) ? v : bashQuote(v)));

  it('ids after show, themes after --theme, units after --unit: offered quoted, nothing run', () => {
    expect(tab('show', '')).toEqual(quoted(accepted.ids));
    expect(tab('cite', 'x')).toEqual(quoted(accepted.ids, 'x'));
    expect(tab('list', '--theme', '')).toEqual(quoted(accepted.themes));
    expect(tab('list', '--unit', '')).toEqual(quoted([...new Set(accepted.units)].sort()));
    expect(tab('list', '--theme', '=', '')).toEqual(quoted(accepted.themes));
    nothingRan();
  });

  it('a candidate goes back into bash as exactly itself', () => {
    for (const value of tab('list', '--unit', '')) {
      const r = bashEcho(value);
      expect(accepted.units).toContain(r);
    }
    nothingRan();
  });

  it('--data typed on the line is used, passed as it is', () => {
    expect(tab('--data', shq(ODD_PATH), 'show', '')).toEqual(['only-fact']);
    expect(tab('show', '--data', ODD_PATH.replace(/([ $()])/g, '\\$1'), '')).toEqual(['only-fact']);
    nothingRan();
  });
});

describe.runIf(hasShell('zsh'))('zsh, with a hostile facts file', () => {
  let script = '';
  beforeAll(async () => {
    script = (await cli(['completion', 'zsh'])).stdout;
  });
  const tab = (...words: string[]) => zshComplete(script, ['chongqing-facts', ...words], { CHONGQING_FACTS_DATA: FILE });

  it('offers the values as they are (compadd quotes them), nothing run', () => {
    expect(tab('show', '')).toEqual(accepted.ids);
    expect(tab('list', '--theme', '')).toEqual(accepted.themes);
    expect(tab('list', '--unit', '')).toEqual([...new Set(accepted.units)].sort());
    expect(tab('--data', shq(ODD_PATH), 'show', '')).toEqual(['only-fact']);
    nothingRan();
  });
});

describe.runIf(hasShell('fish'))('fish, with a hostile facts file', () => {
  let script = '';
  beforeAll(async () => {
    script = (await cli(['completion', 'fish'])).stdout;
  });
  const tab = (line: string) => fishComplete(script, `chongqing-facts ${line}`, { CHONGQING_FACTS_DATA: FILE });
  const sorted = (values: string[]) => [...new Set(values)].sort();

  it('offers the values, nothing run', () => {
    // fish sorts what it offers; it escapes a candidate only as it inserts it.
    expect(sorted(tab('show '))).toEqual(sorted(accepted.ids));
    expect(sorted(tab('list --theme '))).toEqual(sorted(accepted.themes));
    expect(sorted(tab('list --unit '))).toEqual(sorted(accepted.units));
    expect(tab(`--data ${fishEscape(ODD_PATH)} show `)).toEqual(['only-fact']);
    // fish, unlike bash and zsh, passes on a variable set on the line itself.
    expect(fishComplete(script, `CHONGQING_FACTS_DATA=${fishEscape(ODD_PATH)} chongqing-facts show `)).toEqual(['only-fact']);
    nothingRan();
  });
});

describe('the answer (__complete)', () => {
  it('drops candidates with control characters or line breaks, and never fails', async () => {
    const r = await cli(['__complete', 'bash', '--', 'chongqing-facts', 'show', ''], { env: { CHONGQING_FACTS_DATA: FILE } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('values');
    expect(lines.slice(1)).toEqual(accepted.ids);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('answers only "values" for a facts file it cannot read', async () => {
    const r = await cli(['__complete', 'bash', '--', 'chongqing-facts', '--data', '/nonexistent', 'show', '']);
    expect(r).toEqual({ code: 0, stdout: 'values\n', stderr: '' });
  });

  it('never reads standard input for --data -', async () => {
    const r = await cli(['__complete', 'bash', '--', 'chongqing-facts', '--data', '-', 'show', '']);
    expect(r).toEqual({ code: 0, stdout: 'values\n', stderr: '' });
  });
});

describe('reading the typed words', () => {
  it.each([
    ["'a b'", 'a b'],
    ['"a\\"b"', 'a"b'],
    ['a\\ b', 'a b'],
    ['"$(x)"', '$(x)'],
    ["'$(x)'", '$(x)'],
    ['`x`', '`x`'],
    ["'unterminated", 'unterminated'],
  ])('%s is %s', (typed, word) => expect(unquote(typed)).toBe(word));

  it('joins what bash split at "=", and sets aside variables before the name', () => {
    expect(parseLine('bash', ['chongqing-facts', 'list', '--theme', '=', 'ec'])).toMatchObject({ tokens: ['list'], current: '--theme=ec', split: true });
    expect(parseLine('zsh', ['chongqing-facts', 'list', '--theme=ec'])).toMatchObject({ tokens: ['list'], current: '--theme=ec', split: false });
    expect(parseLine('fish', ['CHONGQING_FACTS_DATA=/x.json', 'chongqing-facts', 'show', ''])).toMatchObject({
      tokens: ['show'],
      current: '',
      choice: { env: '/x.json' },
    });
    expect(parseLine('bash', ['chongqing-facts', '--data', '/a', '--data=/b', 'show', 'g']).choice).toEqual({ data: '/b' });
  });

  const program: ProgramModel = {
    options: [{ flags: ['--data'], description: 'facts file', takesValue: true }],
    commands: [
      { name: 'show', description: 'one', options: [{ flags: ['--fields'], description: 'f', takesValue: true }], args: [{ name: 'id', variadic: false }] },
      { name: 'list', description: 'all', options: [{ flags: ['-t', '--theme'], description: 't', takesValue: true }], args: [] },
    ],
    fields: new Map([['show', ['id', 'context']]]),
  };
  const data: DataModel = { ids: ['a-1', 'a-2', 'b\u001b[2J', 'c\nd'], themes: ['eco', 'rural'], units: [] };
  it.each([
    [['show', 'a'], ['a-1', 'a-2']],
    [['show', ''], ['a-1', 'a-2']],
    [['show', 'a-1', ''], []],
    [['list', '-t', 'eco,r'], ['eco,rural']],
    [['list', '--theme=r'], ['--theme=rural']],
    [['list', '--theme', '=', 'r'], ['rural']],
    [['show', 'x', '--fields', 'id,'], ['id,id', 'id,context']],
    [['--data', '/x', 's'], ['show']],
    [['l'], ['list']],
    [['list', '--t'], ['--theme']],
  ])('%j -> %j', (words, expected) => {
    const r = complete('bash', ['chongqing-facts', ...words], program, () => data);
    expect(r.candidates.map((c) => c.value)).toEqual(expected);
  });

  it('asks for file names after --data', () => {
    expect(complete('bash', ['chongqing-facts', '--data', ''], program, () => data).kind).toBe('files');
  });
});

/** printf %q as bash does it, for the expectations: bash itself is asked. */
function bashQuote(value: string): string {
  return bashRun(`printf '%q' ${shq(value)}`);
}

/** What bash makes of a word typed as `value`: the command line reads it back. */
function bashEcho(value: string): string {
  return bashRun(`printf '%s' ${value}`);
}

function bashRun(command: string): string {
  return spawnSync('bash', ['-c', command], { encoding: 'utf8', cwd: WORK }).stdout;
}

const fishEscape = (s: string) => s.replace(/[^A-Za-z0-9_./-]/g, '\\$&');
