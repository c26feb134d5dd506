// Help fitted to the width: the terminal's, 80 columns off a terminal;
// commander's part and our examples and notes alike.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { fitHelp } from '../../src/cli/help.js';
import { displayWidth } from '../../src/format/width.js';

const COMMANDS = ['', 'search', 'list', 'show', 'themes', 'cite', 'stats', 'random', 'info', 'verify', 'completion', 'mcp', 'help'];

const tooWide = (text: string, width: number) => text.split('\n').filter((l) => displayWidth(l) > width);

describe.each([40, 60, 100])('at %i columns', (columns) => {
  it.each(COMMANDS)('%s --help has no line wider than the terminal', async (command) => {
    const r = await cli([...(command ? [command] : []), '--help'], { isTTY: true, columns });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
    expect(tooWide(r.stdout, columns)).toEqual([]);
  });
});

describe('off a terminal', () => {
  it.each(COMMANDS)('%s --help is 80 columns wide at most, with its examples', async (command) => {
    const r = await cli([...(command ? [command] : []), '--help'], { columns: 30, env: { COLUMNS: '30' } });
    expect(tooWide(r.stdout, 80)).toEqual([]);
    if (command !== 'help') expect(r.stdout).toMatch(/\$ chongqing-facts|Claude Desktop/);
  });
});

describe('fitHelp', () => {
  it('continues a long example after a backslash, never inside quotes, a comment above it', () => {
    const out = fitHelp("  $ chongqing-facts list --theme ecology --json | jq -r '.[] | .statement'    # statements", 40);
    expect(out.split('\n')).toEqual([
      '  # statements',
      '  $ chongqing-facts list --theme \\',
      '      ecology --json | jq -r \\',
      "      '.[] | .statement'",
    ]);
  });

  it('fills a note at the margin again as a paragraph; leaves lines that fit', () => {
    expect(fitHelp('Exits 1 when nothing\nmatches at all, ever.', 18)).toBe('Exits 1 when\nnothing matches at\nall, ever.');
    expect(fitHelp('short\nlines', 20)).toBe('short\nlines');
  });
});
