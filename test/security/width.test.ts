// The table width comes from the terminal: COLUMNS counts only when stdout is
// one, and any width is clamped, so a wild value cannot make huge lines.
import { describe, expect, it } from 'vitest';
import { terminalWidth } from '../../src/cli/context.js';
import { runBuilt } from './built.js';

describe('terminalWidth', () => {
  it.each([
    // isTTY, columns, COLUMNS, width
    [false, undefined, '1e9', 100],
    [false, undefined, '40', 100],
    [false, 300, undefined, 100],
    [true, 80, '200', 80],
    [true, undefined, '120', 120],
    [true, undefined, '1e9', 1000],
    [true, undefined, '1e7', 1000],
    [true, undefined, 'Infinity', 100],
    [true, undefined, '5', 20],
    [true, undefined, '0', 100],
    [true, undefined, '-3', 100],
    [true, undefined, 'wide', 100],
    [true, undefined, '', 100],
    [true, 100000, undefined, 1000],
    [true, 79.9, undefined, 79],
  ] as const)('isTTY %s, columns %s, COLUMNS %s -> %i', (isTTY, columns, COLUMNS, width) => {
    const env = COLUMNS === undefined ? {} : { COLUMNS };
    expect(terminalWidth({ isTTY, columns, env, stdout: () => {}, stderr: () => {} })).toBe(width);
  });
});

describe('COLUMNS on a pipe', () => {
  it.each(['1e9', '1e7', '100000000000000000000'])('COLUMNS=%s themes --format table | cat stays a normal table', (COLUMNS) => {
    const r = runBuilt(['themes', '--format', 'table'], { env: { COLUMNS } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const line of r.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
