// --min/--max: a long run of digits followed by anything else must be
// refused in linear time (a backtracking pattern was quadratic), and a
// value longer than any number is refused at once.
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, number } from '../../src/cli/options.js';
import { cli } from '../helpers.js';
import { cpuMs } from '../cpu-time.js';

const bad = (digits: number) => `${'1'.repeat(digits)}x`;

function time(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = cpuMs();
    for (let j = 0; j < 20; j++) f();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

describe('number options', () => {
  it('a run of digits then garbage: 100,000 digits cost at most 15 times 10,000 (quadratic: 100)', () => {
    const parse = (v: string) => () => expect(() => number(v)).toThrow();
    const small = time(parse(bad(10_000)));
    const large = time(parse(bad(100_000)));
    expect(large / small).toBeLessThan(15);
  });

  it.each(['1e12', '3.5e9', '800,000,000,000', '-2.5', '.5', '5.', '+1E-3', ` ${'9'.repeat(300)} `])('%s is still a number', (v) => {
    expect(Number.isFinite(number(v))).toBe(true);
  });

  it.each(['1.2.3', '1e', 'e5', '0x10', 'Infinity', '1_000', '.', '-', '1ex'])('%s is still not', (v) => {
    expect(() => number(v)).toThrow(/must be a number/);
  });

  it('a value longer than any number is a usage error saying so', async () => {
    expect(() => number('1'.repeat(MAX_NUMBER_LENGTH + 1))).toThrow(/too long/);
    const r = await cli(['search', 'car', '--min', bad(100_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too long \(at most 400 characters\)/);
  });
});
