// The man page the build writes from the commander program: every command
// and option is in it (it cannot drift from --help), package.json names it,
// and groff (and man, where installed) render it without a warning.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { createContext } from '../../src/cli/context.js';

const MAN = fileURLToPath(new URL('../../dist/chongqing-facts.1', import.meta.url));
const page = readFileSync(MAN, 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const program = createProgram(createContext({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false }));
const has = (cmd: string) => spawnSync(cmd, ['--version']).status === 0;
/** roff's escaped hyphens undone, so flags read as typed. */
const text = page.replace(/\\-/g, '-');

describe('the man page', () => {
  it('is named in package.json "man"', () => {
    expect(pkg.man).toBe('./dist/chongqing-facts.1');
  });

  it('has every visible command, argument and option, and each command\'s examples', () => {
    for (const option of program.options) expect(text).toContain(option.flags);
    for (const cmd of program.createHelp().visibleCommands(program)) {
      expect(text).toMatch(new RegExp(`^\\.SS "${cmd.name()}[ "]`, 'm'));
      for (const a of cmd.registeredArguments) expect(text).toContain(a.name());
      for (const option of cmd.options.filter((o) => !o.hidden)) expect(text).toContain(option.flags);
    }
    expect(text).toContain('| chongqing-facts search --stdin --ndjson');
    expect(text).not.toContain('__complete');
  });

  it.skipIf(!has('groff'))('renders with groff without a warning', () => {
    const r = spawnSync('groff', ['-man', '-ww', '-z', '-Tutf8', MAN], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!has('man'))('renders with man -l without a warning', () => {
    const r = spawnSync('man', ['-l', MAN], { encoding: 'utf8', env: { ...process.env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/CHONGQING-FACTS\(1\)/);
  });
});
