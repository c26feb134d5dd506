// A lookup's program holds the one command it runs (src/cli/program.ts,
// LOOKUPS): defining the other eleven costs every lookup time. These tests
// fail if that program behaves in any way unlike the whole one, or if a
// lookup stops getting it.
import { describe, expect, it } from 'vitest';
import { createContext, type IO } from '../../src/cli/context.js';
import { createProgram, execute, LOOKUPS, run } from '../../src/cli/program.js';
import { collect } from '../helpers.js';

const io = (): IO => ({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
const whole = () => createProgram(createContext(io()));

describe('the program of a lookup', () => {
  it('knows every command by the name it defines (the table in program.ts and the register functions agree)', () => {
    const names = whole().commands.map((c) => c.name());
    expect(names).toEqual(['search', 'list', 'show', 'themes', 'cite', 'stats', 'random', 'info', 'index', 'verify', 'completion', 'mcp', '__complete', 'help']);
    for (const name of LOOKUPS) {
      expect(createProgram(createContext(io()), name).commands.map((c) => c.name())).toEqual([name]);
    }
  });

  it.each([...LOOKUPS])('%s: the same help, options and arguments as in the whole program', (name) => {
    const alone = createProgram(createContext(io()), name);
    const full = whole();
    const cmd = (p: ReturnType<typeof whole>) => p.commands.find((c) => c.name() === name)!;
    expect(cmd(alone).helpInformation()).toBe(cmd(full).helpInformation());
    expect(alone.options.map((o) => o.flags)).toEqual(full.options.map((o) => o.flags));
  });

  it.each([
    [['search', 'car', '--bogus']],
    [['list', '--them', 'ecology']],
    [['show']],
    [['stats', 'x', 'y']],
    [['cite', 'gdp-2025', '--format', 'nope']],
    [['search', '--help']],
    [['verify', '-h']],
    [['cite', 'no-such-fact']],
    [['list', '--theme', 'ecolgy']],
    [['search', 'car', '--json']],
  ])('%j: the same messages and exit code as through the whole program', async (argv) => {
    // The whole program, run the same way.
    const whole = (a: readonly string[], i: IO) => {
      const ctx = createContext(i);
      return execute(ctx, createProgram(ctx), a);
    };
    const one = await collect(run, argv);
    const all = await collect(whole, argv);
    expect(one.stdout).toBe(all.stdout);
    expect(one.stderr).toBe(all.stderr);
    expect(one.code).toBe(all.code);
  });

  it('is the whole program for help, completion, version and anything not a lookup', async () => {
    expect((await collect(run, ['help'])).stdout).toMatch(/completion/);
    expect((await collect(run, ['--help'])).stdout).toMatch(/verify/);
    expect((await collect(run, ['serch', 'car'])).stderr).toMatch(/Did you mean search\?/);
    expect((await collect(run, ['__complete', 'bash', '--', 'se'])).stdout).toMatch(/search/);
  });
});
