// Numbers typed into options: no underscores inside them, and seeds that are
// equal numbers pick the same fact.
import { describe, expect, it } from 'vitest';
import { number, wholeNumber } from '../../src/cli/options.js';
import { cli } from '../helpers.js';

describe('--min and --max take no underscores', () => {
  it.each(['_1', '1_', '1_000', '1__0', '1e1_0', '_'])('%s is a usage error', async (value) => {
    expect(() => number(value)).toThrow(/must be a number/);
    const r = await cli(['list', '--min', value, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/argument '.*' is invalid\. must be a number/);
  });

  it.each([
    ['1,000', 1000],
    ['1e3', 1000],
    ['-2.5', -2.5],
    [' 42 ', 42],
  ])('%s is still %d', (value, n) => expect(number(value)).toBe(n));
});

describe('--seed: equal numbers are equal seeds', () => {
  it.each([
    ['0', '0'],
    ['00', '0'],
    ['-0', '0'],
    ['+0', '0'],
    ['-000', '0'],
    ['042', '42'],
    ['+42', '42'],
    ['-007', '-7'],
    [` ${'0'.repeat(50)}99999999999999999999999 `, '99999999999999999999999'],
  ])('%j is %j', (seed, digits) => expect(wholeNumber(seed)).toBe(digits));

  it('0, 00, -0 and +0 pick the same fact; 42 and 042 too', async () => {
    const pick = async (seed: string) => JSON.parse((await cli(['random', `--seed=${seed}`, '--json'])).stdout).id;
    const zero = await pick('0');
    for (const seed of ['00', '-0', '+0', '0000']) expect(await pick(seed)).toBe(zero);
    expect(await pick('042')).toBe(await pick('42'));
  });

  it.each(['1_0', '1.0', '0x10', '1e3', ''])('%j is a usage error', async (seed) => {
    expect((await cli(['random', `--seed=${seed}`])).code).toBe(2);
  });
});
